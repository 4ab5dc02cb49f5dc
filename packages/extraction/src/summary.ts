// Summary choice: affirmed findings only (pending, historical, negated, uncertain never feed it),
// an addendum over the original, then the most confident and most specific value.
// Clinical derivations read the tables in rules/ (ASCO/CAP ER/PR and HER2), never inline numbers.
import type { Finding, FieldName, Summary, ReceptorStatus, Her2Ihc, Her2Ish, Her2Category } from './types.js';
import { ALLRED_STATUS, RECEPTOR_STATUS_BY_PERCENT } from '@onco/guidelines';
import { RECEPTOR_RESULT_ORDER } from './rules/receptors.js';
import { band, her2Row, ishFromNumbers } from '@onco/guidelines';
import { NOTTINGHAM_GRADE_BY_SCORE, IN_SITU_HISTOLOGY } from './rules/cancer.js';
import { TNM_ORDER } from './rules/tnm.js';

type F = Finding;

const TNM_PREFIX_RANK: Record<string, number> = { yp: 5, p: 5, rp: 4, r: 4, a: 3, '': 2, yc: 1, c: 1 };


function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Affirmed findings by field, computed once per findings array. */
const AFFIRMED = new WeakMap<F[], Map<FieldName, F[]>>();
function usable(findings: F[], field: FieldName): F[] {
  let by = AFFIRMED.get(findings);
  if (!by) {
    by = new Map();
    for (const f of findings) {
      if (f.context !== 'affirmed') continue;
      const list = by.get(f.field);
      if (list) list.push(f);
      else by.set(f.field, [f]);
    }
    AFFIRMED.set(findings, by);
  }
  return by.get(field) ?? [];
}

/**
 * Standing of a finding, highest first: a correction (amended report) over the rest, a result on
 * the current specimen over one quoted from an earlier specimen of the tumour (`priorSpecimen`),
 * then an addendum over the original report.
 */
function standing(f: F): number[] {
  return [f.amended ? 1 : 0, f.priorSpecimen ? 0 : 1];
}

/**
 * Best affirmed finding for a field: standing, addendum, then `extra` ranks, then confidence, then
 * (addendum: later; else earlier) position. With `orderFirst`, `extra` (a clinical result order)
 * outranks the addendum: heterogeneous results of one tumour are reported by the order.
 */
export function pick(findings: F[], field: FieldName, extra: (f: F) => number[] = () => [], orderFirst = false): F | null {
  const c = usable(findings, field);
  if (!c.length) return null;
  const rank = (f: F) => orderFirst ? [...standing(f), ...extra(f), f.addendum ? 1 : 0, f.confidence] : [...standing(f), f.addendum ? 1 : 0, ...extra(f), f.confidence];
  if (c.length === 1) return c[0]!;
  // The first under the order below (a strict total order: equal ranks share the addendum flag and
  // differ in index), found in one pass instead of a sort.
  let best = { f: c[0]!, i: 0, r: rank(c[0]!) };
  for (let i = 1; i < c.length; i++) {
    const x = { f: c[i]!, i, r: rank(c[i]!) };
    if ((cmp(x.r, best.r) || (x.f.addendum ? best.i - x.i : x.i - best.i)) < 0) best = x;
  }
  return best.f;
}

const bandStatus = (bands: readonly { max: number; status: ReceptorStatus }[], v: number): ReceptorStatus | null => band(bands, v);

/** One statement about a receptor: the status, percentage and Allred score read from one name. */
interface Statement { status: ReceptorStatus | null; percent: number | null; lead: F; specific: boolean; word: boolean }

/**
 * ER/PR. Findings read from one name (same evidence start) form a statement; its status comes from
 * the stated word, refined by the percentage (ASCO/CAP 2020 bands: a "positive" with 1-10% is low
 * positive) or, alone, from the percentage or the Allred score. Among statements the standing
 * decides, then the result order (any positive focus makes the tumour positive), then a statement
 * with a percentage over a bare word, then addendum, confidence and position.
 */
/** How far (characters) an interpretation word may follow the measurement it interprets. */
const INTERPRETATION_REACH = 200;

function receptor(findings: F[], prefix: 'er' | 'pr') {
  const groups = new Map<string, { status?: F; percent?: F; allred?: F }>();
  const mine = [...usable(findings, `${prefix}_status`), ...usable(findings, `${prefix}_percent`), ...usable(findings, `${prefix}_allred`)]
    .sort((x, y) => x.evidence.page - y.evidence.page || x.evidence.start - y.evidence.start);
  for (const f of mine) {
    const kind = f.field === `${prefix}_status` ? 'status' : f.field === `${prefix}_percent` ? 'percent' : f.field === `${prefix}_allred` ? 'allred' : null;
    if (!kind) continue;
    const key = `${f.evidence.page}:${f.evidence.start}`;
    const g = groups.get(key) ?? {};
    groups.set(key, g);
    if (!g[kind]) g[kind] = f;
  }
  const stmts: Statement[] = [];
  for (const g of groups.values()) {
    const percent = g.percent ? (g.percent.value as number) : null;
    let status = (g.status?.value as ReceptorStatus | undefined) ?? null;
    if (percent != null) {
      const byPct = bandStatus(RECEPTOR_STATUS_BY_PERCENT.bands, percent);
      if (status == null || (status === 'positive' && byPct === 'low_positive')) status = byPct;
    }
    if (status == null && g.allred) status = bandStatus(ALLRED_STATUS.bands, g.allred.value as number);
    const lead = g.status ?? g.percent ?? g.allred!;
    const st: Statement = { status, percent, lead, specific: percent != null || g.allred != null, word: g.status != null };
    // A measurement followed at once by its interpretation ("(10%). Therefore ... interpreted as
    // negative") is one statement: the pathologist's word decides, the number stays.
    const prev = stmts[stmts.length - 1];
    if (prev && !prev.word && prev.percent != null && st.word && st.percent == null && st.lead.evidence.page === prev.lead.evidence.page &&
      st.lead.evidence.start - prev.lead.evidence.start <= INTERPRETATION_REACH) {
      prev.status = g.status!.value as ReceptorStatus;
      if (prev.status === 'positive' && bandStatus(RECEPTOR_STATUS_BY_PERCENT.bands, prev.percent) === 'low_positive') prev.status = 'low_positive';
      prev.word = true;
      continue;
    }
    stmts.push(st);
  }
  if (!stmts.length) return { status: null, percent: null };
  const level = (s: ReceptorStatus | null) => RECEPTOR_RESULT_ORDER.standing[s ?? ''] ?? -1;
  // Each statement's rank is built once, not at every comparison.
  const order = stmts.map((s, i) => ({ s, i, r: [...standing(s.lead), level(s.status), s.specific ? 1 : 0, s.lead.addendum ? 1 : 0, s.lead.confidence] }))
    .sort((x, y) => cmp(x.r, y.r) || x.i - y.i);
  const best = order[0]!.s;
  const percent = best.percent ?? order.find((o) => o.s.status === best.status && o.s.percent != null)?.s.percent ?? null;
  return { status: best.status, percent };
}

function her2(findings: F[]): Summary['her2'] {
  const ihcF = pick(findings, 'her2_ihc');
  let ihc = (ihcF?.value as Her2Ihc | undefined) ?? null;
  let ish = (pick(findings, 'her2_ish')?.value as Her2Ish | undefined) ?? null;
  const explicitCat = pick(findings, 'her2_category')?.value as Her2Category | undefined;
  if (ish == null) {
    const ratio = pick(findings, 'her2_ratio')?.value as number | undefined;
    const copy = pick(findings, 'her2_copy_number')?.value as number | undefined;
    if (ratio != null) {
      const row = ishFromNumbers(ratio, copy ?? null);
      if (row) ish = row.ish;
    }
  }
  if (ihc == null && explicitCat === 'ultralow') ihc = '0';
  const ihcKey = ihc === '0' && explicitCat === 'ultralow' ? 'ultralow' : ihc;
  let status: ReceptorStatus | null = null;
  let category: Her2Category | null = null;
  if (ihc != null || ish != null) {
    const row = her2Row(ihcKey, ish);
    if (row) { status = row.status; category = row.category; }
  }
  if (status == null) {
    const s = pick(findings, 'her2_status');
    status = (s?.value as ReceptorStatus | undefined) ?? null;
  }
  if (category == null && explicitCat && explicitCat !== 'ultralow') category = explicitCat;
  if (category == null && status === 'positive' && ihc == null && ish == null) category = 'positive';
  return { ihc, ish, status, category };
}

function tnmPart(findings: F[], field: FieldName, preferPrefix: string | null): F | null {
  const order: readonly string[] = field === 'tnm_t' ? TNM_ORDER.t : field === 'tnm_n' ? TNM_ORDER.n : TNM_ORDER.m;
  return pick(findings, field, (f) => {
    const v = f.value as { prefix: string; category: string };
    return [preferPrefix != null && v.prefix === preferPrefix ? 1 : 0, TNM_PREFIX_RANK[v.prefix] ?? 0, order.indexOf(v.category)];
  });
}

function vote(findings: F[], field: FieldName, keep: (f: F) => boolean = () => true): string | null {
  const score = new Map<string, number>();
  for (const f of usable(findings, field).filter(keep)) score.set(String(f.value), (score.get(String(f.value)) ?? 0) + f.confidence);
  let best: string | null = null;
  let bestScore = 0;
  for (const [v, s] of score) if (s > bestScore) { best = v; bestScore = s; }
  return best;
}

/**
 * Histology: the most specific tier that has mentions wins (a labelled "Histologic type:" line,
 * then specific types, then generic names, then in situ lesions); within a tier, a vote.
 */
function histology(fs: F[]): string | null {
  const inSitu = (f: F) => (IN_SITU_HISTOLOGY as readonly string[]).includes(String(f.value));
  for (const [lo, hi] of HISTOLOGY_TIERS) {
    const v = vote(fs, 'histology', (f) => !inSitu(f) && f.confidence >= lo && f.confidence < hi);
    if (v) return v;
  }
  return vote(fs, 'histology', inSitu);
}
const HISTOLOGY_TIERS: [number, number][] = [[1.5, Infinity], [0.9, 1.5], [0, 0.9]];

/** Grade: among the most confident statements, the highest grade (the worst focus or core is reported). */
function gradeOf(fs: F[]): string | null {
  const c = usable(fs, 'grade');
  if (!c.length) return null;
  const top = Math.max(...c.map((f) => f.confidence));
  const best = c.filter((f) => f.confidence >= top - 0.05).sort((a, b) => GRADE_ORDER.indexOf(String(b.value)) - GRADE_ORDER.indexOf(String(a.value)))[0]!;
  return String(best.value);
}
const GRADE_ORDER = ['low', '1', '2', 'high', '3', 'Grade Group 1', 'Grade Group 2', 'Grade Group 3', 'Grade Group 4', 'Grade Group 5'];

/**
 * The reported value of any field. Node counts add up over parts when only per-part counts
 * ("(0/2)" in part A, "(0/1)" in part B) are given; a stated total wins.
 */
export function fieldValue(findings: Finding[], field: FieldName): unknown {
  const fs = findings as F[];
  if (field === 'nodes_positive' || field === 'nodes_examined') {
    const c = usable(fs, field);
    if (!c.length) return null;
    const top = Math.max(...c.map((f) => f.confidence));
    const best = c.filter((f) => f.confidence === top);
    const parts = new Map<string, number>();
    for (const f of best) if (f.specimen && !parts.has(f.specimen)) parts.set(f.specimen, f.value as number);
    if (parts.size > 1 && best.every((f) => f.specimen)) return [...parts.values()].reduce((a, b) => a + b, 0);
    return pick(fs, field)?.value ?? null;
  }
  const f = pick(fs, field);
  return f ? f.value : null;
}

export function summarize(findings: Finding[]): Summary {
  const fs = findings as F[];
  const t = tnmPart(fs, 'tnm_t', null);
  const tPrefix = t ? (t.value as { prefix: string }).prefix : null;
  const n = tnmPart(fs, 'tnm_n', tPrefix);
  const m = tnmPart(fs, 'tnm_m', null);
  const cat = (f: F | null) => (f ? (f.value as { category: string }).category : null);
  const prefix = t ? tPrefix : n ? (n.value as { prefix: string }).prefix : null;
  const str = (field: FieldName) => {
    const f = pick(fs, field);
    return f ? String(f.value) : null;
  };
  const ki = pick(fs, 'ki67');
  let grade = gradeOf(fs);
  const nott = pick(fs, 'nottingham_score');
  if (grade == null && nott) grade = NOTTINGHAM_GRADE_BY_SCORE.bands.find((b) => (nott.value as number) <= b.max)?.grade ?? null;
  return {
    cancerType: vote(fs, 'cancer_type'),
    histology: histology(fs),
    grade,
    er: receptor(fs, 'er'),
    pr: receptor(fs, 'pr'),
    her2: her2(fs),
    ki67: ki ? (ki.value as number) : null,
    tnm: { prefix: prefix || null, t: cat(t), n: cat(n), m: cat(m) },
    stage: { group: str('stage_group'), edition: str('ajcc_edition') },
  };
}
