// When a fact needs a navigator's eye, and what counts as "a different result".

/** In-situ lesions are the diagnosis only when no invasive type is named. */
export const IN_SITU_HISTOLOGY = {
  source: 'WHO Classification of Tumours, Breast (5th ed., 2019): the invasive type is the diagnosis',
  values: ['ductal carcinoma in situ', 'lobular carcinoma in situ'],
} as const;

export const REVIEW_THRESHOLDS = {
  source: 'Local policy, not a guideline: set against @onco/extraction rule confidences (0.6-0.97; cancer type and histology weigh 0.3-3)',
  defaultMinConfidence: 0.6,
  /**
   * Per fact. cancer_type compares the summed weight of the mentions that chose it (one mention
   * is 0.3, less after the worker scales confidence by OCR quality); histology confidences rank specificity (in situ 0.4-0.5), not reading certainty.
   */
  minConfidence: {
    cancer_type: 0.2,
    histology: 0.4,
    er_status: 0.85,
    pr_status: 0.85,
    her2_ihc: 0.85,
    her2_ish: 0.85,
    her2_status: 0.85,
  } as Record<string, number>,
  /** Two values conflict only when both are at least this confident. */
  conflictMinConfidence: 0.85,
  /** Voted facts (cancer type): a runner-up with at least this share of the winner's weight is a conflict. */
  voteConflictRatio: 0.5,
  /** ...and at least this weight (a "carcinoma of the X" statement or a "Site:" line, not passing mentions). */
  voteConflictMinWeight: 1.5,
} as const;

/** Classes of a result: two values of one class are the same answer (95% and 90% ER are both positive). */
export type ResultClass =
  | { kind: 'identity' }
  | { kind: 'map'; map: Record<string, string>; otherwise?: string }
  | { kind: 'bands'; bands: readonly { below: number; label: string }[] };

const POS_NEG = { kind: 'map', map: { negative: 'negative', vus: 'vus' }, otherwise: 'positive' } as const;

export const RESULT_CLASSES: Record<string, { cls: ResultClass; source: string }> = {
  er_status: { cls: { kind: 'map', map: { positive: 'positive', low_positive: 'low_positive', negative: 'negative' } }, source: 'ASCO/CAP 2020 ER/PR' },
  pr_status: { cls: { kind: 'map', map: { positive: 'positive', low_positive: 'low_positive', negative: 'negative' } }, source: 'ASCO/CAP 2020 ER/PR' },
  er_percent: { cls: { kind: 'bands', bands: [{ below: 1, label: 'negative' }, { below: 10.5, label: 'low_positive' }, { below: Infinity, label: 'positive' }] }, source: 'ASCO/CAP 2020 ER/PR' },
  pr_percent: { cls: { kind: 'bands', bands: [{ below: 1, label: 'negative' }, { below: 10.5, label: 'low_positive' }, { below: Infinity, label: 'positive' }] }, source: 'ASCO/CAP 2020 ER/PR' },
  er_allred: { cls: { kind: 'bands', bands: [{ below: 3, label: 'negative' }, { below: Infinity, label: 'positive' }] }, source: 'Allred (Harvey et al., JCO 1999)' },
  pr_allred: { cls: { kind: 'bands', bands: [{ below: 3, label: 'negative' }, { below: Infinity, label: 'positive' }] }, source: 'Allred (Harvey et al., JCO 1999)' },
  her2_ihc: { cls: { kind: 'identity' }, source: 'ASCO/CAP 2023 HER2' },
  her2_ish: { cls: { kind: 'identity' }, source: 'ASCO/CAP 2023 HER2' },
  // An equivocal IHC next to the final status is the workup, not a second answer.
  her2_status: { cls: { kind: 'map', map: { positive: 'positive', negative: 'negative' } }, source: 'ASCO/CAP 2023 HER2' },
  pdl1_tps: { cls: { kind: 'bands', bands: [{ below: 1, label: 'TPS <1%' }, { below: 50, label: 'TPS 1-49%' }, { below: Infinity, label: 'TPS >=50%' }] }, source: 'NCCN NSCLC: PD-L1 TPS cut-offs 1% and 50% (22C3)' },
  pdl1_cps: { cls: { kind: 'bands', bands: [{ below: 1, label: 'CPS <1' }, { below: 5, label: 'CPS 1-4' }, { below: 10, label: 'CPS 5-9' }, { below: Infinity, label: 'CPS >=10' }] }, source: 'NCCN Gastric / Breast: CPS cut-offs 1, 5 and 10' },
  msi: { cls: { kind: 'map', map: { 'MSI-H': 'MSI-H', 'MSI-L': 'MSS', MSS: 'MSS' } }, source: 'NCCN: MSI-L is managed as MSS' },
  mlh1: { cls: { kind: 'identity' }, source: 'CAP MMR IHC' },
  pms2: { cls: { kind: 'identity' }, source: 'CAP MMR IHC' },
  msh2: { cls: { kind: 'identity' }, source: 'CAP MMR IHC' },
  msh6: { cls: { kind: 'identity' }, source: 'CAP MMR IHC' },
  tmb: { cls: { kind: 'bands', bands: [{ below: 10, label: 'TMB <10' }, { below: Infinity, label: 'TMB-high (>=10 mut/Mb)' }] }, source: 'FDA tumor-agnostic TMB-H >= 10 mut/Mb (KEYNOTE-158)' },
  egfr: { cls: POS_NEG, source: 'variant detected vs not' },
  alk: { cls: POS_NEG, source: 'variant detected vs not' },
  ros1: { cls: POS_NEG, source: 'variant detected vs not' },
  kras: { cls: POS_NEG, source: 'variant detected vs not' },
  braf: { cls: POS_NEG, source: 'variant detected vs not' },
  pik3ca: { cls: POS_NEG, source: 'variant detected vs not' },
  ntrk: { cls: POS_NEG, source: 'variant detected vs not' },
  brca1: { cls: POS_NEG, source: 'variant detected vs not' },
  brca2: { cls: POS_NEG, source: 'variant detected vs not' },
  bap1: { cls: { kind: 'identity' }, source: 'BAP1 IHC retained vs lost' },
  cldn18: { cls: { kind: 'identity' }, source: 'VENTANA CLDN18 (43-14A): positive >= 75% of tumor cells 2+/3+' },
  folr1: { cls: { kind: 'identity' }, source: 'VENTANA FOLR1-2.1: positive >= 75% of cells 2+' },
  cancer_type: { cls: { kind: 'identity' }, source: 'primary site' },
};

/**
 * Markers compared across documents. A different class between specimens or documents
 * (primary vs recurrence, biopsy vs resection) is a discordance: flagged, never overwritten.
 */
export const DISCORDANCE_MARKERS = [
  { marker: 'er', kind: 'receptor', fields: ['er_status', 'er_percent', 'er_allred'], source: 'ASCO/CAP 2020 ER/PR; CAP: retest ER/PR/HER2 on recurrence, report discordance' },
  { marker: 'pr', kind: 'receptor', fields: ['pr_status', 'pr_percent', 'pr_allred'], source: 'ASCO/CAP 2020 ER/PR; CAP: retest ER/PR/HER2 on recurrence, report discordance' },
  { marker: 'her2', kind: 'her2', fields: ['her2_ihc', 'her2_ish', 'her2_ratio', 'her2_copy_number', 'her2_category', 'her2_status'], source: 'ASCO/CAP 2023 HER2 categories (positive, low, ultralow, zero)' },
  { marker: 'mmr', kind: 'mmr', fields: ['mlh1', 'pms2', 'msh2', 'msh6'], source: 'CAP MMR IHC: any lost protein is deficient' },
  ...['msi', 'pdl1_tps', 'pdl1_cps', 'tmb', 'egfr', 'alk', 'ros1', 'kras', 'braf', 'pik3ca', 'ntrk', 'brca1', 'brca2', 'bap1', 'cldn18', 'folr1', 'cancer_type'].map(
    (f) => ({ marker: f, kind: 'field' as const, fields: [f], source: RESULT_CLASSES[f]?.source ?? '' }),
  ),
] as const;

/** Order of results, lowest first: across specimens of one report the highest is reported. */
export const RESULT_ORDER: Record<string, readonly string[]> = {
  er_status: ['negative', 'equivocal', 'low_positive', 'positive'],
  pr_status: ['negative', 'equivocal', 'low_positive', 'positive'],
  her2_ihc: ['0', '1+', '2+', '3+'],
  her2_ish: ['not_amplified', 'equivocal', 'amplified'],
  her2_status: ['negative', 'equivocal', 'positive'],
  msi: ['MSS', 'MSI-L', 'MSI-H'],
  mlh1: ['intact', 'lost'],
  pms2: ['intact', 'lost'],
  msh2: ['intact', 'lost'],
  msh6: ['intact', 'lost'],
  bap1: ['retained', 'lost'],
};
export const RESULT_ORDER_SOURCE = 'ASCO/CAP 2020 ER/PR and 2023 HER2: heterogeneous results are reported by the highest area; AJCC 8th: T by the largest tumor';
