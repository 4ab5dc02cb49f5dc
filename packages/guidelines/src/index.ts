// Clinical classification tables, each naming its guideline, and the lookups over them. One copy,
// used by extraction (one report) and by the profile (across reports). Pure data.

/** HER2 status and category from IHC and ISH (breast). First matching row wins; null matches anything. */
export const HER2_ASCO_CAP_2023 = {
  source: 'ASCO/CAP HER2 testing in breast cancer, 2023 update (Wolff et al., JCO 2023; Arch Pathol Lab Med 2023)',
  /** 'ultralow' = IHC 0 with faint, incomplete membrane staining in <=10% of tumour cells. */
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
export type Her2Row = (typeof HER2_ASCO_CAP_2023.rows)[number];

/**
 * The ASCO/CAP 2023 row for an IHC key ('0', 'ultralow', '1+', '2+', '3+' or null) and an ISH
 * result. An ISH-only row applies when there is no IHC, except amplification, which decides alone.
 */
export function her2Row(ihcKey: string | null, ish: string | null): Her2Row | null {
  if (ihcKey == null && ish == null) return null;
  return (
    HER2_ASCO_CAP_2023.rows.find(
      (r) => (r.ihc == null || r.ihc === ihcKey) && (r.ish == null || r.ish === ish) && (r.ihc != null || ihcKey == null || r.ish === 'amplified'),
    ) ?? null
  );
}

/** ISH result from ratio and mean copy number when a report gives only numbers (groups 1 and 5). */
export const HER2_ISH_BY_NUMBERS = {
  source: 'ASCO/CAP 2018 HER2 ISH groups (unchanged in 2023)',
  rows: [
    { ratioMin: 2.0, ratioMax: Infinity, copyMin: 4.0, copyMax: Infinity, ish: 'amplified', group: '1' },
    { ratioMin: 0, ratioMax: 2.0, copyMin: 0, copyMax: 4.0, ish: 'not_amplified', group: '5' },
  ],
} as const;

/** Groups 2-4 (discordant ratio and copy number) need the work-up of the guideline, so give null. */
export function ishFromNumbers(ratio: number, copy: number | null): (typeof HER2_ISH_BY_NUMBERS.rows)[number] | null {
  return HER2_ISH_BY_NUMBERS.rows.find((r) => ratio >= r.ratioMin && ratio < r.ratioMax && (copy == null || (copy >= r.copyMin && copy < r.copyMax))) ?? null;
}

/** ER/PR status by percent of stained tumour nuclei: <1% negative, 1-10% low positive, >10% positive. */
export const RECEPTOR_STATUS_BY_PERCENT = {
  source: 'ASCO/CAP 2020 ER/PR testing guideline (Allison et al., JCO 2020)',
  bands: [
    { max: 0.99, status: 'negative' },
    { max: 10, status: 'low_positive' },
    { max: 100, status: 'positive' },
  ],
} as const;

/** Allred total score: 0-2 negative, 3-8 positive. */
export const ALLRED_STATUS = {
  source: 'Allred score (Harvey et al., J Clin Oncol 1999)',
  bands: [
    { max: 2, status: 'negative' },
    { max: 8, status: 'positive' },
  ],
} as const;

/** The status of the first band whose upper bound holds `v`. */
export const band = <S extends string>(bands: readonly { max: number; status: S }[], v: number): S | null =>
  bands.find((b) => v <= b.max)?.status ?? null;
