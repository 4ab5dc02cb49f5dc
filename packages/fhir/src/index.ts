export { toFhirBundle, MCODE_PROFILES, DEFAULT_PATIENT_ID_SYSTEM, type FhirBundleOptions } from './bundle.js';
export {
  LOINC_TUMOR_MARKERS,
  TNM_CODES,
  STAGING_TYPE_BY_PREFIX,
  MCODE_STU4,
  LOINC_SYSTEM,
  SNOMED_SYSTEM,
  UCUM_SYSTEM,
  type TumorMarkerRow,
  type MarkerValueKind,
  type StagingType,
  type TnmPart,
  type StagingCodeRow,
} from './tables/loinc.js';
export {
  RESULT_ANSWERS,
  RESULT_CLASS,
  CANCER_TYPES,
  MALIGNANT_NEOPLASTIC_DISEASE,
  LATERALITY,
  AJCC_EDITION_METHOD,
  AJCC_VALUES,
  HISTOLOGY_ICD_O_3,
  ICD_O_3_SYSTEM,
  DOCUMENT_TYPE,
} from './tables/terminology.js';
export type { Bundle } from '@medplum/fhirtypes';
