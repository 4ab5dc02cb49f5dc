// Per field: what each document says (one pick per document), the history of every value, the
// extracted current value (latest document), pending tests and same-date conflicts.
import type { Finding } from '@onco/extraction';
import type { FactValue } from '@onco/contract';
import type { Doc, DocPick, ProfileDocumentInput } from './types.js';
import { IN_SITU_HISTOLOGY, REVIEW_THRESHOLDS } from './tables/review.js';
import { classOf, rankOf, valueKey } from './values.js';

/** Fields chosen by a vote of all mentions (each mention is weak; several agree). */
const VOTED = new Set(['cancer_type']);

const parseMs = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/**
 * Documents that finished, oldest first: by report date (upload date when none), then upload
 * time, then id, so the order never depends on input order.
 */
export function orderDocuments(docs: ProfileDocumentInput[]): Doc[] {
  return docs
    .filter((d) => d.status === 'done')
    .map((d) => ({ id: d.id, receivedAt: d.receivedAt, receivedMs: parseMs(d.receivedAt), reportDate: d.reportDate, dateKey: (d.reportDate ?? d.receivedAt).slice(0, 10), order: 0, findings: d.findings }))
    .sort((a, b) => (a.dateKey < b.dateKey ? -1 : a.dateKey > b.dateKey ? 1 : a.receivedMs - b.receivedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((d, i) => ({ ...d, order: i }));
}

export function toFactValue(f: Finding, doc: Doc): FactValue {
  return {
    value: f.value,
    raw: f.raw,
    documentId: doc.id,
    documentDate: doc.reportDate,
    specimen: f.specimen,
    context: f.context,
    confidence: f.confidence,
    addendum: f.addendum === true,
    priorSpecimen: f.priorSpecimen === true,
    evidence: { text: f.evidence.text, page: f.evidence.page, start: f.evidence.start, end: f.evidence.end, ruleId: f.evidence.ruleId },
    source: 'extraction',
  };
}

const byConfidence = (field: string) => (a: Finding, b: Finding) =>
  b.confidence - a.confidence || rankOf(field, b.value) - rankOf(field, a.value);

function differs(field: string, a: Finding, b: Finding): boolean {
  const ca = classOf(field, a.value);
  const cb = classOf(field, b.value);
  return ca != null && cb != null && ca !== cb;
}

/** Keeps the findings of the highest standing only, in order: amended section, current specimen, addendum. */
export function standing(findings: Finding[]): Finding[] {
  let c = findings;
  for (const better of [(f: Finding) => f.amended === true, (f: Finding) => f.priorSpecimen !== true, (f: Finding) => f.addendum === true]) {
    const kept = c.filter(better);
    if (kept.length) c = kept;
  }
  return c;
}

/**
 * The value one report gives for a field, from its affirmed findings:
 * - an amended (corrected) section replaces the rest of its report; a result on the current
 *   specimen outranks one quoted from an earlier specimen; an addendum supersedes the body;
 * - per specimen, the most confident finding; two confident findings of different classes
 *   for one specimen are a conflict;
 * - across specimens of one report, the highest result (any positive area makes the tumor
 *   positive, ASCO/CAP 2020 and 2023), then the most confident.
 */
export function pickInDocument(field: string, doc: Doc, affirmed: Finding[]): DocPick | null {
  if (!affirmed.length) return null;
  let cands = standing(affirmed);
  if (VOTED.has(field)) {
    const weight = new Map<string, number>();
    for (const f of cands) weight.set(valueKey(f.value), (weight.get(valueKey(f.value)) ?? 0) + f.confidence);
    const ranked = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [bestKey, best] = ranked[0]!;
    const runnerUp = ranked[1]?.[1] ?? 0;
    const finding = cands.filter((f) => valueKey(f.value) === bestKey).sort(byConfidence(field))[0]!;
    return { doc, finding, value: finding.value, support: best, conflict: runnerUp >= REVIEW_THRESHOLDS.voteConflictMinWeight && runnerUp >= best * REVIEW_THRESHOLDS.voteConflictRatio };
  }
  if (field === 'histology') {
    const invasive = cands.filter((f) => !(IN_SITU_HISTOLOGY.values as readonly string[]).includes(String(f.value)));
    if (invasive.length) cands = invasive;
  }
  const bySpecimen = new Map<string | null, Finding[]>();
  for (const f of cands) {
    const list = bySpecimen.get(f.specimen);
    if (list) list.push(f);
    else bySpecimen.set(f.specimen, [f]);
  }
  let conflict = false;
  const perSpecimen: Finding[] = [];
  for (const fs of bySpecimen.values()) {
    // A definitive result beats a provisional one in the same report ("HER2 IHC equivocal" is the
    // work-up; "HER2 negative" after ISH is the answer), then the most confident.
    const definitive = (f: Finding) => (classOf(field, f.value) != null ? 1 : 0);
    const sorted = [...fs].sort((a, b) => definitive(b) - definitive(a) || byConfidence(field)(a, b));
    const top = sorted[0]!;
    const min = REVIEW_THRESHOLDS.conflictMinConfidence;
    // Only results of the same standing can conflict: the work-up does not contradict its answer.
    if (top.confidence >= min && sorted.some((f) => f.confidence >= min && definitive(f) === definitive(top) && differs(field, top, f))) conflict = true;
    perSpecimen.push(top);
  }
  const finding = perSpecimen.sort((a, b) => rankOf(field, b.value) - rankOf(field, a.value) || b.confidence - a.confidence)[0]!;
  return { doc, finding, value: finding.value, support: finding.confidence, conflict };
}

export interface ExtractedFact {
  key: string;
  /** One pick per document that affirms a value, oldest first. */
  picks: DocPick[];
  /** Results a report quotes from an earlier specimen (a resection citing its core biopsy), for discordance. */
  priorPicks: DocPick[];
  history: FactValue[];
  pending: boolean;
  /** Conflict within a report, or between reports of the same date for the same specimen. */
  conflict: boolean;
}

/** Facts as extraction alone gives them, one per field seen in any finished document. */
export function extractFacts(docs: Doc[]): Map<string, ExtractedFact> {
  const byField = new Map<string, { doc: Doc; f: Finding }[]>();
  for (const doc of docs) {
    for (const f of doc.findings) {
      const list = byField.get(f.field);
      if (list) list.push({ doc, f });
      else byField.set(f.field, [{ doc, f }]);
    }
  }
  const out = new Map<string, ExtractedFact>();
  for (const field of [...byField.keys()].sort()) {
    const obs = byField.get(field)!;
    const picks: DocPick[] = [];
    const priorPicks: DocPick[] = [];
    for (const doc of docs) {
      const affirmed = obs.filter((o) => o.doc === doc && o.f.context === 'affirmed').map((o) => o.f);
      const p = pickInDocument(field, doc, affirmed);
      if (p) picks.push(p);
      const prior = pickInDocument(field, doc, affirmed.filter((f) => f.priorSpecimen && !f.amended));
      if (prior && prior.finding !== p?.finding) priorPicks.push(prior);
    }
    const last = picks.at(-1);
    const lastOrder = last?.doc.order ?? -1;
    // Pending only if no result came in the same or a later report.
    const pending = obs.some((o) => o.f.context === 'pending' && o.doc.order > lastOrder);
    const sameDate = last
      ? picks.some((p) => p !== last && p.doc.reportDate != null && p.doc.reportDate.slice(0, 10) === last.doc.reportDate?.slice(0, 10) && p.finding.specimen === last.finding.specimen && differs(field, p.finding, last.finding))
      : false;
    out.set(field, { key: field, picks, priorPicks, history: historyOf(obs), pending, conflict: sameDate || picks.some((p) => p.conflict) });
  }
  return out;
}

/** Every distinct value a document states for the field, oldest document first, in page order. */
function historyOf(obs: { doc: Doc; f: Finding }[]): FactValue[] {
  const seen = new Map<string, { doc: Doc; f: Finding }>();
  for (const o of obs) {
    const k = [o.doc.id, o.f.specimen ?? '', o.f.context, o.f.addendum ? 1 : 0, o.f.priorSpecimen ? 1 : 0, valueKey(o.f.value)].join('|');
    const prev = seen.get(k);
    if (!prev || o.f.confidence > prev.f.confidence) seen.set(k, o);
  }
  return [...seen.values()]
    .sort((a, b) => a.doc.order - b.doc.order || a.f.evidence.page - b.f.evidence.page || a.f.evidence.start - b.f.evidence.start)
    .map((o) => toFactValue(o.f, o.doc));
}
