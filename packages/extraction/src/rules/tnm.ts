// TNM and stage group. Grammar: AJCC Cancer Staging Manual, 8th edition (T0, Tis, T1mi, T1a-d,
// N0(i+), N0(mol+), N1mi, N1a-c, M0, M1; prefixes c, p, yp, r, a; (sn), (m) modifiers).
// OCR tolerance: O for 0 ("NO", "MO"), l/I for 1 ("pNla", "ypTla"), upper-case subcategories ("T1C"),
// a stray l/I between the digit and its subcategory ("pN1la" for pN1a: the 1's stroke read twice),
// a zero read twice as two shapes ("cMO0"), and the T itself read as l/1/I ("pl2 pN1a", "p13 pN2"),
// taken only when a prefixed N category follows, as in the compact pTNM form.
import { defineTargets } from './types.js';
import { ocrDigits } from './shared.js';

/** N suffixes kept in the normalized value (AJCC 8th writes them as part of the category). */
export const N_SUFFIXES_KEPT = { source: 'AJCC 8th ed., breast regional lymph nodes', kept: ['(i+)', '(i-)', '(mol+)', '(mol-)'] } as const;

const ROMAN: Record<string, string> = { '0': '0', '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

const PRE = String.raw`(?:(?<pre>[yY][pPcC]|[pP]|[cC]|[rR][pP]?|[aA])|(?<spre>y?p)\s(?=T\s?[0-4Xi]))?`;
const STRAY = String.raw`(?:[lI](?=[a-d](?![a-z])))?`;
const T = String.raw`T\s?(?<t>[0-4X]|is|[Oo](?![a-z])|[Il](?![a-z]{2}))${STRAY}(?<ts>mi|[a-d]|[A-D](?![a-z]))?(?:\s?\((?:m|\d+|f)\))?(?:\s\((?:[a-z][a-z ,]{0,30})\))?`;
/** An N category's digit as OCR may render it (O for 0, I/l for 1). */
const N_DIGIT = String.raw`[0-3X]|x|[Oo](?![a-z]{2})|[Il](?![a-z]{2})`;
const N_CORE = String.raw`N\s?(?<n>${N_DIGIT}|i(?=mic?\b))${STRAY}(?<ns>mic?|[a-c](?![a-z])|[A-C](?![a-z]))?(?<nm>(?:\s?\((?:sn|i\s?[+-]|mol\s?[+-]|\d+\s*/\s*\d+|s|f)\))*)`;
const N_PRE = String.raw`(?<np>[yY][pPcC]|[pP]|[cC]|p?sn)?`;
const M_CORE = String.raw`M\s?(?<m>[01X]|x|[Oo](?![a-z]))(?:(?<=[Oo])0|(?<=0)[Oo](?![a-z]))?(?<ms>[a-d](?![a-z]))?`;
const M_PRE = String.raw`(?<mp>[yY]?[pP]|[cC])?`;

const COMPACT = String.raw`\b(?<![A-Za-z0-9])${PRE}${T}(?:\s*[,;]?\s*${N_PRE}\s?${N_CORE})?(?:\s*[,;]?\s*${M_PRE}${M_CORE})?(?=$|[^A-Za-z0-9]|[LVRGl][0-9OoXx])`;

/** "pl2 pNla": a prefix, T read as l/1/I, a T digit, then a prefixed N category (read by the compact rule). */
const T_MISREAD = String.raw`\b(?<![A-Za-z0-9])(?<pre>y?p)[lI1](?<t>[0-4])(?<ts>mi|[a-d](?![a-z]))?(?=\s*[,;]?\s*y?p\s?N\s?(?:${N_DIGIT}))`;

function prefix(m: RegExpExecArray): string {
  const p = (m.groups!.pre ?? m.groups!.spre ?? m.groups!.np ?? m.groups!.mp ?? '').toLowerCase();
  return p.endsWith('sn') ? 'p' : p;
}
function tValue(m: RegExpExecArray) {
  const g = m.groups!;
  if (!g.t) return null;
  const hasN = g.n != null;
  if (!g.pre && !g.spre && !hasN) return null; // a bare "T2" is too ambiguous (MRI T2, vertebra T2)
  const t = g.t === 'is' ? 'is' : ocrDigits(g.t).toUpperCase();
  return { prefix: prefix(m), category: `T${t}${(g.ts ?? '').toLowerCase()}` };
}
function nValue(m: RegExpExecArray) {
  const g = m.groups!;
  if (g.n == null) return null;
  if (!g.pre && !g.spre && !g.np && !g.t) return null;
  const n = ocrDigits(g.n).toUpperCase();
  let sub = (g.ns ?? '').toLowerCase();
  if (sub.startsWith('mi')) sub = 'mi';
  const suffix = ((g.nm ?? '').replace(/\s/g, '').toLowerCase().match(/\((?:i[+-]|mol[+-])\)/g) ?? [])
    .filter((s) => (N_SUFFIXES_KEPT.kept as readonly string[]).includes(s)).join('');
  return { prefix: prefix(m), category: `N${n}${sub}${suffix}` };
}
function mValue(m: RegExpExecArray) {
  const g = m.groups!;
  if (g.m == null) return null;
  if (!g.mp && !g.t) return null;
  const v = ocrDigits(g.m).toUpperCase();
  return { prefix: (g.mp ?? g.pre ?? '').toLowerCase(), category: `M${v}${(g.ms ?? '').toLowerCase()}` };
}

function stageGroup(m: RegExpExecArray) {
  const raw = m.groups!.v!.replace(/\s+/g, '').toUpperCase();
  // OCR reads Roman strokes as l or | ("llIA" for IIIA).
  const mm = /^(0|IV|I{1,3}|[1-4])([ABC]?)(\d?)$/.exec(raw.replace(/[L|]/g, 'I'));
  if (!mm) return null;
  const base = ROMAN[mm[1]!] ?? mm[1]!;
  return `${base}${mm[2]}${mm[3]}`;
}

/** Order of categories: several tumors are staged by the largest (AJCC 8th, multiple tumors: "(m)"). */
export const TNM_ORDER = {
  source: 'AJCC 8th ed.: T by the largest tumor; the summary reports the highest category of the same standing',
  t: ['TX', 'T0', 'Tis', 'T1mi', 'T1', 'T1a', 'T1b', 'T1c', 'T2', 'T2a', 'T2b', 'T3', 'T3a', 'T3b', 'T4', 'T4a', 'T4b', 'T4c', 'T4d'],
  n: ['NX', 'N0', 'N0(i-)', 'N0(mol-)', 'N0(i+)', 'N0(mol+)', 'N1mi', 'N1', 'N1a', 'N1b', 'N1c', 'N2', 'N2a', 'N2b', 'N2c', 'N3', 'N3a', 'N3b', 'N3c'],
  m: ['MX', 'M0', 'M0(i+)', 'M1', 'M1a', 'M1b', 'M1c'],
} as const;

const LABEL_T = String.raw`\b(?:tumou?r\s+extent|primary\s+tumou?r(?:\s*\((?:p|yp)?T\))?|(?:p|yp)?T\s+(?:stage|category))\s*[:=-]\s*`;
const LABEL_N = String.raw`\b(?:regional\s+lymph\s+nodes?(?:\s*\((?:p|yp)?N\))?|(?:p|yp)?N\s+(?:stage|category))\s*[:=-]\s*`;

export const TNM_TARGETS = defineTargets([
  { id: 'tnm.compact.t', field: 'tnm_t', pattern: COMPACT, flags: 'g', value: tValue, confidence: 0.95 },
  { id: 'tnm.t.misread', field: 'tnm_t', pattern: T_MISREAD, flags: 'g', value: tValue, confidence: 0.8 },
  { id: 'tnm.compact.n', field: 'tnm_n', pattern: COMPACT, flags: 'g', value: nValue, confidence: 0.95 },
  { id: 'tnm.compact.m', field: 'tnm_m', pattern: COMPACT, flags: 'g', value: mValue, confidence: 0.9 },
  { id: 'tnm.n.alone', field: 'tnm_n', pattern: String.raw`\b(?<![A-Za-z0-9])${N_PRE.replace('?<np>', '?<np>').replace(/\)\?$/, ')')}\s?${N_CORE}(?![A-Za-z0-9])`, flags: 'g', value: nValue, confidence: 0.9 },
  { id: 'tnm.m.alone', field: 'tnm_m', pattern: String.raw`\b(?<![A-Za-z0-9])${M_PRE.replace(/\)\?$/, ')')}${M_CORE}(?![A-Za-z0-9])`, flags: 'g', value: mValue, confidence: 0.85 },
  { id: 'tnm.t.labelled', keywords: ['extent', 'primary', 'stage', 'category'], field: 'tnm_t', pattern: String.raw`${LABEL_T}(?<pre>[yY]?[pP]|[cC])?T\s?(?<t>[0-4X]|is)(?<ts>mi|[a-d])?(?![A-Za-z0-9])`, flags: 'gi', value: (m) => { const g = m.groups!; return { prefix: (g.pre ?? '').toLowerCase(), category: `T${g.t === 'is' || g.t === 'IS' ? 'is' : g.t!.toUpperCase()}${(g.ts ?? '').toLowerCase()}` }; }, confidence: 0.9 },
  { id: 'tnm.n.labelled', keywords: ['node', 'stage', 'category'], field: 'tnm_n', pattern: String.raw`${LABEL_N}(?<np>[yY]?[pP]|[cC])?${N_CORE}(?![A-Za-z0-9])`, flags: 'g', value: (m) => nValue({ ...m, groups: { ...m.groups!, pre: m.groups!.np ?? '' } } as unknown as RegExpExecArray), confidence: 0.9 },
  { id: 'stage.group', keywords: ['stage'], field: 'stage_group', pattern: String.raw`\b(?:(?:AJCC|TNM|UICC)[/\s]*)?(?:(?:pathologic(?:al)?|anatomic(?:al)?|prognostic|clinical|overall|tumou?r)\s+)?stage(?:\s+group(?:ing)?)?(?:\s*\(\s*AJCC[^)]{0,20}\))?\s*(?:is|:|=|-)?\s*(?<v>(?:IV|I{1,3}|(?=[Il|]*I)[Il|]{2,3}|[1-4]|0)\s?[ABC]?[1-3]?)(?![A-Za-z0-9+])`, flags: 'gi', value: stageGroup, confidence: 0.9 },
  { id: 'stage.edition', keywords: ['ajcc', 'uicc', 'tnm', 'edition', 'ed'], field: 'ajcc_edition', pattern: String.raw`\b(?:AJCC|UICC|TNM)\b[^.\n]{0,40}?\b(?<v>[5-9])(?:th|rd|st)\s*(?:ed(?:ition|\.)?)?|\b(?<w>[5-9])(?:th|rd)\s+ed(?:ition|\.)?[^.\n]{0,10}\b(?:AJCC|UICC)\b|\bAJCC\b[^.\n]{0,20}?\b(?<x>seventh|eighth|sixth)\b`, flags: 'gi', value: (m) => { const g = m.groups!; const w = g.x?.toLowerCase(); return w ? ({ sixth: '6th', seventh: '7th', eighth: '8th' } as Record<string, string>)[w]! : `${g.v ?? g.w}th`; }, confidence: 0.9 },
]);
