// SNOMED CT, ICD-O-3 and LOINC answer codes used for values. Each table names its source; rows
// that are not in the mCODE package say so in their own `source`.
import { MCODE_STU4 } from './loinc.js';

export interface Code {
  code: string;
  display: string;
}

export type ResultClass = 'positive' | 'negative' | 'equivocal';

/**
 * Result answers. US Core 6.1 (us-core-4) prefers SNOMED CT for coded lab values, so SNOMED is the
 * default; LOINC answer codes (as in the mCODE tumor marker examples) can be chosen instead.
 */
export const RESULT_ANSWERS: { source: string; rows: Record<ResultClass, { snomed: Code & { source?: string }; loinc: Code | null }> } = {
  source: `${MCODE_STU4} examples: SNOMED CT 10828004 (tumor-marker-test-egf) and 260385009 (us-core-observation-lab-tumor-invasion-jenny-m); LOINC LA6576-8 and LA6577-6 (tumor-marker-test-er-jenny-m, -pr-jenny-m, -her2-jenny-m)`,
  rows: {
    positive: { snomed: { code: '10828004', display: 'Positive (qualifier value)' }, loinc: { code: 'LA6576-8', display: 'Positive' } },
    negative: { snomed: { code: '260385009', display: 'Negative (qualifier value)' }, loinc: { code: 'LA6577-6', display: 'Negative' } },
    equivocal: {
      snomed: { code: '42425007', display: 'Equivocal (qualifier value)', source: 'SNOMED CT International; not in the mCODE package, not verified offline' },
      loinc: null,
    },
  },
};

/** Extracted receptor/ISH values and derived statuses as a result class, with the text shown. */
export const RESULT_CLASS: { source: string; rows: Record<string, { class: ResultClass; text: string }> } = {
  source: 'ASCO/CAP 2020 ER/PR (1-10% is "low positive", still positive); ASCO/CAP 2023 HER2 (IHC 0 and 1+ negative, 2+ equivocal, 3+ positive)',
  rows: {
    positive: { class: 'positive', text: 'Positive' },
    low_positive: { class: 'positive', text: 'Low positive (1-10%)' },
    negative: { class: 'negative', text: 'Negative' },
    equivocal: { class: 'equivocal', text: 'Equivocal' },
    amplified: { class: 'positive', text: 'Amplified' },
    not_amplified: { class: 'negative', text: 'Not amplified' },
    'ihc:0': { class: 'negative', text: 'IHC 0 (negative)' },
    'ihc:1+': { class: 'negative', text: 'IHC 1+ (negative)' },
    'ihc:2+': { class: 'equivocal', text: 'IHC 2+ (equivocal)' },
    'ihc:3+': { class: 'positive', text: 'IHC 3+ (positive)' },
  },
};

export interface CancerTypeRow {
  disorder: Code;
  bodySite: Code | null;
  source: string;
}

/** Fallback when the type is unknown or has no row (the mCODE example primary-cancer-condition-breast uses it). */
export const MALIGNANT_NEOPLASTIC_DISEASE: Code = { code: '363346000', display: 'Malignant neoplastic disease (disorder)' };

const IN_MCODE = `${MCODE_STU4} (examples and mcode-cancer-body-location-vs)`;
const NOT_IN_MCODE = 'SNOMED CT International; disorder code not in the mCODE package, not verified offline';

/** Profile `cancerType` -> SNOMED CT disorder (PrimaryCancerCondition.code) and body site. */
export const CANCER_TYPES: Record<string, CancerTypeRow> = {
  breast: { disorder: { code: '254837009', display: 'Malignant neoplasm of breast (disorder)' }, bodySite: { code: '76752008', display: 'Breast structure (body structure)' }, source: IN_MCODE },
  ovarian: { disorder: { code: '363443007', display: 'Malignant tumor of ovary (disorder)' }, bodySite: { code: '15497006', display: 'Ovarian structure (body structure)' }, source: IN_MCODE },
  lung: { disorder: { code: '363358000', display: 'Malignant tumor of lung (disorder)' }, bodySite: { code: '39607008', display: 'Lung structure (body structure)' }, source: `${NOT_IN_MCODE}; body site from ${IN_MCODE}` },
  gastric: { disorder: { code: '363349007', display: 'Malignant tumor of stomach (disorder)' }, bodySite: { code: '69695003', display: 'Stomach structure (body structure)' }, source: `${NOT_IN_MCODE}; body site from ${IN_MCODE}` },
  prostate: { disorder: { code: '399068003', display: 'Malignant tumor of prostate (disorder)' }, bodySite: { code: '41216001', display: 'Prostatic structure (body structure)' }, source: `${NOT_IN_MCODE}; body site from ${IN_MCODE}` },
};

/** Laterality qualifier on Condition.bodySite (mcode-laterality-qualifier extension). */
export const LATERALITY: { source: string; rows: Record<string, Code> } = {
  source: `${MCODE_STU4}, ValueSet mcode-laterality-qualifier-vs`,
  rows: {
    left: { code: '7771000', display: 'Left (qualifier value)' },
    right: { code: '24028007', display: 'Right (qualifier value)' },
    bilateral: { code: '51440002', display: 'Right and left (qualifier value)' },
  },
};

/** AJCC edition (profile fact `ajcc_edition`) -> staging method (Observation.method, Condition.stage.type). */
export const AJCC_EDITION_METHOD: { source: string; rows: Record<string, Code> } = {
  source: `${MCODE_STU4}, ValueSet mcode-tnm-staging-method-vs`,
  rows: {
    '6th': { code: '444256004', display: 'American Joint Commission on Cancer, Cancer Staging Manual, 6th edition neoplasm staging system (tumor staging)' },
    '7th': { code: '443830009', display: 'American Joint Commission on Cancer, Cancer Staging Manual, 7th edition neoplasm staging system (tumor staging)' },
    '8th': { code: '897275008', display: 'American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)' },
  },
};

/**
 * AJCC categories and stage groups with a SNOMED CT code verified in the mCODE package; any other
 * value is exported as text (mCODE's binding for these values is preferred, so text is allowed).
 */
export const AJCC_VALUES: { source: string; rows: Record<string, Code> } = {
  source: `${MCODE_STU4} examples (tnm-*-jenny-m, tnm-clinical-*-cT3/cN3/cM0, tnm-clinical-stage-group-3c)`,
  rows: {
    cT3: { code: '1228938002', display: 'American Joint Committee on Cancer cT3 (qualifier value)' },
    pT3: { code: '1229859000', display: 'American Joint Committee on Cancer pT3 (qualifier value)' },
    cN0: { code: '1229967007', display: 'American Joint Committee on Cancer cN0 (qualifier value)' },
    cN3: { code: '1229984001', display: 'American Joint Committee on Cancer cN3 (qualifier value)' },
    pN0: { code: '1229947003', display: 'American Joint Committee on Cancer pN0 (qualifier value)' },
    cM0: { code: '1229901006', display: 'American Joint Committee on Cancer cM0 (qualifier value)' },
    IIB: { code: '1222769001', display: 'American Joint Committee on Cancer stage IIB (qualifier value)' },
    IIIC: { code: '1222806003', display: 'American Joint Committee on Cancer stage IIIC (qualifier value)' },
  },
};

export const ICD_O_3_SYSTEM = 'http://terminology.hl7.org/CodeSystem/icd-o-3';

/**
 * Histology as extracted -> ICD-O-3 morphology/behavior (the mcode-histology-morphology-behavior
 * extension allows ICD-O-3). Codes are the standard ICD-O-3.2 ones; the display strings are ICD-O-3
 * preferred terms written from the classification, not checked against the published file.
 */
export const HISTOLOGY_ICD_O_3: { source: string; rows: Record<string, Code> } = {
  source: 'ICD-O-3.2 (WHO/IARC, 2019) morphology codes; "8140/3 Adenocarcinoma, NOS" as in the mCODE STU4 example gx-genomic-bundle',
  rows: {
    'invasive ductal carcinoma': { code: '8500/3', display: 'Infiltrating duct carcinoma, NOS' },
    'invasive lobular carcinoma': { code: '8520/3', display: 'Lobular carcinoma, NOS' },
    'mixed ductal and lobular carcinoma': { code: '8522/3', display: 'Infiltrating duct and lobular carcinoma' },
    'mucinous carcinoma': { code: '8480/3', display: 'Mucinous adenocarcinoma' },
    'tubular carcinoma': { code: '8211/3', display: 'Tubular adenocarcinoma' },
    'metaplastic carcinoma': { code: '8575/3', display: 'Metaplastic carcinoma, NOS' },
    'medullary carcinoma': { code: '8510/3', display: 'Medullary carcinoma, NOS' },
    'invasive micropapillary carcinoma': { code: '8507/3', display: 'Invasive micropapillary carcinoma' },
    'adenoid cystic carcinoma': { code: '8200/3', display: 'Adenoid cystic carcinoma' },
    'ductal carcinoma in situ': { code: '8500/2', display: 'Intraductal carcinoma, noninfiltrating, NOS' },
    'lobular carcinoma in situ': { code: '8520/2', display: 'Lobular carcinoma in situ, NOS' },
    adenocarcinoma: { code: '8140/3', display: 'Adenocarcinoma, NOS' },
    'serous carcinoma': { code: '8441/3', display: 'Serous carcinoma, NOS' },
    'high-grade serous carcinoma': { code: '8461/3', display: 'High-grade serous carcinoma' },
    'low-grade serous carcinoma': { code: '8460/3', display: 'Low-grade serous carcinoma' },
    'endometrioid carcinoma': { code: '8380/3', display: 'Endometrioid adenocarcinoma, NOS' },
    'clear cell carcinoma': { code: '8310/3', display: 'Clear cell adenocarcinoma, NOS' },
    carcinosarcoma: { code: '8980/3', display: 'Carcinosarcoma, NOS' },
    'signet ring cell carcinoma': { code: '8490/3', display: 'Signet ring cell carcinoma' },
    'adenocarcinoma, intestinal type': { code: '8144/3', display: 'Adenocarcinoma, intestinal type' },
    'adenocarcinoma, diffuse type': { code: '8145/3', display: 'Carcinoma, diffuse type' },
    'squamous cell carcinoma': { code: '8070/3', display: 'Squamous cell carcinoma, NOS' },
    'small cell carcinoma': { code: '8041/3', display: 'Small cell carcinoma, NOS' },
    'large cell neuroendocrine carcinoma': { code: '8013/3', display: 'Large cell neuroendocrine carcinoma' },
    mesothelioma: { code: '9050/3', display: 'Mesothelioma, malignant' },
    'epithelioid mesothelioma': { code: '9052/3', display: 'Epithelioid mesothelioma, malignant' },
    'sarcomatoid mesothelioma': { code: '9051/3', display: 'Fibrous mesothelioma, malignant' },
    'biphasic mesothelioma': { code: '9053/3', display: 'Mesothelioma, biphasic, malignant' },
  },
};

/** DocumentReference.type for an uploaded report. */
export const DOCUMENT_TYPE: { source: string; code: Code } = {
  source: 'LOINC Document Ontology; not in the mCODE package, not verified offline',
  code: { code: '11526-1', display: 'Pathology study' },
};
