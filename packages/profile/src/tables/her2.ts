// HER2 status and category from IHC and ISH (breast). Same table as @onco/extraction's per-report
// summary; the profile needs it again because it pairs results across documents (a send-out FISH).
export const HER2_ASCO_CAP_2023 = {
  source: 'ASCO/CAP HER2 testing in breast cancer, 2023 update (Wolff et al., JCO 2023)',
  /** First matching row wins; null matches anything. 'ultralow' = IHC 0 with faint staining in <=10% of cells. */
  rows: [
    { id: 'her2.ihc3', ihc: '3+', ish: null, status: 'positive', category: 'positive' },
    { id: 'her2.ish_amplified', ihc: null, ish: 'amplified', status: 'positive', category: 'positive' },
    { id: 'her2.ihc2_ish_negative', ihc: '2+', ish: 'not_amplified', status: 'negative', category: 'low' },
    { id: 'her2.ihc2_ish_equivocal', ihc: '2+', ish: 'equivocal', status: 'equivocal', category: null },
    { id: 'her2.ihc2_no_ish', ihc: '2+', ish: null, status: 'equivocal', category: null },
    { id: 'her2.ihc1', ihc: '1+', ish: null, status: 'negative', category: 'low' },
    { id: 'her2.ihc0_ultralow', ihc: 'ultralow', ish: null, status: 'negative', category: 'ultralow' },
    { id: 'her2.ihc0', ihc: '0', ish: null, status: 'negative', category: 'zero' },
    { id: 'her2.ish_negative_only', ihc: null, ish: 'not_amplified', status: 'negative', category: null },
    { id: 'her2.ish_equivocal_only', ihc: null, ish: 'equivocal', status: 'equivocal', category: null },
  ],
} as const;

/** ISH result from ratio and mean copy number when a report gives only numbers (groups 1 and 5). */
export const HER2_ISH_BY_NUMBERS = {
  source: 'ASCO/CAP 2018 HER2 ISH groups (unchanged in 2023)',
  rows: [
    { ratioMin: 2.0, ratioMax: Infinity, copyMin: 4.0, copyMax: Infinity, ish: 'amplified' },
    { ratioMin: 0, ratioMax: 2.0, copyMin: 0, copyMax: 4.0, ish: 'not_amplified' },
  ],
} as const;

/** Categories that are all "HER2-negative": a bare negative ISH agrees with any of them. */
export const HER2_NEGATIVE_CATEGORIES = ['low', 'ultralow', 'zero'] as const;
