// The extraction seam: pages of text in, findings and a summary out. Pure data, no I/O.

/** A document as the reader hands it over: the text of each page, in order (page 1 first). */
export interface ReportText {
  pages: string[];
}

/** Where a value came from: exact text and its character offsets within that page's text. */
export interface Evidence {
  text: string;
  /** 1-based page number. */
  page: number;
  /** Offsets into `pages[page - 1]`: `pages[page-1].slice(start, end) === text`. */
  start: number;
  end: number;
  /** Id of the rule that matched, e.g. "her2.ihc.score". */
  ruleId: string;
}

export type FindingContext = 'affirmed' | 'negated' | 'uncertain' | 'pending' | 'historical';

export interface Finding {
  /** One of FIELDS. */
  field: FieldName;
  /** The value as written, e.g. "3+", "95%", "pT2". */
  raw: string;
  /** Normalized value: a string enum, number or small object depending on the field. */
  value: string | number | boolean | Record<string, unknown>;
  evidence: Evidence;
  /** Specimen or part label when the report says ("A", "B", "Part 2"), else null. */
  specimen: string | null;
  context: FindingContext;
  /** 0..1 */
  confidence: number;
  /** True when the value comes from an addendum, amended or revised report section. */
  addendum?: boolean;
  /** True when that section is a correction (amended, corrected or revised report): it replaces earlier results. */
  amended?: boolean;
  /**
   * True when the result was obtained on an earlier specimen of this same tumour (the core biopsy,
   * "performed on S-xx"): affirmed and the patient's own, ranked after a result on the current specimen.
   */
  priorSpecimen?: boolean;
}

export type ReceptorStatus = 'positive' | 'low_positive' | 'negative' | 'equivocal';
export type Her2Ihc = '0' | '1+' | '2+' | '3+';
export type Her2Ish = 'amplified' | 'not_amplified' | 'equivocal';
export type Her2Category = 'positive' | 'low' | 'ultralow' | 'zero';

/** The per-report summary printed by the `extract` command (a contract other tools rely on). */
export interface Summary {
  cancerType: string | null;
  histology: string | null;
  grade: string | null;
  er: { status: ReceptorStatus | null; percent: number | null };
  pr: { status: ReceptorStatus | null; percent: number | null };
  her2: { ihc: Her2Ihc | null; ish: Her2Ish | null; status: ReceptorStatus | null; category: Her2Category | null };
  ki67: number | null;
  tnm: { prefix: string | null; t: string | null; n: string | null; m: string | null };
  stage: { group: string | null; edition: string | null };
}

export interface ExtractionResult {
  summary: Summary;
  findings: Finding[];
}

export const FIELDS = [
  // cancer
  'cancer_type', 'histology', 'grade', 'nottingham_score', 'laterality',
  // breast markers
  'er_status', 'er_percent', 'er_intensity', 'er_allred',
  'pr_status', 'pr_percent', 'pr_intensity', 'pr_allred',
  'her2_ihc', 'her2_ish', 'her2_ratio', 'her2_copy_number', 'her2_ish_group', 'her2_status', 'her2_category', 'ki67',
  // other biomarkers
  'pdl1_tps', 'pdl1_cps', 'pdl1_clone', 'mlh1', 'pms2', 'msh2', 'msh6', 'msi',
  'brca1', 'brca2', 'bap1', 'egfr', 'alk', 'ros1', 'kras', 'braf', 'pik3ca', 'ntrk', 'tmb',
  'cldn18', 'folr1',
  // staging
  'tnm_t', 'tnm_n', 'tnm_m', 'stage_group', 'ajcc_edition', 'tumor_size',
  'nodes_positive', 'nodes_examined', 'margins', 'lvi',
] as const;
export type FieldName = (typeof FIELDS)[number];
