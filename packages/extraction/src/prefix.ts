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

/** A trie node over folded chars: the scanners whose prefix is this path. */
interface Node { ids: number[]; long: string[]; longIds: number[]; next: (Node | undefined)[] | null }

const node = (): Node => ({ ids: [], long: [], longIds: [], next: null });

/** Trie depth; a longer prefix is checked in full at its depth-3 node. */
const DEPTH = 3;

/**
 * All word-start scanners of a rule set, their prefixes in one trie over folded chars. One pass
 * over a document's word starts (and word ends, for whitespace-led prefixes) yields every
 * scanner's candidate positions, ascending.
 */
export class PrefixTable {
  private n = 0;
  private readonly root: (Node | undefined)[] = new Array(128).fill(undefined);

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
    for (const p of minimal) {
      let level = this.root;
      let at: Node | undefined;
      const d = Math.min(p.length, DEPTH);
      for (let i = 0; i < d; i++) {
        at = level[p.charCodeAt(i)] ??= node();
        if (i + 1 < d) level = at.next ??= new Array(128).fill(undefined);
      }
      if (p.length > DEPTH) { at!.long.push(p); at!.longIds.push(id); }
      else at!.ids.push(id);
    }
    return { id, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') };
  }

  /** Number of scanners (ids are 0..size-1). */
  get size(): number { return this.n; }

  /**
   * Candidate start positions of every scanner in `text`; scanners with `skip[id]` get none. The
   * lists live in shared buffers, valid until the next call.
   */
  candidates(text: string, skip?: Uint8Array): Candidates {
    const cd = CANDS;
    if (cd.head.length < this.n) { cd.head = new Int32Array(this.n); cd.tail = new Int32Array(this.n); }
    const head = cd.head;
    const tail = cd.tail;
    head.fill(-1, 0, this.n);
    let pos = cd.pos;
    let nxt = cd.nxt;
    let count = 0;
    const root = this.root;
    const n = text.length;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cls = CLASS[c]!;
      const w = cls === 1;
      if (w === prevWord) continue;
      prevWord = w;
      let nd = root[w ? FOLD[c]! : cls === 2 ? 32 : 0];
      for (let j = i + 1; nd; j++) {
        const ids = nd.ids;
        const long = nd.long;
        for (let k = 0, nk = ids.length + long.length; k < nk; k++) {
          let id: number;
          if (k < ids.length) id = ids[k]!;
          else {
            const l = k - ids.length;
            const full = long[l]!;
            if (i + full.length > n) continue;
            let ok = true;
            for (let q = DEPTH; q < full.length; q++) if (FOLD[text.charCodeAt(i + q)] !== full.charCodeAt(q)) { ok = false; break; }
            if (!ok) continue;
            id = nd.longIds[l]!;
          }
          if (skip && skip[id]) continue;
          const h = head[id]!;
          if (h >= 0 && pos[tail[id]!] === i) continue;
          if (count === pos.length) {
            const p2 = new Int32Array(count * 2); p2.set(pos); pos = cd.pos = p2;
            const n2 = new Int32Array(count * 2); n2.set(nxt); nxt = cd.nxt = n2;
          }
          pos[count] = i;
          nxt[count] = -1;
          if (h < 0) head[id] = count;
          else nxt[tail[id]!] = count;
          tail[id] = count;
          count++;
        }
        if (!nd.next || j >= n) break;
        const cj = FOLD[text.charCodeAt(j)]!;
        nd = cj >= 0 ? nd.next[cj] : undefined;
      }
    }
    return cd;
  }
}

/** Per-scanner candidate lists as linked runs in flat buffers: `head[id]`, then `nxt[k]`; `pos[k]` is the position. */
export interface Candidates { head: Int32Array; tail: Int32Array; pos: Int32Array; nxt: Int32Array }

const CANDS: Candidates = { head: new Int32Array(0), tail: new Int32Array(0), pos: new Int32Array(4096), nxt: new Int32Array(4096) };

/** Every match of `scan` in `text`, as a global scan with the "skip empty matches" loop would find them. */
export function scanMatches(scan: WordStartScan, cands: Candidates, text: string, each: (m: RegExpExecArray) => void): void {
  const re = scan.sticky;
  const { pos, nxt } = cands;
  let next = 0;
  for (let k = cands.head[scan.id]!; k >= 0; k = nxt[k]!) {
    const p = pos[k]!;
    if (p < next) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m) continue;
    if (m[0].length === 0) { next = p + 1; continue; }
    next = p + m[0].length;
    each(m);
  }
}
