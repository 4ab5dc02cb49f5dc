// ER / PR status and hormone-receptor status.
export { ALLRED_STATUS, RECEPTOR_STATUS_BY_PERCENT } from '@onco/guidelines';

/** HR-positive when ER or PR is positive, including low positive (>= 1%). */
export const HR_STATUS = {
  source: 'ASCO/CAP 2020 ER/PR guideline: ER or PR >= 1% is positive; ER-low (1-10%) reported with a comment',
  positive: ['positive', 'low_positive'],
  negative: ['negative'],
  lowNote: 'ER low positive (1-10%): limited data on endocrine benefit; biology may resemble ER-negative tumors (ASCO/CAP 2020).',
} as const;

/** Breast cancer subtype by HR and HER2 status, as treatment is chosen. */
export const BREAST_SUBTYPES = {
  source: 'NCCN Breast Cancer guideline (systemic therapy by HR and HER2 status); ASCO/CAP 2020 ER/PR, ASCO/CAP 2023 HER2',
  rows: [
    { hr: 'positive', her2: 'negative', subtype: 'HR+/HER2-' },
    { hr: 'positive', her2: 'positive', subtype: 'HR+/HER2+' },
    { hr: 'negative', her2: 'positive', subtype: 'HR-/HER2+' },
    { hr: 'negative', her2: 'negative', subtype: 'triple-negative' },
  ],
} as const;
