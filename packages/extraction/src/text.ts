// Document layout: pages joined into one string, with maps back to page offsets, clause
// boundaries, specimen (part) headers and addendum sections. No rule here names a biomarker.
import type { ReportText } from './types.js';

/** Pages are joined with a blank line so a page break also ends a clause. */
const PAGE_JOIN = '\n\n';

export interface Span {
  start: number;
  end: number;
  label: string;
}

export interface Doc {
  text: string;
  pageStarts: number[];
  pages: string[];
  specimens: Span[];
  addenda: Span[];
}

// Specimen headers at line start: "Part A:", "PART 2 -", "Specimen 1:", "A.", "A)", "B-", "(A)".
// Single letters only when followed by something that looks like a specimen description,
// so "A. Smith" style lines are rare false positives.
const SPECIMEN_HEADER =
  /^[ \t>*-]*(?:(?:part|specimen|spec\.?)\s*(?:#\s*)?([A-Z]|\d{1,2})\b\s*[:.)-]?|\(?([A-H])(?:\)|[.:]|\s-)\s+(?=[A-Z0-9"(]|\w+[ ,]))/gim;
// Addendum headers: a line that starts with ADDENDUM / Addendum Diagnosis / AMENDED / REVISED REPORT.
const ADDENDUM_HEADER =
  /^[ \t*-]*(?:addend(?:um|a)\b|am+endment\b|amended (?:report|diagnosis)\b|(?:revised|corrected) (?:report|diagnosis)\b|supplementa(?:l|ry) report\b|start of addendum\b)/gim;
// A correction replaces earlier results; a plain addendum adds to them.
const CORRECTION = /\b(?:am+end|revised|corrected)/i;
// Sections that end an addendum (the original report resumes).
const SECTION_RESET = /^[ \t*-]*(?:final (?:pathologic(?:al)? )?diagnosis|gross description|clinical (?:history|information)|microscopic description)\b/gim;
// A line ending a part: the next specimen section starts anew at these.
const SPECIMEN_RESET = /^[ \t*-]*(?:gross description|clinical (?:history|information)|synoptic|comment|addendum|note)\b/gim;

export function buildDoc(report: ReportText): Doc {
  const pages = report.pages.length ? report.pages : [''];
  const pageStarts: number[] = [];
  let pos = 0;
  for (const p of pages) {
    pageStarts.push(pos);
    pos += p.length + PAGE_JOIN.length;
  }
  const text = pages.join(PAGE_JOIN);
  const lines = lineStarts(text);
  return { text, pageStarts, pages, specimens: findSpecimens(text, lines), addenda: findAddenda(text, lines) };
}

/**
 * Line starts of a text (0 and after each "\n"), or null when it has another line terminator
 * ("\r", U+2028, U+2029): then the line-anchored patterns scan the whole text.
 */
function lineStarts(text: string): number[] | null {
  if (text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) return null;
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

const sticky = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '') + 'y');
const SPECIMEN_HEADER_Y = sticky(SPECIMEN_HEADER);
const ADDENDUM_HEADER_Y = sticky(ADDENDUM_HEADER);
const SECTION_RESET_Y = sticky(SECTION_RESET);
const SPECIMEN_RESET_Y = sticky(SPECIMEN_RESET);

/**
 * The first match at or after `from` of a pattern anchored at line starts ("^", flag m): as
 * `global.exec` with lastIndex `from`, but tried only at line starts (its sticky twin `y`).
 */
function lineExec(global: RegExp, y: RegExp, lines: number[] | null, text: string, from: number): RegExpExecArray | null {
  if (!lines) {
    global.lastIndex = from;
    return global.exec(text);
  }
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < lines.length; i++) {
    y.lastIndex = lines[i]!;
    const m = y.exec(text);
    if (m) return m;
  }
  return null;
}

function findSpecimens(text: string, lines: number[] | null): Span[] {
  const heads: { at: number; label: string }[] = [];
  for (let m = lineExec(SPECIMEN_HEADER, SPECIMEN_HEADER_Y, lines, text, 0); m; ) {
    const label = (m[1] ?? m[2] ?? '').toUpperCase();
    if (label) heads.push({ at: m.index, label });
    m = lineExec(SPECIMEN_HEADER, SPECIMEN_HEADER_Y, lines, text, m.index + m[0].length + (m[0].length === 0 ? 1 : 0));
  }
  // Single-letter headers count only if the report has at least two distinct ones (A and B),
  // otherwise a lone "A." is more likely a list item than a part label.
  const distinct = new Set(heads.map((h) => h.label));
  if (distinct.size < 2) return [];
  const resets: number[] = [];
  for (let m = lineExec(SPECIMEN_RESET, SPECIMEN_RESET_Y, lines, text, 0); m; m = lineExec(SPECIMEN_RESET, SPECIMEN_RESET_Y, lines, text, m.index + m[0].length)) resets.push(m.index);
  const spans: Span[] = [];
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    let end = i + 1 < heads.length ? heads[i + 1]!.at : text.length;
    for (const r of resets) if (r > h.at && r < end) { end = r; break; }
    spans.push({ start: h.at, end, label: h.label });
  }
  return spans;
}

function findAddenda(text: string, lines: number[] | null): Span[] {
  const spans: Span[] = [];
  for (let m = lineExec(ADDENDUM_HEADER, ADDENDUM_HEADER_Y, lines, text, 0); m; m = lineExec(ADDENDUM_HEADER, ADDENDUM_HEADER_Y, lines, text, m.index + m[0].length)) {
    const r = lineExec(SECTION_RESET, SECTION_RESET_Y, lines, text, m.index + m[0].length);
    spans.push({ start: m.index, end: r ? r.index : text.length, label: CORRECTION.test(m[0]) ? 'amended' : 'addendum' });
  }
  return spans;
}

export function spanAt(spans: Span[], at: number): Span | null {
  let found: Span | null = null;
  for (const s of spans) if (s.start <= at && at < s.end) found = s;
  return found;
}

/** Page (1-based) and page-local offsets of a global range, clipped to the page it starts on. */
export function toPage(doc: Doc, start: number, end: number) {
  let i = doc.pageStarts.length - 1;
  while (i > 0 && doc.pageStarts[i]! > start) i--;
  const base = doc.pageStarts[i]!;
  const pageLen = doc.pages[i]!.length;
  const s = Math.max(0, Math.min(start - base, pageLen));
  const e = Math.max(s, Math.min(end - base, pageLen));
  return { page: i + 1, start: s, end: e, text: doc.pages[i]!.slice(s, e) };
}

// Clause boundaries: sentence ends, semicolons, blank lines, a newline followed by a new
// list item or label, and contrastive conjunctions. Wrapped narrative lines (next line
// starting lowercase) do not break. As one pattern:
//   /[.;!?](?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•\d]|[A-Z][\w /()-]{0,40}:))|\b(?:but|however|whereas|while)\b/g

/** Clause boundaries of a document, found once: sorted starts and ends of each break. */
export interface ClauseBreaks { starts: number[]; ends: number[]; length: number }

// That pattern in two parts: its punctuation and line alternatives, and its words. The parts match
// disjoint chars (punctuation and whitespace; letters), so their matches never overlap and the
// union of the two scans is the scan of the whole pattern. The words are found with indexOf.
const CLAUSE_BREAK_PUNCT = /[.;!?](?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•\d]|[A-Z][\w /()-]{0,40}:))/g;
const CLAUSE_WORDS = ['but', 'however', 'whereas', 'while'];

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function clauseBreaks(text: string): ClauseBreaks {
  const starts: number[] = [];
  const ends: number[] = [];
  CLAUSE_BREAK_PUNCT.lastIndex = 0;
  for (let m = CLAUSE_BREAK_PUNCT.exec(text); m; m = CLAUSE_BREAK_PUNCT.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  // "\b(?:but|however|whereas|while)\b": case-sensitive, whole words.
  const words: number[] = [];
  for (const w of CLAUSE_WORDS) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
      const e = i + w.length;
      if (e < text.length && isWordCode(text.charCodeAt(e))) continue;
      words.push(i, e);
    }
  }
  if (!words.length) return { starts, ends, length: text.length };
  const wordSpans: [number, number][] = [];
  for (let k = 0; k < words.length; k += 2) wordSpans.push([words[k]!, words[k + 1]!]);
  wordSpans.sort((a, b) => a[0] - b[0]);
  const allStarts: number[] = [];
  const allEnds: number[] = [];
  let p = 0;
  for (const [ws, we] of wordSpans) {
    while (p < starts.length && starts[p]! < ws) { allStarts.push(starts[p]!); allEnds.push(ends[p]!); p++; }
    allStarts.push(ws);
    allEnds.push(we);
  }
  for (; p < starts.length; p++) { allStarts.push(starts[p]!); allEnds.push(ends[p]!); }
  return { starts: allStarts, ends: allEnds, length: text.length };
}

/** Start/end of the clause holding [at, endAt), at most `reach` chars each way. Breaks inside the span are ignored. */
export function clauseOf(b: ClauseBreaks, at: number, endAt: number, reach = 200) {
  let lo = 0;
  let hi = b.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.ends[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  // lo: first break ending after `at`.
  const start = lo > 0 ? Math.max(b.ends[lo - 1]!, at - reach) : Math.max(0, at - reach);
  let j = lo;
  while (j < b.starts.length && b.starts[j]! < endAt) j++;
  const end = j < b.starts.length ? Math.min(b.starts[j]!, endAt + reach) : Math.min(b.length, endAt + reach);
  return { start: Math.max(0, start), end };
}
