// Review state: why a navigator should look at a fact. A correction that applies to the fact's
// current value clears its flags (the navigator has looked); one that no longer applies raises one.
import type { Discordance, ProfileFact, ReviewReason } from '@onco/contract';
import { REVIEW_THRESHOLDS } from './tables/review.js';

export function minConfidence(field: string): number {
  return REVIEW_THRESHOLDS.minConfidence[field] ?? REVIEW_THRESHOLDS.defaultMinConfidence;
}

/** Reasons per fact, before corrections clear them. `support` is the current value's confidence (or vote weight). */
export function reviewReasons(
  facts: Record<string, ProfileFact>,
  support: Map<string, number>,
  discordances: Discordance[],
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const cleared = (key: string) => facts[key]?.corrected?.applied === true;
  for (const key of Object.keys(facts).sort()) {
    const f = facts[key]!;
    if (f.corrected && !f.corrected.applied) {
      reasons.push({ code: 'correction_outdated', factKey: key, message: 'A navigator correction was made against a value the reports no longer give.' });
      continue;
    }
    if (cleared(key)) continue;
    const s = support.get(key);
    if (f.current?.source === 'extraction' && s != null && s < minConfidence(key)) {
      reasons.push({ code: 'low_confidence', factKey: key, message: 'The value was read with low confidence.' });
    }
    if (f.conflict) reasons.push({ code: 'conflict', factKey: key, message: 'Two different values for the same specimen and date.' });
  }
  for (const d of discordances) {
    if (d.factKeys.some(cleared)) continue;
    const key = d.factKeys[0] ?? d.marker;
    reasons.push({ code: 'discordance', factKey: key, message: `The ${d.marker} result differs between reports of different dates.` });
  }
  return reasons;
}
