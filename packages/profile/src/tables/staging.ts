// Stage group from TNM when the report does not state it.
export const AJCC8_BREAST_ANATOMIC = {
  source: 'AJCC Cancer Staging Manual, 8th ed., breast: anatomic stage groups',
  /** M0 rows (M1 is stage IV, below). T1 includes T1mi; N1mi counts as N1 except with T0/T1 (IB). First match wins. */
  rows: [
    { t: ['Tis'], n: ['N0'], m: 'M0', stage: '0' },
    { t: ['T1'], n: ['N0'], m: 'M0', stage: 'IA' },
    { t: ['T0', 'T1'], n: ['N1mi'], m: 'M0', stage: 'IB' },
    { t: ['T0', 'T1'], n: ['N1'], m: 'M0', stage: 'IIA' },
    { t: ['T2'], n: ['N0'], m: 'M0', stage: 'IIA' },
    { t: ['T2'], n: ['N1mi', 'N1'], m: 'M0', stage: 'IIB' },
    { t: ['T3'], n: ['N0'], m: 'M0', stage: 'IIB' },
    { t: ['T0', 'T1', 'T2'], n: ['N2'], m: 'M0', stage: 'IIIA' },
    { t: ['T3'], n: ['N1mi', 'N1', 'N2'], m: 'M0', stage: 'IIIA' },
    { t: ['T4'], n: ['N0', 'N1mi', 'N1', 'N2'], m: 'M0', stage: 'IIIB' },
    { t: ['T0', 'T1', 'T2', 'T3', 'T4'], n: ['N3'], m: 'M0', stage: 'IIIC' },
  ],
} as const;

/** Distant metastasis is stage IV for every site in the biomarker table. */
export const AJCC8_M1_IS_STAGE_IV = {
  source: 'AJCC Cancer Staging Manual, 8th ed.: M1 is stage IV (breast, lung, colorectum, stomach, pleural mesothelioma, ovary (FIGO IV), corpus uteri, prostate)',
} as const;

/** Stage groups treated as advanced disease (extra tests become relevant). */
export const ADVANCED_STAGE_PREFIX = 'IV';
