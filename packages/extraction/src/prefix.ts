// Start-position prefilter for full-text regexes. From a regex source we derive a sound set of
// lower-cased literal prefixes (up to 6 chars, " " standing for any whitespace) that every match
// must begin with. When every match also starts at a word boundary, only word starts (and, for a
// whitespace-led prefix, word ends) opening with one of those prefixes can start a match. One pass
// over a document (`PrefixTable.candidates`, a trie of all prefixes) lists those positions for
// every regex; each regex then runs sticky at its candidates alone. That finds exactly the matches
// a global scan finds (the leftmost match at or after lastIndex always starts at a candidate),
// without walking the whole text with every pattern.

/** Prefix -> whether the match may continue past it with the next element (open) or anything (closed). */
type Entries = Map<string, boolean>;

class TooMany extends Error {}

const MAX_ENTRIES = 2000;
const MAX_CLASS = 40;

/** Whitespace (as `\s` sees it) reads as one space: the index text has every whitespace char as " ". */
const WS = /^\s$/;

function fold(c: string): string | null {
  if (WS.test(c)) return ' ';
  const code = c.charCodeAt(0);
  if (code >= 128) return null;
  return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
}

const UNKNOWN = (): Entries => new Map([['', false]]);
const EMPTY = (): Entries => new Map([['', true]]);

function add(out: Entries, s: string, open: boolean): void {
  const prev = out.get(s);
  out.set(s, prev === undefined ? open : prev && open);
  if (out.size > MAX_ENTRIES) throw new TooMany();
}

function union(a: Entries, b: Entries): Entries {
  const out = new Map(a);
  for (const [s, o] of b) add(out, s, o);
  return out;
}

function concat(a: Entries, b: Entries, k: number): Entries {
  const out: Entries = new Map();
  for (const [s, open] of a) {
    if (!open) { add(out, s, false); continue; }
    for (const [t, o2] of b) {
      const u = s + t;
      if (u.length >= k) add(out, u.slice(0, k), false);
      else add(out, u, o2);
    }
  }
  return out;
}

function chars(list: string[]): Entries {
  const out: Entries = new Map();
  for (const c of list) {
    const f = fold(c);
    if (f === null) return UNKNOWN();
    add(out, f, true);
  }
  return out;
}

const DIGITS = '0123456789'.split('');
const CONTROL: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };

class Parser {
  i = 0;
  constructor(readonly src: string, readonly k: number) {}

  alternation(): Entries {
    let out = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      out = union(out, this.sequence());
    }
    return out;
  }

  sequence(): Entries {
    let out = EMPTY();
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified(this.atom());
      out = concat(out, atom, this.k);
    }
    return out;
  }

  quantified(e: Entries): Entries {
    const src = this.src;
    let min = 1;
    let max = 1;
    const ch = src[this.i];
    if (ch === '?') { min = 0; max = 1; this.i++; }
    else if (ch === '*') { min = 0; max = Infinity; this.i++; }
    else if (ch === '+') { min = 1; max = Infinity; this.i++; }
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(this.i));
      if (!m) return e;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length;
    } else return e;
    if (src[this.i] === '?') this.i++;
    if (max === 0) return EMPTY();
    if (max > 1 && e.size <= 12 && [...e].every(([s, open]) => s.length === 1 && open)) {
      // A repeated single char ("\\s*", "[\\s-]+"): unrolled up to the prefix length.
      let acc: Entries = min === 0 ? EMPTY() : new Map();
      let pow: Entries = EMPTY();
      for (let j = 1; j <= Math.min(max, this.k); j++) {
        pow = concat(pow, e, this.k);
        if (j >= min) acc = union(acc, pow);
      }
      if (min > this.k) { acc = new Map(); for (const [s] of pow) add(acc, s, false); }
      return acc;
    }
    let out: Entries = e;
    if (max > 1) {
      out = new Map();
      for (const [s] of e) add(out, s, false);
    }
    if (min === 0) out = union(out, EMPTY());
    return out;
  }

  atom(): Entries {
    const src = this.src;
    const ch = src[this.i]!;
    if (ch === '(') return this.group();
    if (ch === '[') return this.cls();
    if (ch === '\\') return this.escape();
    this.i++;
    if (ch === '^' || ch === '$') return EMPTY();
    if (ch === '.') return UNKNOWN();
    return chars([ch]);
  }

  group(): Entries {
    const src = this.src;
    this.i++;
    let look = false;
    if (src[this.i] === '?') {
      const rest = src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) { this.i += 2; look = true; }
      else if (rest === '?<=' || rest === '?<!') { this.i += 3; look = true; }
      else if (rest.startsWith('?<')) {
        const end = src.indexOf('>', this.i);
        if (end < 0) throw new Error('bad group');
        this.i = end + 1;
      } else throw new Error('unsupported group');
    }
    const inner = this.alternation();
    if (src[this.i] !== ')') throw new Error('unbalanced');
    this.i++;
    return look ? EMPTY() : inner;
  }

  escape(): Entries {
    const src = this.src;
    const c = src[this.i + 1];
    if (c === undefined) throw new Error('trailing backslash');
    this.i += 2;
    if (c === 'b' || c === 'B') return EMPTY();
    if (c === 'd') return chars(DIGITS);
    if (c === 's') return chars([' ']);
    if (CONTROL[c]) return chars([CONTROL[c]!]);
    if (c === 'k') {
      const end = src.indexOf('>', this.i);
      this.i = end < 0 ? this.i : end + 1;
      return UNKNOWN();
    }
    if (c === 'p' || c === 'P') {
      if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1;
      return UNKNOWN();
    }
    if (c === 'x') { this.i += 2; return UNKNOWN(); }
    if (c === 'u') {
      if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1;
      else this.i += 4;
      return UNKNOWN();
    }
    if (c === 'c') { this.i++; return UNKNOWN(); }
    if (/[0-9]/.test(c)) {
      while (/[0-9]/.test(src[this.i] ?? '')) this.i++;
      return UNKNOWN();
    }
    if (/[A-Za-z]/.test(c)) return UNKNOWN(); // \w \W \s \S \D and the like
    return chars([c]);
  }

  cls(): Entries {
    const src = this.src;
    this.i++;
    let negated = false;
    if (src[this.i] === '^') { negated = true; this.i++; }
    const set: string[] = [];
    let unknown = false;
    let first = true;
    const member = (): string | null => {
      const ch = src[this.i]!;
      if (ch !== '\\') { this.i++; return ch; }
      const c = src[this.i + 1]!;
      this.i += 2;
      if (c === 'd') { set.push(...DIGITS); return null; }
      if (c === 's') { set.push(' '); return null; }
      if (c === 'b') return '\b';
      if (CONTROL[c]) return CONTROL[c]!;
      if (/[A-Za-z0-9]/.test(c)) {
        if (c === 'x') this.i += 2;
        else if (c === 'u') { if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1; else this.i += 4; }
        else if (c === 'p' || c === 'P') { if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1; }
        else if (c === 'c') this.i++;
        unknown = true;
        return null;
      }
      return c;
    };
    while (this.i < src.length && (src[this.i] !== ']' || (first && false))) {
      first = false;
      const a = member();
      if (a !== null && src[this.i] === '-' && src[this.i + 1] !== ']' && this.i + 1 < src.length) {
        this.i++;
        const b = member();
        if (b === null) { unknown = true; continue; }
        const lo = a.charCodeAt(0);
        const hi = b.charCodeAt(0);
        if (hi - lo > 200) { unknown = true; continue; }
        for (let x = lo; x <= hi; x++) set.push(String.fromCharCode(x));
        continue;
      }
      if (a !== null) set.push(a);
    }
    if (src[this.i] !== ']') throw new Error('unterminated class');
    this.i++;
    if (negated || unknown || new Set(set).size > MAX_CLASS || set.length === 0) return UNKNOWN();
    return chars([...new Set(set)]);
  }
}

/**
 * Lower-cased literal prefixes every match of `src` begins with, or null when none can be
 * derived (a match may begin with any character, or the pattern is not understood).
 */
export function matchPrefixes(src: string, flags: string): string[] | null {
  if (flags.includes('u') || flags.includes('v')) return null;
  for (const k of [6, 4, 3, 2, 1]) {
    try {
      const p = new Parser(src, k);
      const e = p.alternation();
      if (p.i !== src.length) return null;
      if (e.has('')) return null;
      return [...e.keys()].sort();
    } catch (err) {
      if (err instanceof TooMany) continue;
      return null;
    }
  }
  return null;
}

/** A regex that runs sticky at candidate word starts only; `id` indexes `PrefixTable.candidates`. */
export interface WordStartScan {
  id: number;
  sticky: RegExp;
}


/** Folded char code: A-Z to a-z, any whitespace to " ", other non-ASCII to -1 (no prefix holds one). */
function foldCode(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return c + 32;
    if (c === 9 || c === 10 || c === 11 || c === 12 || c === 13) return 32;
    return c;
  }
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return 32;
  return -1;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `foldCode` of every UTF-16 code unit. */
const FOLD = new Int16Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = foldCode(c);
/** Per code unit: 1 word char (ASCII, as "\\w" without flag u), 2 whitespace, 0 other. */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = isWord(c) ? 1 : FOLD[c] === 32 ? 2 : 0;

/** A trie node while rules are added: scanner ids (>= 0) and keyword ids (encoded -1 - id) ending here. */
interface Node { out: number[]; kids: Map<number, Node> }

const node = (): Node => ({ out: [], kids: new Map() });

/**
 * The trie frozen into flat arrays (built on first use): states 1..S (0: none, 1: the root), the
 * chars of all prefixes and keywords renumbered 0..A-1 (`sym`, -1: in none), `next[s * A + a]` the
 * state after reading char a in state s, and `out[outStart[s]..outStart[s + 1])` what ends at s.
 * A walk step is then one table read.
 */
interface Automaton { sym: Int16Array; a: number; next: Int32Array; outStart: Int32Array; out: Int32Array }

/** A keyword that cannot sit in the folded trie (a non-ASCII char, or not opening with a word char): one regex test. */
interface OddKeyword { id: number; re: RegExp }

/**
 * All word-start scanners of a rule set and all rule keywords, as one trie over folded chars.
 * One pass over a document's word starts (and word ends, for whitespace-led prefixes) yields
 * every scanner's candidate positions, ascending, and which keywords open a word of the text.
 * Prefixes and keywords are walked in full, one table read per char.
 */
export class PrefixTable {
  private n = 0;
  private nKw = 0;
  private readonly kwIds = new Map<string, number>();
  private readonly odd: OddKeyword[] = [];
  private readonly root = node();
  private auto: Automaton | null = null;

  /** The node of a folded path, created on the way. */
  private path(p: string): Node {
    this.auto = null;
    let at = this.root;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let nd = at.kids.get(c);
      if (!nd) at.kids.set(c, (nd = node()));
      at = nd;
    }
    return at;
  }

  /**
   * A scanner for a global regex whose every match starts at a word boundary (`atWord`) or after a
   * non-word char or the text start (`afterNonWord`), or null.
   */
  add(re: RegExp, atWord: boolean, afterNonWord = false): WordStartScan | null {
    if (!atWord && !afterNonWord) return null;
    const prefixes = matchPrefixes(re.source, re.flags);
    // A match opens at a word start, or (whitespace first, at a word boundary) at a word end.
    const first = atWord ? /^[a-z0-9_ ][\x00-\x7f]*$/ : /^[a-z0-9_][\x00-\x7f]*$/;
    if (!prefixes || !prefixes.every((p) => first.test(p))) return null;
    const minimal = prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
    const id = this.n++;
    for (const p of minimal) this.path(p).out.push(id);
    return { id, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') };
  }

  /**
   * The id of a rule keyword (a lower-case word beginning): `Candidates.present[id]` tells whether
   * it opens a word of the text (an ASCII letter in either case, as the case-insensitive rules read it).
   */
  keyword(word: string): number {
    const known = this.kwIds.get(word);
    if (known !== undefined) return known;
    const id = this.nKw++;
    this.kwIds.set(word, id);
    if (/^[a-z0-9_][\x00-\x7f]*$/.test(word)) {
      let folded = '';
      for (let i = 0; i < word.length; i++) folded += String.fromCharCode(FOLD[word.charCodeAt(i)]!);
      this.path(folded).out.push(-1 - id);
    } else {
      const esc = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      this.odd.push({ id, re: new RegExp(/^\w/.test(word) ? `\\b${esc}` : esc, 'i') });
    }
    return id;
  }

  /** Number of scanners (ids are 0..size-1). */
  get size(): number { return this.n; }

  private freeze(): Automaton {
    const nodes: Node[] = [];
    const chars = new Set<number>();
    const visit = (nd: Node) => { nodes.push(nd); for (const [c, kid] of nd.kids) { chars.add(c); visit(kid); } };
    visit(this.root);
    const sym = new Int16Array(128).fill(-1);
    [...chars].sort((x, y) => x - y).forEach((c, i) => { sym[c] = i; });
    const a = chars.size;
    const state = new Map(nodes.map((nd, i) => [nd, i + 1]));
    const next = new Int32Array((nodes.length + 1) * a);
    const outStart = new Int32Array(nodes.length + 2);
    const out: number[] = [];
    nodes.forEach((nd, i) => {
      const s = i + 1;
      for (const [c, kid] of nd.kids) next[s * a + sym[c]!] = state.get(kid)!;
      outStart[s] = out.length;
      out.push(...nd.out);
    });
    outStart[nodes.length + 1] = out.length;
    return { sym, a, next, outStart, out: Int32Array.from(out) };
  }

  /**
   * Candidate start positions of every scanner in `text`, and the keywords present. The lists
   * live in shared buffers, valid until the next call.
   */
  candidates(text: string): Candidates {
    const { sym, a, next, outStart, out } = (this.auto ??= this.freeze());
    const cd = CANDS;
    const sc = SCRATCH;
    if (cd.start.length < this.n + 1) { cd.start = new Int32Array(this.n + 1); sc.last = new Int32Array(this.n); }
    if (cd.present.length < this.nKw) cd.present = new Uint8Array(this.nKw);
    const count = cd.start;
    const last = sc.last;
    const present = cd.present;
    count.fill(0, 0, this.n + 1);
    last.fill(-1, 0, this.n);
    present.fill(0, 0, this.nKw);
    for (const k of this.odd) present[k.id] = k.re.test(text) ? 1 : 0;
    // Found in text order as (scanner, position) pairs, then grouped by scanner (each run ascending).
    let pairId = sc.pairId;
    let pairPos = sc.pairPos;
    let pairs = 0;
    const n = text.length;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c]!;
      const w = cls === 1;
      if (w === prevWord) continue;
      prevWord = w;
      const a0 = sym[w ? FOLD[c]! : cls === 2 ? 32 : 0]!;
      if (a0 < 0) continue;
      let s = next[a + a0]!;
      for (let j = i + 1; s !== 0; j++) {
        for (let k = outStart[s]!, end = outStart[s + 1]!; k < end; k++) {
          const id = out[k]!;
          if (id < 0) { present[-1 - id] = 1; continue; }
          if (last[id] === i) continue;
          last[id] = i;
          if (pairs === pairId.length) {
            const i2 = new Int32Array(pairs * 2); i2.set(pairId); pairId = sc.pairId = i2;
            const p2 = new Int32Array(pairs * 2); p2.set(pairPos); pairPos = sc.pairPos = p2;
          }
          pairId[pairs] = id;
          pairPos[pairs] = i;
          pairs++;
          count[id + 1]!++;
        }
        if (j >= n) break;
        const f = FOLD[text.charCodeAt(j)]!;
        if (f < 0) break;
        const aj = sym[f]!;
        if (aj < 0) break;
        s = next[s * a + aj]!;
      }
    }
    // count[id + 1] holds each scanner's total: prefix sums make `start`, then each pair is placed.
    for (let id = 0; id < this.n; id++) count[id + 1]! += count[id]!;
    if (cd.list.length < pairs) cd.list = new Int32Array(pairs * 2);
    const list = cd.list;
    const fill = last;
    fill.set(count.subarray(0, this.n));
    for (let k = 0; k < pairs; k++) list[fill[pairId[k]!]!++] = pairPos[k]!;
    return cd;
  }
}

/**
 * Each scanner's candidate positions, ascending: `list[start[id] .. start[id + 1])`.
 * `present[id]`: keyword `id` opens a word of the text.
 */
export interface Candidates { start: Int32Array; list: Int32Array; present: Uint8Array }

const CANDS: Candidates = { start: new Int32Array(0), list: new Int32Array(4096), present: new Uint8Array(0) };
/** Scratch of `candidates`: each scanner's last position, and the (scanner, position) pairs in text order. */
const SCRATCH = { last: new Int32Array(0), pairId: new Int32Array(4096), pairPos: new Int32Array(4096) };

/** Every match of `scan` in `text`, as a global scan with the "skip empty matches" loop would find them. */
export function scanMatches(scan: WordStartScan, cands: Candidates, text: string, each: (m: RegExpExecArray) => void): void {
  const re = scan.sticky;
  const list = cands.list;
  let next = 0;
  for (let k = cands.start[scan.id]!, end = cands.start[scan.id + 1]!; k < end; k++) {
    const p = list[k]!;
    if (p < next) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    if (m[0].length === 0) { next = p + 1; continue; }
    next = p + m[0].length;
    each(m);
  }
}
