// Derived categories: receptor status, HER2 status and category, breast subtype, stage group.
// Each carries the table row it came from and the table's source.
import type { DerivedValue, ProfileDerived } from '@onco/contract';
import { band, HER2_ASCO_CAP_2023, her2Row, ishFromNumbers } from '@onco/guidelines';
import { ALLRED_STATUS, BREAST_SUBTYPES, HR_STATUS, RECEPTOR_STATUS_BY_PERCENT } from './tables/receptors.js';
import { AJCC8_BREAST_ANATOMIC, AJCC8_M1_IS_STAGE_IV } from './tables/staging.js';

/** A value and the position of its document in time (Infinity: a navigator's value with no document). */
export interface Located {
  value: unknown;
  order: number;
}
export type Lookup = (field: string) => Located | null;

const dv = (value: string, rule: string, source: string, from: string[], note: string | null = null): DerivedValue => ({ value, rule, source, from, note });

/** Values of `fields` from the latest document that has any of them: results of one specimen are not mixed with another's. */
function anchored(get: Lookup, fields: readonly string[]): { order: number; at: (f: string) => unknown } {
  const order = Math.max(-Infinity, ...fields.map((f) => get(f)?.order ?? -Infinity));
  return { order, at: (f) => (get(f)?.order === order ? get(f)!.value : undefined) };
}


/** ER or PR status from one report: a stated status, refined by the percent (ASCO/CAP 2020), else the percent, else Allred. */
export function receptorStatus(get: Lookup, prefix: 'er' | 'pr'): DerivedValue | null {
  const fields = [`${prefix}_status`, `${prefix}_percent`, `${prefix}_allred`];
  const { at } = anchored(get, fields);
  const status = at(fields[0]!);
  const percent = at(fields[1]!);
  const allred = at(fields[2]!);
  const byPct = typeof percent === 'number' ? band(RECEPTOR_STATUS_BY_PERCENT.bands, percent) : null;
  if (typeof status === 'string') {
    if (status === 'positive' && byPct === 'low_positive') return dv('low_positive', `${prefix}.percent_1_10_is_low_positive`, RECEPTOR_STATUS_BY_PERCENT.source, fields.slice(0, 2));
    const note = byPct && byPct !== status && !(status === 'positive' && byPct === 'positive') ? 'The stated status and the percent disagree.' : null;
    return dv(status, `${prefix}.stated`, RECEPTOR_STATUS_BY_PERCENT.source, byPct ? fields.slice(0, 2) : [fields[0]!], note);
  }
  if (byPct) return dv(byPct, `${prefix}.by_percent`, RECEPTOR_STATUS_BY_PERCENT.source, [fields[1]!]);
  if (typeof allred === 'number') {
    const s = band(ALLRED_STATUS.bands, allred);
    if (s) return dv(s, `${prefix}.by_allred`, ALLRED_STATUS.source, [fields[2]!]);
  }
  return null;
}

export function hrStatus(er: DerivedValue | null, pr: DerivedValue | null): DerivedValue | null {
  const pos = (d: DerivedValue | null) => d != null && (HR_STATUS.positive as readonly string[]).includes(d.value);
  const neg = (d: DerivedValue | null) => d != null && (HR_STATUS.negative as readonly string[]).includes(d.value);
  const from = [...(er?.from ?? []), ...(pr?.from ?? [])];
  if (pos(er) || pos(pr)) {
    const erLowOnly = er?.value === 'low_positive' && !pos(pr);
    return dv('positive', 'hr.er_or_pr_at_least_1pct', HR_STATUS.source, from, erLowOnly ? HR_STATUS.lowNote : null);
  }
  if (neg(er) && neg(pr)) return dv('negative', 'hr.er_and_pr_below_1pct', HR_STATUS.source, from);
  return null;
}

export const HER2_FIELDS = ['her2_ihc', 'her2_ish', 'her2_ratio', 'her2_copy_number', 'her2_category', 'her2_status'] as const;

function ishByNumbers(ratio: unknown, copy: unknown): string | null {
  if (typeof ratio !== 'number') return null;
  return ishFromNumbers(ratio, typeof copy === 'number' ? copy : null)?.ish ?? null;
}

/**
 * HER2 status and category from the latest report's IHC and ISH. An ISH in a later report than
 * an IHC 2+ resolves it (the reflex test on the same specimen); an ISH older than the latest IHC
 * belongs to another specimen and is not used. Low/ultralow are breast categories (ASCO/CAP 2023).
 */
export function her2(get: Lookup, withCategories: boolean): { status: DerivedValue | null; category: DerivedValue | null } {
  const { order, at } = anchored(get, HER2_FIELDS);
  let ihc = at('her2_ihc') as string | undefined;
  const ish = (at('her2_ish') as string | undefined) ?? ishByNumbers(at('her2_ratio'), at('her2_copy_number')) ?? undefined;
  const explicit = at('her2_category') as string | undefined;
  const from: string[] = [];
  let note: string | null = null;
  if (ihc == null && ish != null) {
    const prior = get('her2_ihc');
    if (prior && prior.order < order && prior.value === '2+') {
      ihc = '2+';
      note = 'ISH from a later report resolves the IHC 2+ of an earlier one.';
    }
  }
  if (ihc == null && explicit === 'ultralow') ihc = '0';
  if (ihc != null) from.push('her2_ihc');
  if (ish != null) from.push(at('her2_ish') != null ? 'her2_ish' : 'her2_ratio');
  const ihcKey = ihc === '0' && explicit === 'ultralow' ? 'ultralow' : ihc;
  if (ihcKey === 'ultralow') from.push('her2_category');
  const row = her2Row(ihcKey ?? null, ish ?? null);
  const src = HER2_ASCO_CAP_2023.source;
  if (row) {
    const status = dv(row.status, row.id, src, from, note);
    // Outside breast only "positive" has a guideline meaning (gastric scoring differs; no low/ultralow).
    const category = row.category && (withCategories || row.category === 'positive') ? dv(row.category, row.id, src, from, note) : null;
    return { status, category };
  }
  const stated = at('her2_status');
  if (typeof stated === 'string') {
    const status = dv(stated, 'her2.stated_status', src, ['her2_status'], 'Status as stated; no IHC or ISH result found.');
    const cat = stated === 'positive' ? 'positive' : explicit === 'low' || explicit === 'zero' ? explicit : null;
    return { status, category: cat && (withCategories || cat === 'positive') ? dv(cat, 'her2.stated_status', src, explicit === cat ? ['her2_category'] : ['her2_status']) : null };
  }
  return { status: null, category: null };
}

export function breastSubtype(hr: DerivedValue | null, her2Status: DerivedValue | null): DerivedValue | null {
  if (!hr || !her2Status || her2Status.value === 'equivocal') return null;
  const row = BREAST_SUBTYPES.rows.find((r) => r.hr === hr.value && r.her2 === her2Status.value);
  return row ? dv(row.subtype, `subtype.${row.subtype}`, BREAST_SUBTYPES.source, [...new Set([...hr.from, ...her2Status.from])], hr.note) : null;
}

const tnmCategory = (v: unknown): string | null =>
  v && typeof v === 'object' && typeof (v as { category?: unknown }).category === 'string' ? (v as { category: string }).category : null;

function normT(c: string | null): string | null {
  const m = c ? /^T(is|[0-4])/.exec(c) : null;
  return m ? `T${m[1]}` : null;
}
function normN(c: string | null): string | null {
  const m = c ? /^N([0-3])(mi)?/.exec(c) : null;
  return m ? `N${m[1]}${m[2] ?? ''}` : null;
}

/**
 * Stage group: as reported when the report is at least as recent as the latest TNM; else from
 * TNM (M1 is stage IV; breast by the AJCC 8th anatomic table, assuming cM0 when no M is given,
 * as pathology reports rarely state it).
 */
export function stageGroup(get: Lookup, cancerType: string | null): DerivedValue | null {
  const reported = get('stage_group');
  const edition = get('ajcc_edition');
  const tn = anchored(get, ['tnm_t', 'tnm_n']);
  const reportedValue = reported && typeof reported.value === 'string' ? reported.value : null;
  const reportedDv = (note: string | null) =>
    dv(reportedValue!, 'stage.reported', `As reported${typeof edition?.value === 'string' ? ` (AJCC ${edition.value})` : ''}`, ['stage_group'], note);
  if (reportedValue && reported!.order >= tn.order) return reportedDv(null);
  const mLoc = get('tnm_m');
  const m = mLoc && mLoc.order >= tn.order ? tnmCategory(mLoc.value) : null;
  if (m?.startsWith('M1')) return dv('IV', 'stage.m1', AJCC8_M1_IS_STAGE_IV.source, ['tnm_m']);
  const t = normT(tnmCategory(tn.at('tnm_t')));
  const n = normN(tnmCategory(tn.at('tnm_n')));
  if (cancerType === 'breast' && t && n) {
    const row = AJCC8_BREAST_ANATOMIC.rows.find((r) => (r.t as readonly string[]).includes(t) && (r.n as readonly string[]).includes(n));
    if (row) return dv(row.stage, `ajcc8.breast.${t}${n}M0`, AJCC8_BREAST_ANATOMIC.source, m ? ['tnm_t', 'tnm_n', 'tnm_m'] : ['tnm_t', 'tnm_n'], m ? 'Anatomic stage; the prognostic stage also uses grade, ER, PR and HER2.' : 'Anatomic stage assuming cM0 (no M category in the reports); the prognostic stage also uses grade, ER, PR and HER2.');
  }
  if (reportedValue) return reportedDv('Reported in an earlier report than the latest TNM.');
  return null;
}

export function derive(get: Lookup, cancerType: string | null): ProfileDerived {
  const erStatus = receptorStatus(get, 'er');
  const prStatus = receptorStatus(get, 'pr');
  const hr = hrStatus(erStatus, prStatus);
  const isBreast = cancerType === 'breast' || cancerType == null;
  const h = her2(get, isBreast);
  return {
    erStatus,
    prStatus,
    hrStatus: hr,
    her2Status: h.status,
    her2Category: h.category,
    breastSubtype: cancerType === 'breast' ? breastSubtype(hr, h.status) : null,
    stageGroup: stageGroup(get, cancerType),
  };
}
