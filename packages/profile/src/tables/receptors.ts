// ER / PR status and hormone-receptor status.
export const RECEPTOR_STATUS_BY_PERCENT = {
  source: 'ASCO/CAP 2020 ER/PR testing guideline (Allison et al., JCO 2020)',
  /** <1% negative, 1-10% low positive, >10% positive. */
  bands: [
    { max: 0.99, status: 'negative' },
    { max: 10, status: 'low_positive' },
    { max: 100, status: 'positive' },
  ],
} as const;

export const ALLRED_STATUS = {
  source: 'Allred score (Harvey et al., JCO 1999): 0-2 negative, 3-8 positive',
  bands: [
    { max: 2, status: 'negative' },
    { max: 8, status: 'positive' },
  ],
} as const;

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
