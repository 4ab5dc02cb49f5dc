// LOINC codes for tumor marker tests and TNM staging observations. Each row names where its code
// and display string were taken from; `display` is the LOINC long common name as that source
// states it. A fact key with no verified code has `loinc: null` and is exported with text only.

export const MCODE_STU4 = 'mCODE STU4 (HL7 FHIR US mCODE IG 4.0.0, npm package hl7.fhir.us.mcode@4.0.0, built 2025-02-16)';

export interface Coding {
  system: string;
  code: string;
  display: string;
}

export const LOINC_SYSTEM = 'http://loinc.org';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** How a fact's value becomes an Observation value. */
export type MarkerValueKind =
  | 'receptor_presence' // positive | low_positive | negative | equivocal
  | 'her2_ihc' // '0' | '1+' | '2+' | '3+'
  | 'her2_ish' // amplified | not_amplified | equivocal
  | 'her2_status' // derived: positive | negative | equivocal
  | 'percent'
  | 'ratio'
  | 'copies_per_nucleus';

export interface TumorMarkerRow {
  id: string;
  /** Profile fact key, or `derived.<key>` for a derived category. */
  fact: string;
  label: string;
  loinc: { code: string; display: string } | null;
  value: MarkerValueKind;
  source: string;
}

const VS = `${MCODE_STU4}, ValueSet mcode-tumor-marker-test-vs (LOINC codes with their LOINC long common names)`;

/** Tumor marker tests exported as mCODE TumorMarkerTest Observations, in bundle order. */
export const LOINC_TUMOR_MARKERS: readonly TumorMarkerRow[] = [
  { id: 'er-status', fact: 'er_status', label: 'Estrogen receptor (IHC)', loinc: { code: '85337-4', display: 'Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain' }, value: 'receptor_presence', source: `${VS}; also the code of the mCODE example tumor-marker-test-er-jenny-m` },
  { id: 'er-percent', fact: 'er_percent', label: 'Estrogen receptor, % positive tumor nuclei', loinc: { code: '85329-1', display: 'Cells.estrogen receptor/100 cells in Breast cancer specimen by Immune stain' }, value: 'percent', source: VS },
  { id: 'pr-status', fact: 'pr_status', label: 'Progesterone receptor (IHC)', loinc: { code: '85339-0', display: 'Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain' }, value: 'receptor_presence', source: `${VS}; also the code of the mCODE example tumor-marker-test-pr-jenny-m` },
  { id: 'pr-percent', fact: 'pr_percent', label: 'Progesterone receptor, % positive tumor nuclei', loinc: { code: '85325-9', display: 'Cells.progesterone receptor/100 cells in Breast cancer specimen by Immune stain' }, value: 'percent', source: VS },
  { id: 'her2-ihc', fact: 'her2_ihc', label: 'HER2 (IHC)', loinc: { code: '85319-2', display: 'HER2 [Presence] in Breast cancer specimen by Immune stain' }, value: 'her2_ihc', source: VS },
  { id: 'her2-ish', fact: 'her2_ish', label: 'HER2 gene amplification (ISH)', loinc: { code: '85318-4', display: 'ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH' }, value: 'her2_ish', source: `${VS}. LOINC names the method FISH; bright-field ISH (SISH, DISH, CISH) results are exported under the same code` },
  { id: 'her2-ratio', fact: 'her2_ratio', label: 'HER2/CEP17 ratio (ISH)', loinc: { code: '49683-6', display: 'ERBB2 gene copy number/Chromosome 17 copy number in Tissue by FISH' }, value: 'ratio', source: VS },
  { id: 'her2-copy-number', fact: 'her2_copy_number', label: 'HER2 average copy number per nucleus (ISH)', loinc: { code: '74860-8', display: 'ERBB2 gene copy number/nucleus in Tissue by FISH' }, value: 'copies_per_nucleus', source: VS },
  { id: 'her2-status', fact: 'derived.her2Status', label: 'HER2 status (ASCO/CAP)', loinc: { code: '48676-1', display: 'HER2 [Interpretation] in Tissue' }, value: 'her2_status', source: `${VS}; also the code of the mCODE example tumor-marker-test-her2-jenny-m` },
  {
    id: 'ki67',
    fact: 'ki67',
    label: 'Ki-67 proliferation index (IHC, % positive tumor nuclei)',
    loinc: { code: '29593-1', display: 'Cells.Ki-67 nuclear Ag/100 cells in Specimen by Immune stain' },
    value: 'percent',
    source:
      'LOINC 29593-1 (Ki-67 is not in mCODE STU4 mcode-tumor-marker-test-vs). Not checked against a LOINC release here (no LOINC table offline): verify code and display before production use',
  },
  { id: 'pdl1-tps', fact: 'pdl1_tps', label: 'PD-L1 tumor proportion score (IHC)', loinc: { code: '83053-9', display: 'Cells.programmed cell death ligand 1/100 viable tumor cells in Tissue by Immune stain' }, value: 'percent', source: VS },
];

export type StagingType = 'clinical' | 'pathologic' | 'other';
export type TnmPart = 't' | 'n' | 'm' | 'group';

export interface StagingCodeRow {
  loinc: { code: string; display: string };
  snomed: { code: string; display: string };
}

/**
 * Codes of the TNM category and stage group Observations by staging type. SNOMED CT codes are
 * mCODE's preferred binding (mcode-tnm-*-staging-type-vs); the LOINC codes are the ones mCODE's
 * maximum value sets allow (mcode-tnm-*-staging-type-max-vs). Both go into `code.coding`.
 */
export const TNM_CODES: { source: string; rows: Record<StagingType, Record<TnmPart, StagingCodeRow>> } = {
  source: `${MCODE_STU4}, ValueSets mcode-tnm-{primary-tumor,regional-nodes,distant-metastases,stage-group}-staging-type-vs (SNOMED CT) and -max-vs (LOINC)`,
  rows: {
    pathologic: {
      t: { loinc: { code: '21899-0', display: 'Primary tumor.pathology Cancer' }, snomed: { code: '384625004', display: 'pT category' } },
      n: { loinc: { code: '21900-6', display: 'Regional lymph nodes.pathology [Class] Cancer' }, snomed: { code: '371494008', display: 'pN category' } },
      m: { loinc: { code: '21901-4', display: 'Distant metastases.pathology [Class] Cancer' }, snomed: { code: '371497001', display: 'pM category' } },
      group: { loinc: { code: '21902-2', display: 'Stage group.pathology Cancer' }, snomed: { code: '399588009', display: 'Pathologic TNM stage grouping' } },
    },
    clinical: {
      t: { loinc: { code: '21905-5', display: 'Primary tumor.clinical [Class] Cancer' }, snomed: { code: '399504009', display: 'cT category' } },
      n: { loinc: { code: '21906-3', display: 'Regional lymph nodes.clinical [Class] Cancer' }, snomed: { code: '399534004', display: 'cN category' } },
      m: { loinc: { code: '21907-1', display: 'Distant metastases.clinical [Class] Cancer' }, snomed: { code: '399387003', display: 'cM category' } },
      group: { loinc: { code: '21908-9', display: 'Stage group.clinical Cancer' }, snomed: { code: '399537006', display: 'Clinical TNM stage grouping' } },
    },
    other: {
      t: { loinc: { code: '21911-3', display: 'Primary tumor.other [Class] Cancer' }, snomed: { code: '78873005', display: 'T category' } },
      n: { loinc: { code: '21912-1', display: 'Regional lymph nodes.other [Class] Cancer' }, snomed: { code: '277206009', display: 'N category' } },
      m: { loinc: { code: '21913-9', display: 'Distant metastases.other [Class] Cancer' }, snomed: { code: '277208005', display: 'M category' } },
      group: { loinc: { code: '21914-7', display: 'Stage group.other Cancer' }, snomed: { code: '399390009', display: 'TNM stage grouping' } },
    },
  },
};

/**
 * Staging type by the TNM prefix (AJCC 8th ed.: c = clinical, p = pathological, yc/yp = after
 * neoadjuvant therapy; r = recurrence and a = autopsy have no LOINC/SNOMED type of their own).
 */
export const STAGING_TYPE_BY_PREFIX: { source: string; prefixes: Record<string, StagingType> } = {
  source: 'AJCC Cancer Staging Manual, 8th ed., classification prefixes',
  prefixes: { c: 'clinical', yc: 'clinical', p: 'pathologic', yp: 'pathologic' },
};
