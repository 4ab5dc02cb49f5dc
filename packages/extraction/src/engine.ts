// The generic engine: anchors open windows, value rules read values inside them, free targets
// match anywhere, context cues set each finding's context within its clause. It never names a
// biomarker: everything specific lives in rules/*.ts.
import type { Finding, FieldName, FindingContext } from './types.js';
import type { ContextCue, MarkerFamily, TargetRule, Value, ValueRule, ValueSpec } from './rules/types.js';
import { buildDoc, clauseBreaks, clauseOf, spanAt, toPage, type ClauseBreaks } from './text.js';
import type { ReportText } from './types.js';
import { PrefixTable, scanMatches, type Candidates, type WordStartScan } from './prefix.js';

export interface RuleSet {
  families: MarkerFamily[];
  targets: TargetRule[];
  cues: ContextCue[];
  /** Glyphs of an empty checkbox: "☐ Negative ☐ Positive" on a blank form states nothing. */
  uncheckedOption: string;
  /** Glyphs of a ticked checkbox. */
  checkedOption: string;
  /** Section headings: alone on a line, they end a statement like a blank line does. */
  sectionHeading: string;
}

interface CompiledValue { rule: ValueRule; re: RegExp }
/**
 * A blank line or a section heading on its own line ends a window once the name's paragraph has said
 * something: "HER2 scored per ASCO/CAP.\nCOMMENT\nThe carcinoma is hormone receptor positive" is two
 * statements. A name whose value comes after a blank line ("HER2:\n\n3+") keeps it; stacked tables are
 * read apart. `breaks` is global (searched from an offset; no lookbehind, so the same as on the rest).
 */
function paragraphBreaks(sectionHeading: string): RegExp {
  return new RegExp(String.raw`\n[ \t]*\n|\n[ \t]*(?:${sectionHeading})[ \t]*:?[ \t]*(?=\n)`, 'gi');
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function paragraphWindow(w: string, breaks: RegExp): string {
  const first = w.search(LETTER_OR_DIGIT);
  if (first < 0) return w;
  breaks.lastIndex = first;
  const br = breaks.exec(w);
  return br ? w.slice(0, br.index) : w;
}

/** `any`: the family's value patterns joined per flag set; a window none of them matches holds no value (a quick exact reject). */
interface CompiledFamily { fam: MarkerFamily; values: CompiledValue[]; before: CompiledValue[]; skip: RegExp | null; window: number; any: RegExp[] | null; anyBefore: RegExp[] | null }
/** `list`: names joined by a list ("ER, PR and HER2"); they share only a value that follows at once. */
interface AnchorRef { id: string; families: string[]; list?: boolean }
/** Rules with one pattern are scanned once; rules of one field are joined into one alternation. */
/**
 * One alternative of a joined target regex. Joined, its named groups become plain numbered ones
 * (`group`: the group around the whole alternative; `at`: each named group's number): V8 then
 * builds no named-groups object per match, which costs more than the match for a wide join.
 */
interface TargetAlt { rules: TargetRule[]; names: string[]; group: number; at: number[] }
/** `keywords`: ids of the rule's keywords (`PrefixTable.keyword`); null runs always. */
interface CompiledTarget { re: RegExp; alts: TargetAlt[]; keywords: number[] | null; scan: WordStartScan | null }
interface CompiledCue { cue: ContextCue; re: RegExp; scan: WordStartScan | null }

export interface Compiled {
  anchorRes: { re: RegExp; refs: AnchorRef[]; keywords: number[] | null; scan: WordStartScan | null }[];
  families: Map<string, CompiledFamily>;
  targets: CompiledTarget[];
  cues: CompiledCue[];
  /** Matches text ending right before a value that marks it as an unticked form option. */
  unchecked: RegExp;
  /** Every box on a line: group "on" when ticked. */
  box: RegExp;
  /** Start prefixes of the full-text scans (anchors, targets, cues) and the rules' keywords. */
  prefixes: PrefixTable;
  /** Blank lines and section headings (global; see paragraphWindow). */
  breaks: RegExp;
}

/** A finding in report order (kept as a name for callers of `run`). */
export type RawFinding = Finding;

function groupCount(src: string): number {
  return new RegExp(`(?:${src})|`).exec('')!.length - 1;
}

function withFlags(flags: string | undefined, def: string, global: boolean): string {
  let f = flags ?? def;
  f = global ? (f.includes('g') ? f : f + 'g') : f.replace('g', '');
  return f;
}

export function compile(rs: RuleSet): Compiled {
  const prefixes = new PrefixTable();
  const scanOf = (re: RegExp) => prefixes.add(re, startsAtWord(re.source), startsAtWord(re.source, true));
  const unchecked = new RegExp(`(?:${rs.uncheckedOption})`);
  const box = new RegExp(`(?<on>${rs.checkedOption})|(?:${rs.uncheckedOption})`, 'g');
  // Names are scanned in groups: one alternation per (case rule, keywords) pair.
  const groups = new Map<string, { refs: AnchorRef[]; src: string[]; cs: boolean; keywords: string[] | null }>();
  const families = new Map<string, CompiledFamily>();
  for (const fam of rs.families) {
    families.set(fam.id, {
      fam,
      values: fam.values.map((rule) => ({ rule, re: fastRegExp(rule.pattern, withFlags(rule.flags, 'i', true)) })),
      before: (fam.before ?? []).map((rule) => ({ rule, re: fastRegExp(`(?:${rule.pattern})`, withFlags(rule.flags, 'i', false)) })),
      skip: fam.skip ? fastRegExp(fam.skip, 'i') : null,
      window: fam.window ?? 200,
      any: unionOf(fam.values),
      anyBefore: unionOf(fam.before ?? []),
    });
    for (const a of fam.anchors) {
      if (groupCount(a.pattern) !== 0) throw new Error(`anchor ${a.id}: use non-capturing groups only`);
      const ref = { id: a.id, families: a.families ?? [fam.id] };
      const kw = a.keywords?.length ? [...a.keywords].sort() : null;
      const gk = `${a.caseSensitive ? 'cs' : 'ci'}\u0000${kw?.join(',') ?? ''}`;
      const g = groups.get(gk) ?? { refs: [], src: [], cs: !!a.caseSensitive, keywords: kw };
      groups.set(gk, g);
      g.refs.push(ref);
      g.src.push(`(${a.pattern})`);
    }
  }
  for (const f of families.values()) for (const a of f.fam.anchors) for (const id of a.families ?? []) {
    if (!families.has(id)) throw new Error(`anchor ${a.id}: unknown family ${id}`);
  }
  const anchorRes = [...groups.values()].map((g) => {
    const re = fastRegExp(g.src.join('|'), g.cs ? 'g' : 'gi');
    return { re, refs: g.refs, keywords: g.keywords && g.keywords.map((k) => prefixes.keyword(k)), scan: scanOf(re) };
  });
  const ids = new Map<string, object>();
  for (const r of [...rs.targets, ...rs.families.flatMap((f) => [...f.values, ...(f.before ?? [])]), ...rs.cues]) {
    if (ids.has(r.id) && ids.get(r.id) !== r) throw new Error(`duplicate rule id ${r.id}`);
    ids.set(r.id, r);
  }
  const targets = compileTargets(rs.targets, scanOf, (k) => prefixes.keyword(k));
  return {
    anchorRes,
    families,
    targets,
    cues: rs.cues.map((cue) => {
      const re = fastRegExp(cue.pattern, 'gi');
      return { cue, re, scan: scanOf(re) };
    }),
    unchecked,
    box,
    breaks: paragraphBreaks(rs.sectionHeading),
    prefixes,
  };
}


/** Top-level alternatives of a regex source (escapes, classes and groups respected). */
function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { out.push(src.slice(start, i)); start = i + 1; }
  }
  out.push(src.slice(start));
  return out;
}

/** End index (exclusive) of the group opening at `open`. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return src.length;
}

/** Whether every match of `src` starts with a word boundary ("\\b" opens every alternative). */
function startsAtWord(src: string, orAfterNonWord = false): boolean {
  return topLevelAlternatives(src).every((alt) => {
    if (alt.startsWith('\\b')) return true;
    // With `orAfterNonWord`: a lookbehind ruling out a word char before the match ("(?<![-\\w])").
    if (orAfterNonWord && /^\(\?<!\[[^\]^]*\\w[^\]]*\]\)/.test(alt)) return true;
    const g = /^\((?:\?:|\?<[A-Za-z_]\w*>)?/.exec(alt);
    if (!g || alt.startsWith('(?=') || alt.startsWith('(?!') || alt.startsWith('(?<=') || alt.startsWith('(?<!')) return false;
    const end = groupEnd(alt, 0);
    if (/^[?*{]/.test(alt.slice(end))) return false;
    return startsAtWord(alt.slice(g[0].length, end - 1), orAfterNonWord);
  });
}

/** Every non-empty match of a global regex, in order (the sticky word-start scan when there is one). */
function eachMatch(re: RegExp, scan: WordStartScan | null, idx: Candidates, text: string, each: (m: RegExpExecArray) => void): void {
  if (scan) { scanMatches(scan, idx, text, each); return; }
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    each(m);
  }
}

/**
 * Compiles a (combined) pattern. When every alternative opens with a word boundary, one leading
 * "\b" is hoisted in front: the regex engine then rejects positions inside words at once (same matches, ~2x faster).
 */
export function fastRegExp(src: string, flags: string): RegExp {
  return new RegExp(startsAtWord(src) ? `\\b(?:${src})` : src, flags);
}


/** The patterns of some value rules as one non-global regex per flag set (null if a pattern uses a back-reference). */
function unionOf(rules: ValueRule[]): RegExp[] | null {
  if (!rules.length || rules.some((r) => /\\k</.test(r.pattern))) return null;
  const byFlags = new Map<string, string[]>();
  for (const r of rules) {
    const flags = withFlags(r.flags, 'i', false);
    const list = byFlags.get(flags) ?? [];
    list.push(`(?:${r.pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:')})`);
    byFlags.set(flags, list);
  }
  return [...byFlags].map(([flags, srcs]) => fastRegExp(srcs.join('|'), flags));
}

const NAMED_GROUP = /\(\?<([A-Za-z_]\w*)>/g;

function compileTargets(targets: TargetRule[], scanOf: (re: RegExp) => WordStartScan | null, keywordId: (k: string) => number): CompiledTarget[] {
  const byPattern = new Map<string, TargetRule[]>();
  for (const t of targets) {
    const k = `${withFlags(t.flags, 'gi', true)}\u0000${t.pattern}`;
    const list = byPattern.get(k) ?? [];
    list.push(t);
    byPattern.set(k, list);
  }
  const groups = new Map<string, TargetRule[][]>();
  for (const [k, rules] of byPattern) {
    const gk = `${k.split('\u0000')[0]}\u0000${rules[0]!.field}\u0000${(rules[0]!.keywords ?? []).join(',')}`;
    const list = groups.get(gk) ?? [];
    list.push(rules);
    groups.set(gk, list);
  }
  const out: CompiledTarget[] = [];
  for (const [gk, altRules] of groups) {
    const flags = gk.split('\u0000')[0]!;
    const alts: TargetAlt[] = [];
    const srcs: string[] = [];
    let groupsSoFar = 0;
    for (const rules of altRules) {
      const src = rules[0]!.pattern;
      const names = [...src.matchAll(NAMED_GROUP)].map((m) => m[1]!);
      if (groupCount(src) !== names.length) throw new Error(`target ${rules[0]!.id}: use named or non-capturing groups only`);
      if (altRules.length === 1) { alts.push({ rules, names, group: 0, at: [] }); srcs.push(src); continue; }
      // Every group of the pattern is named, so the k-th name is the k-th group after the wrapper.
      const group = groupsSoFar + 1;
      const at = names.map((_n, k) => group + 1 + k);
      groupsSoFar += 1 + names.length;
      const numbered = src.replace(NAMED_GROUP, '(').replace(/\\k<(\w+)>/g, (_m, n: string) => `(?:\\${at[names.indexOf(n)]})`);
      alts.push({ rules, names, group, at });
      srcs.push(`(${numbered})`);
    }
    const kws = altRules.flat().map((r) => r.keywords);
    const keywords = kws.every((k) => k && k.length) ? [...new Set(kws.flat() as string[])].map(keywordId) : null;
    const re = fastRegExp(srcs.join('|'), flags);
    out.push({ re, alts, keywords, scan: scanOf(re) });
  }
  return out;
}

/** The match of one alternative, seen as if its rule had matched alone. */
function altMatch(m: RegExpExecArray, alts: TargetAlt[]): { alt: TargetAlt; m: RegExpExecArray } {
  if (alts.length === 1) return { alt: alts[0]!, m };
  let j = 0;
  while (m[alts[j]!.group] === undefined) j++;
  const alt = alts[j]!;
  const groups: Record<string, string | undefined> = {};
  for (let k = 0; k < alt.names.length; k++) groups[alt.names[k]!] = m[alt.at[k]!];
  const view = Object.assign([m[alt.group]!], { index: m.index, input: m.input, groups }) as unknown as RegExpExecArray;
  return { alt, m: view };
}

interface Anchor { start: number; end: number; ref: AnchorRef }

/** Whether a rule with these keyword ids runs on the text (one of them opens a word of it). */
function runs(keywords: number[] | null, idx: Candidates): boolean {
  if (!keywords) return true;
  for (const k of keywords) if (idx.present[k]) return true;
  return false;
}

function findAnchors(c: Compiled, text: string, idx: Candidates): Anchor[] {
  const out: Anchor[] = [];
  for (const { re, refs, keywords, scan } of c.anchorRes) {
    if (!runs(keywords, idx)) continue;
    eachMatch(re, scan, idx, text, (m) => {
      let gi = 1;
      while (gi < m.length && m[gi] === undefined) gi++;
      out.push({ start: m.index, end: m.index + m[0].length, ref: refs[gi - 1]! });
    });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps, then merge a name with its restatement ("Estrogen receptor (ER)").
  const kept: Anchor[] = [];
  for (const a of out) {
    const last = kept[kept.length - 1];
    if (last && a.start < last.end) continue;
    const gap = last ? text.slice(last.end, a.start) : '';
    if (last && sameFamilies(last.ref, a.ref) && /^[\s(),:/-]{0,3}$/.test(gap)) {
      last.end = a.end;
      continue;
    }
    // A list of names shares what follows: "MLH1, PMS2, MSH2 and MSH6: intact", "ER, PR and HER2 pending".
    if (last && LIST_GAP.test(gap)) {
      last.end = a.end;
      last.ref = { id: `${last.ref.id}+${a.ref.id}`, families: [...new Set([...last.ref.families, ...a.ref.families])], list: last.ref.list || !sameFamilies(last.ref, a.ref) };
      continue;
    }
    kept.push({ ...a });
  }
  return kept;
}

/** A value shared by a list of names follows it at once, on its line ("ER, PR and HER2: negative"). */
const LIST_REACH = 40;
function listWindow(w: string): string {
  const nl = w.indexOf('\n');
  return w.slice(0, Math.min(LIST_REACH, nl < 0 ? w.length : nl));
}
const LIST_GAP = /^\s*(?:,|\/|&|\band\b|\bor\b|,\s*and\b|,\s*or\b)\s*$/i;

function sameFamilies(a: AnchorRef, b: AnchorRef): boolean {
  return a.families.length === b.families.length && a.families.every((f) => b.families.includes(f));
}

function evalValue(spec: ValueSpec, m: RegExpExecArray): Value | null {
  return typeof spec === 'function' ? spec(m) : spec;
}

interface Pending { field: FieldName; raw: string; value: Value; start: number; end: number; ruleId: string; confidence: number; negatable: boolean; families: string[] }

/**
 * On a form line a value belongs to one box. Boxes come before their options ("[X] Positive
 * [ ] Negative") unless the line ends with a box ("Positive [X]  Negative [ ]", "Positive: X"),
 * in which case each option owns the box after it. A value on a line without a box counts when it
 * is labelled ("Percentage: 90%"), not when it is a bare option word.
 */
function optionTicked(c: Compiled, w: string, at: number, end: number): boolean {
  const lineStart = w.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = w.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = w.length;
  const line = w.slice(lineStart, lineEnd);
  const boxes: { start: number; end: number; on: boolean }[] = [];
  c.box.lastIndex = 0;
  for (let m = c.box.exec(line); m; m = c.box.exec(line)) {
    if (m[0].length === 0) { c.box.lastIndex++; continue; }
    boxes.push({ start: m.index, end: m.index + m[0].length, on: m.groups!.on !== undefined });
  }
  const rel = at - lineStart;
  const relEnd = end - lineStart;
  const last = boxes[boxes.length - 1];
  if (last && !line.slice(last.end).trim()) {
    const own = boxes.find((b) => b.start >= relEnd);
    return own ? own.on : false;
  }
  let own: { on: boolean } | undefined;
  for (const b of boxes) if (b.end <= rel) own = b;
  return own ? own.on : /[A-Za-z:]/.test(line.slice(0, rel));
}

type Best = Map<FieldName, { m: RegExpExecArray; cv: CompiledValue; v: Value }>;

/** The first match of a value rule in `w` that gives a value (on a form: a ticked option), or none. */
function firstValue(c: Compiled, cv: CompiledValue, w: string, form: boolean): { m: RegExpExecArray | null; v: Value | null } {
  const sub = cv.rule.reach ? w.slice(0, cv.rule.reach) : w;
  cv.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let v: Value | null = null;
  while ((m = cv.re.exec(sub))) {
    if (m[0].length === 0) { cv.re.lastIndex++; continue; }
    if (form && !optionTicked(c, sub, m.index, m.index + m[0].length)) continue;
    v = evalValue(cv.rule.value, m);
    if (v != null) break;
  }
  return { m, v };
}

/** Whether `readValues` would read anything: the same test, stopping at the first rule that gives a value. */
function readsValue(c: Compiled, f: CompiledFamily, w: string): boolean {
  if (f.any && !f.any.some((re) => re.test(w))) return false;
  const form = c.unchecked.test(w);
  for (const cv of f.values) {
    const { m, v } = firstValue(c, cv, w, form);
    if (m && v != null) return true;
  }
  return false;
}

/** Reads every value rule of a family in `w` (global offset `base`): per field, highest priority then earliest. */
function readValues(c: Compiled, f: CompiledFamily, w: string): Best {
  const best: Best = new Map();
  if (f.any && !f.any.some((re) => re.test(w))) return best;
  // On a checkbox form only ticked options are values ("☐ Negative ☑ Positive").
  const form = c.unchecked.test(w);
  for (const cv of f.values) {
    const { m, v } = firstValue(c, cv, w, form);
    if (!m || v == null) continue;
    const prev = best.get(cv.rule.field);
    const pr = cv.rule.priority ?? 0;
    const prevPr = prev ? prev.cv.rule.priority ?? 0 : -Infinity;
    if (!prev || pr > prevPr || (pr === prevPr && m.index < prev.m.index)) best.set(cv.rule.field, { m, cv, v });
  }
  return best;
}

/**
 * OCR flattens two-column tables into a stack of names followed by a stack of values
 * ("ER\nPR\nHER2\nPositive\nNegative\n1+"). A run of k name lines (a name opening its line, at
 * most a short label after it and no value; a wrapped cell such as "intensity" may sit between
 * names) is followed, after at most a few short lines without a value (a note, or the values of
 * labels above the names), by k lines of which line i reads a value for name i: they are paired.
 * If any of the k lines does not read a value for its name, nothing is paired.
 */
/** Whether text[from, to) (within one line) holds only " \t>*•-", as /^[ \t>*•-]*$/ on the slice. */
function onlyBullets(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 62 && c !== 42 && c !== 0x2022 && c !== 45) return false;
  }
  return true;
}

const STACK = { nameTail: 40, fillerLines: 2, fillerLength: 30, skipLines: 6, skipLength: 60 } as const;

function stackedRuns(c: Compiled, text: string, anchors: Anchor[]): Map<number, { w: string; base: number }> {
  const out = new Map<number, { w: string; base: number }>();
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => { const e = text.indexOf('\n', at); return e < 0 ? text.length : e; };
  const reads = (fids: string[], line: string) => fids.some((fid) => readsValue(c, c.families.get(fid)!, line));
  // Cheap layout test first (the name opens its line, a short tail); the value test only for runs.
  const opens = anchors.map((a) => onlyBullets(text, lineStart(a.start), a.start) && lineEnd(a.end) - a.end <= STACK.nameTail);
  const named: (boolean | undefined)[] = [];
  const nameLine = (k: number) => (named[k] ??= opens[k]! && !reads(anchors[k]!.ref.families, text.slice(anchors[k]!.end, lineEnd(anchors[k]!.end))));
  let i = 0;
  while (i < anchors.length) {
    if (!opens[i] || !opens[i + 1] || !nameLine(i)) { i++; continue; }
    const fams = new Set(anchors[i]!.ref.families);
    let j = i;
    while (j + 1 < anchors.length) {
      const a = anchors[j]!;
      const b = anchors[j + 1]!;
      const aEnd = lineEnd(a.end);
      if (b.start <= aEnd || b.ref.families.some((f) => fams.has(f)) || !nameLine(j + 1)) break;
      const fillers = text.slice(aEnd + 1, lineStart(b.start)).split('\n').filter((l) => l.trim());
      if (fillers.length > STACK.fillerLines || fillers.some((l) => l.length > STACK.fillerLength || reads([...fams], l))) break;
      for (const f of b.ref.families) fams.add(f);
      j++;
    }
    const k = j - i + 1;
    if (k >= 2) {
      const lines: { w: string; base: number }[] = [];
      let skipped = 0;
      const nextAnchor = anchors[j + 1]?.start ?? Infinity;
      for (let pos = lineEnd(anchors[j]!.end) + 1; pos < text.length && lines.length < k; ) {
        const e = lineEnd(pos);
        if (e > nextAnchor) break;
        const line = text.slice(pos, e);
        if (line.trim()) {
          if (reads(anchors[i + lines.length]!.ref.families, line)) lines.push({ w: line, base: pos });
          else if (!lines.length && skipped < STACK.skipLines && line.length <= STACK.skipLength && !reads([...fams], line)) skipped++;
          else break;
        }
        pos = e + 1;
      }
      if (lines.length === k) lines.forEach((l, n) => out.set(i + n, l));
    }
    i = j + 1;
  }
  return out;
}

const SENTENCE_END = /[.!?](?=\s)|\n[ \t]*\n/g;
function sentenceStart(text: string, at: number): number {
  const lo = Math.max(0, at - 200);
  let start = lo;
  SENTENCE_END.lastIndex = lo;
  for (let m = SENTENCE_END.exec(text); m && m.index < at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  return start;
}

const CONTEXT_PRIORITY: FindingContext[] = ['pending', 'historical', 'negated', 'uncertain'];

export function run(c: Compiled, report: ReportText): RawFinding[] {
  const doc = buildDoc(report);
  const text = doc.text;
  // One pass over the word starts: candidate positions of every scan, and the keywords present
  // (names and targets whose trigger words are all absent are not run).
  const idx = c.prefixes.candidates(text);
  const anchors = findAnchors(c, text, idx);
  const pend: Pending[] = [];

  const stacked = stackedRuns(c, text, anchors);
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const next = anchors[i + 1];
    const prevEnd = i > 0 ? anchors[i - 1]!.end : 0;
    // A name inside a legend sentence ("scores of 0 or 1 are considered negative for HER2")
    // states no result: the sentence start up to the name is checked against the family's legend.
    let sentStart = -1;
    for (const famId of a.ref.families) {
      const f = c.families.get(famId)!;
      if (f.skip) {
        if (sentStart < 0) sentStart = sentenceStart(text, a.start);
        if (f.skip.test(text.slice(sentStart, a.start))) continue;
      }
      const st = stacked.get(i);
      const base = st ? st.base : a.end;
      let w = st ? st.w : text.slice(a.end, Math.min(a.end + f.window, next ? next.start : text.length));
      if (a.ref.list && !st) w = listWindow(w);
      if (!st) w = paragraphWindow(w, c.breaks);
      if (f.skip) {
        // Legend or method text ends the window: a value, if any, comes before it.
        const sk = f.skip.exec(w);
        if (sk) w = w.slice(0, sk.index);
      }
      const best = readValues(c, f, w);
      // A value right before the name ("negative for HER2", "no EGFR mutation") is adjacent
      // and wins over one read further away in the window.
      const beforeFields = new Set<FieldName>();
      const bStart = Math.max(prevEnd, a.start - 80);
      const b = f.before.length ? text.slice(bStart, a.start) : '';
      // One test of all the family's patterns first: most names have no value right before them.
      if (f.before.length && (!f.anyBefore || f.anyBefore.some((re) => re.test(b)))) {
        for (const cv of f.before) {
          if (beforeFields.has(cv.rule.field)) continue;
          const m = cv.re.exec(b);
          if (!m) continue;
          const v = evalValue(cv.rule.value, m);
          if (v == null) continue;
          beforeFields.add(cv.rule.field);
          pend.push({ field: cv.rule.field, raw: m[0].trim(), value: v, start: bStart + m.index, end: a.end, ruleId: cv.rule.id, confidence: cv.rule.confidence ?? 0.85, negatable: false, families: a.ref.families });
        }
      }
      for (const [field, { m, cv, v }] of best) {
        if (beforeFields.has(field)) continue;
        const vStart = base + m.index;
        pend.push({ field, raw: m.groups?.v ?? m[0].trim(), value: v, start: a.start, end: vStart + m[0].length, ruleId: cv.rule.id, confidence: cv.rule.confidence ?? 0.9, negatable: false, families: a.ref.families });
      }
    }
  }

  for (const { re, alts, keywords, scan } of c.targets) {
    if (!runs(keywords, idx)) continue;
    eachMatch(re, scan, idx, text, (mm) => {
      const { alt, m } = altMatch(mm, alts);
      for (const rule of alt.rules) {
        const v = evalValue(rule.value, m);
        if (v == null) continue;
        pend.push({ field: rule.field, raw: m.groups?.v ?? m[0].trim(), value: v, start: m.index, end: m.index + m[0].length, ruleId: rule.id, confidence: rule.confidence ?? 0.9, negatable: rule.negatable ?? false, families: [] });
      }
    });
  }

  const cueHits = findCues(c, text, idx);
  const breaks = clauseBreaks(text);
  const anchorStarts = anchors.map((a) => a.start);
  // Overlapping duplicates (same field and value) keep the most confident reading ("carcinoma of
  // the ovary" over "ovary"); ties keep the earlier rule. Findings come out by position.
  const order = pend.map((_, i) => i).sort((x, y) => pend[x]!.start - pend[y]!.start || pend[y]!.confidence - pend[x]!.confidence || x - y);
  const dropped = dropOverlappingDuplicates(pend, order);
  const out: Finding[] = [];
  for (const i of order) {
    if (dropped?.has(i)) continue;
    const p = pend[i]!;
    const ev = toPage(doc, p.start, p.end);
    const ctx = contextOf(breaks, cueHits, anchorStarts, p);
    const section = spanAt(doc.addenda, p.start);
    const f: Finding = {
      field: p.field,
      raw: p.raw,
      value: p.value,
      evidence: { text: ev.text, page: ev.page, start: ev.start, end: ev.end, ruleId: p.ruleId },
      specimen: spanAt(doc.specimens, p.start)?.label ?? null,
      context: ctx.context,
      confidence: p.confidence,
      addendum: section != null,
    };
    if (section?.label === 'amended') f.amended = true;
    if (ctx.prior) f.priorSpecimen = true;
    out.push(f);
  }
  return out;
}

/**
 * Which readings are dropped: among readings of one field and value, taken most confident first
 * (then earlier rule), one that overlaps a reading kept before it. Only readings that overlap
 * another reading of their field can be dropped, so the value keys are built for those alone (a
 * sweep over `order`, the readings by start; an empty span may be let through the net, which only
 * costs a key).
 */
function dropOverlappingDuplicates(pend: Pending[], order: number[]): Set<number> | null {
  const contested = new Set<number>();
  for (let a = 0; a < order.length; a++) {
    const p = pend[order[a]!]!;
    for (let b = a + 1; b < order.length; b++) {
      const q = pend[order[b]!]!;
      if (q.start >= p.end) break;
      if (q.field !== p.field) continue;
      contested.add(order[a]!);
      contested.add(order[b]!);
    }
  }
  if (!contested.size) return null;
  const groups = new Map<string, number[]>();
  for (const i of [...contested].sort((x, y) => x - y)) {
    const p = pend[i]!;
    const key = `${p.field}\u0000${typeof p.value === 'object' ? JSON.stringify(p.value) : String(p.value)}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const dropped = new Set<number>();
  for (const g of groups.values()) {
    if (g.length === 1) continue;
    g.sort((x, y) => pend[y]!.confidence - pend[x]!.confidence || x - y);
    const mine: Pending[] = [];
    for (const i of g) {
      const p = pend[i]!;
      if (mine.some((q) => q.start < p.end && p.start < q.end)) { dropped.add(i); continue; }
      mine.push(p);
    }
  }
  return dropped;
}

interface CueHit { start: number; end: number; cue: ContextCue }

function findCues(c: Compiled, text: string, idx: Candidates): CueHit[] {
  const hits: CueHit[] = [];
  for (const { cue, re, scan } of c.cues) {
    eachMatch(re, scan, idx, text, (m) => hits.push({ start: m.index, end: m.index + m[0].length, cue }));
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** First index whose start is >= at (hits are sorted by start). */
function lowerBound(hits: CueHit[], at: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a name starts strictly between lo and hi (`starts` ascending). */
function anchorBetween(starts: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = starts.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (starts[mid]! <= lo) a = mid + 1;
    else b = mid;
  }
  return a < starts.length && starts[a]! < hi;
}

function contextOf(breaks: ClauseBreaks, hits: CueHit[], anchorStarts: number[], p: Pending): { context: FindingContext; prior: boolean } {
  const clause = clauseOf(breaks, p.start, p.end);
  let best: FindingContext = 'affirmed';
  let prior = false;
  let weakHistory = false;
  for (let i = lowerBound(hits, clause.start - 400); i < hits.length; i++) {
    const h = hits[i]!;
    if (h.end < clause.start) continue;
    if (h.start > clause.end) break;
    if (h.cue.entityOnly && !p.negatable) continue;
    if (h.cue.resultsOnly && p.negatable) continue;
    const scope = h.cue.scope ?? 80;
    let applies = false;
    const free = h.cue.crossesNames ?? false;
    if (h.end <= p.start && h.cue.direction !== 'backward') {
      applies = p.start - h.end <= scope && (free || !anchorBetween(anchorStarts, h.end, p.start));
    } else if (h.start >= p.end && h.cue.direction !== 'forward') {
      applies = h.start - p.end <= scope && (free || !anchorBetween(anchorStarts, p.end, h.start));
    } else if (h.start >= p.start && h.end <= p.end && !h.cue.entityOnly) {
      // Between a name and its value: "ER (previously performed): positive".
      applies = !anchorBetween(anchorStarts, p.start, h.start);
    }
    if (!applies) continue;
    if (h.cue.category === 'prior_specimen') { prior = true; continue; }
    if (h.cue.weak) { weakHistory = true; continue; }
    if (best === 'affirmed' || CONTEXT_PRIORITY.indexOf(h.cue.category) < CONTEXT_PRIORITY.indexOf(best)) best = h.cue.category;
  }
  // A weak history cue ("previous", "outside") counts unless the clause names an earlier specimen of this tumour.
  if (weakHistory && !prior && (best === 'affirmed' || CONTEXT_PRIORITY.indexOf('historical') < CONTEXT_PRIORITY.indexOf(best))) best = 'historical';
  return { context: best, prior: prior && best === 'affirmed' };
}
