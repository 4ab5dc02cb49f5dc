// Rule records. Like medspaCy's TargetRule/ConTextRule: plain records with a fixed set of keys,
// kept apart from the engine. `defineX` helpers reject unknown keys at module load.
import type { FieldName, FindingContext } from '../types.js';

export type Value = string | number | boolean | Record<string, unknown>;
/** A fixed value, or a parser from the match (returns null to reject the match). */
export type ValueSpec = Value | ((m: RegExpExecArray) => Value | null);

/** A value that follows (or precedes) a marker name inside its window. */
export interface ValueRule {
  id: string;
  field: FieldName;
  /** Source of a regex; compiled once with flags "gi" (or `flags`). Group "v" is the raw value if present. */
  pattern: string;
  value: ValueSpec;
  flags?: string;
  confidence?: number;
  /** Only look this many chars into the window (default: the whole window). */
  reach?: number;
  /** Among matches for one field in a window, the highest priority wins, then the earliest (default 0). */
  priority?: number;
}

/** A name of a marker. `families` lets one name open several families ("ER/PR"). */
export interface AnchorRule {
  id: string;
  pattern: string;
  families?: string[];
  /** Acronyms such as "ER" must be matched case-sensitively. */
  caseSensitive?: boolean;
  /**
   * Lower-case word beginnings of which one must open a word somewhere in the report for this name
   * to be looked for. Only a speed-up (every match of the pattern contains a word beginning with
   * one of them); without keywords the name is always looked for.
   */
  keywords?: string[];
}

/** A marker family: its names (anchors) and the values that may follow a name. */
export interface MarkerFamily {
  id: string;
  anchors: AnchorRule[];
  values: ValueRule[];
  /** Patterns that must end right before the anchor ("positive for" ER). */
  before?: ValueRule[];
  /** Max chars after the anchor (window is also cut by the next anchor of another family). */
  window?: number;
  /** If the window matches this, it is a legend or method text, not a result: skip it. */
  skip?: string;
}

/** A free-standing target: matched anywhere in the text. */
export interface TargetRule {
  id: string;
  field: FieldName;
  pattern: string;
  value: ValueSpec;
  flags?: string;
  confidence?: number;
  /** Whether negation cues ("no", "negative for") apply: true for entities such as histology. */
  negatable?: boolean;
  /**
   * Lower-case word beginnings of which one must open a word somewhere in the report for the rule
   * to run. Only a speed-up (every match contains a word beginning with one of them); a rule
   * without keywords always runs.
   */
  keywords?: string[];
}

export type CueDirection = 'forward' | 'backward' | 'both';
/** A context cue (ConTextRule): modifies targets within its clause in the given direction. */
export interface ContextCue {
  id: string;
  /**
   * What the cue does to a finding in its scope. 'prior_specimen' names an earlier specimen of the
   * same tumour (the core biopsy): the finding stays affirmed, is marked `priorSpecimen`, and weak
   * history cues in its clause are ignored.
   */
  category: Exclude<FindingContext, 'affirmed'> | 'prior_specimen';
  pattern: string;
  direction: CueDirection;
  /** Max chars between cue and target (in addition to the clause limit). */
  scope?: number;
  /** Cues that apply only to negatable targets (entities), not to test results. */
  entityOnly?: boolean;
  /** Whether the cue reaches past other marker names in its clause (a history sentence covers all its results). */
  crossesNames?: boolean;
  /** Cues that apply only to test results, not to entities such as histology. */
  resultsOnly?: boolean;
  /**
   * A history cue that only says "earlier" ("previous", "outside", a clinical-history section): it
   * yields when its clause names an earlier specimen of this tumour ('prior_specimen').
   */
  weak?: boolean;
}

const KEYS = {
  value: ['id', 'field', 'pattern', 'value', 'flags', 'confidence', 'reach', 'priority'],
  family: ['id', 'anchors', 'values', 'before', 'window', 'skip'],
  anchor: ['id', 'pattern', 'families', 'caseSensitive', 'keywords'],
  target: ['id', 'field', 'pattern', 'value', 'flags', 'confidence', 'negatable', 'keywords'],
  cue: ['id', 'category', 'pattern', 'direction', 'scope', 'entityOnly', 'crossesNames', 'resultsOnly', 'weak'],
} as const;

function check(kind: keyof typeof KEYS, rec: object): void {
  const allowed = KEYS[kind] as readonly string[];
  for (const k of Object.keys(rec)) {
    if (!allowed.includes(k)) throw new Error(`rule ${(rec as { id?: string }).id ?? '?'}: unknown key "${k}"`);
  }
}

export function defineFamilies(list: MarkerFamily[]): MarkerFamily[] {
  for (const f of list) {
    check('family', f);
    for (const a of f.anchors) check('anchor', a);
    for (const v of [...f.values, ...(f.before ?? [])]) check('value', v);
  }
  return list;
}
export function defineTargets(list: TargetRule[]): TargetRule[] {
  for (const t of list) check('target', t);
  return list;
}
export function defineCues(list: ContextCue[]): ContextCue[] {
  for (const c of list) check('cue', c);
  return list;
}
