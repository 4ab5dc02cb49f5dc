// "What changed since version N": fact keys whose value or flags changed between two profiles.
import type { ProfileFact } from '@onco/contract';
import type { ProfileBody } from './types.js';
import { valueKey } from './values.js';

export interface ProfileDiff {
  fromVersion: number | null;
  toVersion: number | null;
  /** Facts that appeared, disappeared, or whose current value, pending/discordant/conflict/review flags or correction changed. */
  changed: string[];
  added: string[];
  removed: string[];
  /** Same current value, but new reports added to its history. */
  evidenceAdded: string[];
  /** Keys of `derived` whose value changed. */
  derivedChanged: string[];
  reviewStateChanged: boolean;
}

const signature = (f: ProfileFact) =>
  valueKey({ v: f.current?.value ?? null, s: f.current?.source ?? null, p: f.pending, d: f.discordant, c: f.conflict, r: f.needsReview, k: f.corrected ?? null });

type Versioned = ProfileBody & { version?: number };

export function diffProfiles(a: Versioned, b: Versioned): ProfileDiff {
  const keys = [...new Set([...Object.keys(a.facts), ...Object.keys(b.facts)])].sort();
  const added = keys.filter((k) => !a.facts[k] && b.facts[k]);
  const removed = keys.filter((k) => a.facts[k] && !b.facts[k]);
  const both = keys.filter((k) => a.facts[k] && b.facts[k]);
  const changedBoth = both.filter((k) => signature(a.facts[k]!) !== signature(b.facts[k]!));
  const evidenceAdded = both.filter((k) => !changedBoth.includes(k) && a.facts[k]!.history.length !== b.facts[k]!.history.length);
  const derivedKeys = Object.keys(b.derived) as (keyof ProfileBody['derived'])[];
  return {
    fromVersion: a.version ?? null,
    toVersion: b.version ?? null,
    changed: [...added, ...removed, ...changedBoth].sort(),
    added,
    removed,
    evidenceAdded,
    derivedChanged: derivedKeys.filter((k) => (a.derived[k]?.value ?? null) !== (b.derived[k]?.value ?? null)),
    reviewStateChanged: a.reviewState !== b.reviewState,
  };
}
