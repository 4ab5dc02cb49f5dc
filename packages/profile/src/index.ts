// @onco/profile: findings of every document + navigator corrections in, the patient profile out.
// Pure: no clock, no randomness, no I/O; the caller assigns version and updatedAt.
import { PROFILE_SCHEMA_VERSION, type FactValue, type ProfileFact } from '@onco/contract';
import type { DocPick, ProfileBody, ProfileInput } from './types.js';
import { extractFacts, orderDocuments } from './facts.js';
import { applyCorrections, type CorrectedFact } from './corrections.js';
import { derive, type Lookup } from './derive.js';
import { findDiscordances } from './discordance.js';
import { missingBiomarkers } from './biomarkers.js';
import { reviewReasons } from './review.js';

export type { Correction, ProfileBody, ProfileDocumentInput, ProfileInput } from './types.js';
export { relevantBiomarkers, type RelevantBiomarker } from './biomarkers.js';
export { buildContext } from './context.js';
export { diffProfiles, type ProfileDiff } from './diff.js';
export { BIOMARKERS, BIOMARKER_PANELS } from './tables/biomarkers.js';
export { REVIEW_THRESHOLDS } from './tables/review.js';

/**
 * Builds the profile from every document's findings and the navigators' corrections.
 * Same input, same output: documents are ordered by report date (upload date when none), then
 * upload time, then id, whatever order they arrive in.
 */
export function buildProfile(input: ProfileInput): ProfileBody {
  const docs = orderDocuments(input.documents);
  const extracted = extractFacts(docs);
  const correctionsByKey = new Map<string, ProfileInput['corrections']>();
  for (const c of input.corrections) correctionsByKey.set(c.factKey, [...(correctionsByKey.get(c.factKey) ?? []), c]);

  const keys = [...new Set([...extracted.keys(), ...correctionsByKey.keys()])].sort();
  const corrected = new Map<string, CorrectedFact>();
  for (const key of keys) corrected.set(key, applyCorrections(extracted.get(key), correctionsByKey.get(key) ?? []));

  const picks = new Map<string, DocPick[]>([...corrected].map(([k, c]) => [k, c.picks]));
  const priorPicks = new Map<string, DocPick[]>([...corrected].map(([k, c]) => [k, c.priorPicks]));
  const facts: Record<string, ProfileFact> = {};
  const support = new Map<string, number>();
  for (const key of keys) {
    const e = extracted.get(key);
    const c = corrected.get(key)!;
    facts[key] = {
      key,
      current: c.current,
      history: [...(e?.history ?? []), ...c.correctionHistory],
      pending: e?.pending ?? false,
      discordant: false,
      conflict: e?.conflict ?? false,
      needsReview: false,
      ...(c.corrected ? { corrected: c.corrected } : {}),
    };
    const last = e?.picks.at(-1);
    if (last && c.current?.source === 'extraction') support.set(key, last.support);
  }

  const order = new Map(docs.map((d) => [d.id, d.order]));
  const get: Lookup = (f) => {
    const v: FactValue | null | undefined = facts[f]?.current;
    if (v == null) return null;
    return { value: v.value, order: v.documentId != null ? (order.get(v.documentId) ?? -1) : Infinity };
  };
  const ct = facts['cancer_type']?.current?.value;
  const cancerType = typeof ct === 'string' ? ct : null;
  const derived = derive(get, cancerType);
  const discordances = findDiscordances(docs, picks, priorPicks, cancerType);
  const reasons = reviewReasons(facts, support, discordances);
  for (const d of discordances) for (const k of d.factKeys) if (facts[k]) facts[k].discordant = true;
  for (const r of reasons) {
    const d = r.code === 'discordance' ? discordances.find((x) => x.factKeys[0] === r.factKey) : undefined;
    for (const k of d ? d.factKeys : [r.factKey]) if (facts[k]) facts[k].needsReview = true;
  }

  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    patientId: input.patientId,
    cancerType,
    facts,
    derived,
    discordances,
    missing: missingBiomarkers(cancerType, facts, derived),
    reviewState: reasons.length ? 'needs_review' : 'ok',
    reviewReasons: reasons,
    documents: [...input.documents]
      .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => ({ documentId: d.id, status: d.status, receivedAt: d.receivedAt, reportDate: d.reportDate, findingCount: d.findings.length })),
  };
}
