// Navigator corrections. The rule: a correction is keyed to a fact and to the extracted value it
// was made against. It applies while extraction still yields that value (reprocessing the same
// reports, or a later report repeating it), and wins over extraction in every report giving it. When extraction yields a
// different value (a new specimen, a fixed rule), the correction is kept but marked not applied
// and the fact goes back to review, unless the new value is the one the navigator gave.
// `against` defaults to the fact's extracted value from the
// documents received up to the correction's time, so it never depends on the clock.
import type { AppliedCorrection, Correction, FactValue } from '@onco/contract';
import type { DocPick } from './types.js';
import type { ExtractedFact } from './facts.js';
import { toFactValue } from './facts.js';
import { valueKey, valueText } from './values.js';

export interface CorrectedFact {
  current: FactValue | null;
  corrected?: AppliedCorrection;
  /** Per-document picks with the correction applied to every report giving the corrected value. */
  picks: DocPick[];
  priorPicks: DocPick[];
  /** The navigator's values, after the extracted history. */
  correctionHistory: FactValue[];
}

const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

function navigatorValue(value: NonNullable<Correction['value']>, basis: DocPick | undefined): FactValue {
  return {
    value,
    raw: valueText(value),
    documentId: basis?.doc.id ?? null,
    documentDate: basis?.doc.reportDate ?? null,
    specimen: basis?.finding.specimen ?? null,
    context: 'affirmed',
    confidence: 1,
    addendum: false,
    priorSpecimen: false,
    evidence: null,
    source: 'correction',
  };
}

export function applyCorrections(fact: ExtractedFact | undefined, corrections: Correction[]): CorrectedFact {
  const picks = fact?.picks ?? [];
  const priorPicks = fact?.priorPicks ?? [];
  const last = picks.at(-1);
  const extracted = last ? toFactValue(last.finding, last.doc) : null;
  const list = corrections.map((c, i) => ({ c, i })).sort((a, b) => ms(a.c.at) - ms(b.c.at) || a.i - b.i).map(({ c }) => c);
  if (!list.length) return { current: extracted, picks, priorPicks, correctionHistory: [] };

  const basisOf = (c: Correction): DocPick | undefined => picks.filter((p) => p.doc.receivedMs <= ms(c.at)).at(-1);
  const againstOf = (c: Correction) => (c.against !== undefined ? c.against : (basisOf(c)?.value ?? null));
  const currentKey = valueKey(last?.value ?? null);
  // A correction whose value extraction now gives on its own still stands (a later report agrees).
  const chosen = list.filter((c) => valueKey(againstOf(c)) === currentKey || (c.action === 'correct' && c.value !== undefined && valueKey(c.value) === currentKey)).at(-1);
  const shown = chosen ?? list.at(-1)!;
  const corrected: AppliedCorrection = {
    action: shown.action,
    value: shown.value,
    against: againstOf(shown),
    reason: shown.reason,
    author: shown.author,
    at: shown.at,
    applied: chosen !== undefined,
  };
  const correctionHistory = list.filter((c) => c.action === 'correct' && c.value !== undefined).map((c) => navigatorValue(c.value!, basisOf(c) ?? last));
  // A 'correct' without a value (input that skipped the schema) is treated as an accept.
  if (!chosen || chosen.action === 'accept' || (chosen.action === 'correct' && chosen.value === undefined)) return { current: extracted, corrected, picks, priorPicks, correctionHistory };
  // Keyed to the value: every report giving the corrected value X gets the navigator's answer.
  const wrong = valueKey(againstOf(chosen));
  const fix = (ps: DocPick[]) =>
    chosen.action === 'reject' ? ps.filter((p) => valueKey(p.value) !== wrong) : ps.map((p) => (valueKey(p.value) === wrong ? { ...p, value: chosen.value! } : p));
  return {
    current: chosen.action === 'reject' ? null : navigatorValue(chosen.value!, last),
    corrected,
    picks: fix(picks),
    priorPicks: fix(priorPicks),
    correctionHistory,
  };
}
