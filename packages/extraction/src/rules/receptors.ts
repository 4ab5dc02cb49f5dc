// ER / PR rules. Status thresholds: ASCO/CAP 2020 ER/PR guideline (Allison et al., JCO 2020):
// <1% negative, 1-10% "low positive", >10% positive. Allred score (Harvey et al., JCO 1999):
// total 0-2 negative, 3-8 positive.
import { defineFamilies, type ValueRule } from './types.js';
import { parsePercent, num, CONTROL_LEGEND } from './shared.js';

export { ALLRED_STATUS, RECEPTOR_STATUS_BY_PERCENT } from '@onco/guidelines';

/**
 * Heterogeneous results within one report (several foci, blocks or an addendum on another block):
 * any positive focus makes the tumor positive (ASCO/CAP 2020). Low positive and positive are one
 * standing; within it the statement with a percentage decides which of the two is reported.
 */
export const RECEPTOR_RESULT_ORDER = {
  source: 'ASCO/CAP 2020 ER/PR guideline (a tumor with any positive area is reported positive)',
  standing: { negative: 0, equivocal: 1, low_positive: 2, positive: 2 } as Record<string, number>,
};

// A legend ("<1% = negative, 1-10% weak positive, >10% positive"), a threshold table
// ("Negative < 6.5"), or method text is not a result: the window ends where it starts.
export const RESULT_LEGEND = String.raw`<\s*1\s*%\s*(?:=|:|is|are)?\s*negative|\b1\s*-\s*10\s*%\s*(?:=|:)?\s*(?:weak|low)|\b(?:negative|positive)[ \t]*(?:<|>|>=|<=|≥|≤)[ \t]*\d+(?:\.\d+)?(?![\d.]*\s*%)|\binterpretation\s+(?:guideline|criteria)|\bscoring\s+(?:system|criteria)\b|\b(?:is|are)\s+(?:determined|calculated|defined|considered\s+positive\s+if)\b|\bdefined\s+as\b|\breference\s+(?:values?|ranges?)\b|\bproportion\s+score\s*\(|\b0\s*=\s*no\s+staining|${CONTROL_LEGEND}|\bcut-?off\b`;

function receptorValues(f: 'er' | 'pr'): ValueRule[] {
  const status = `${f}_status` as const;
  return [
    { id: `${f}.status.low`, field: status, pattern: String.raw`\b(?:low[\s-]*positive|weak(?:ly)?\s+positive|low\s+(?:level\s+)?expression|positive\s*,?\s*low)\b`, value: 'low_positive', confidence: 0.95 },
    { id: `${f}.status.pos`, field: status, pattern: String.raw`\b(?:p[o0]s[i1l]t[i1l]v[eo]|pos\b|reactive)|^\s*\+\s*(?:$|[,;.)\n])|\bdetected\b`, value: 'positive', confidence: 0.95 },
    { id: `${f}.status.neg`, field: status, pattern: String.raw`\b(?:n[e3]gat[i1l]v[eo]|neg\b|non-?reactive|not\s+detected)|^\s*[-−–]\s*(?:$|[,;.)\n])|\bno\s+(?:nuclear\s+)?(?:staining|immunoreactivity|expression)\b`, value: 'negative', confidence: 0.95 },
    { id: `${f}.status.equivocal`, field: status, pattern: String.raw`\b(?:equivocal|indeterminate|borderline)\b`, value: 'equivocal', confidence: 0.8 },
    { id: `${f}.percent.none`, field: `${f}_percent`, pattern: String.raw`\bno\s+(?:nuclear\s+)?(?:staining|immunoreactivity)\s+in\s+(?:any|100\s*%|all)`, value: 0, priority: 2 },
    { id: `${f}.percent.lt1`, field: `${f}_percent`, pattern: String.raw`(?:<|less\s+than|under)\s*1\s*%`, value: 0, priority: 1 },
    // "≥1 %", ">= 10%", "greater than or equal to 1%" is a positivity cut-off quoted from the guideline, not a measurement.
    { id: `${f}.percent`, field: `${f}_percent`, pattern: String.raw`(?<![\d.])(?<!\d\s?[-–]\s?)(?<![≥≤]\s?)(?<![<>]=\s?)(?<!\b(?:equal\s+to|at\s+least|or\s+(?:more|greater)\s+than)\s*)(?<!\bequal\s+to\s+or\s+)(?<v>(?:(?:greater|more)\s+than\s+|>\s*|~\s*|approximately\s+|about\s+)?\d(?:\d|[Oo](?=\s*%)){0,2}(?:\.\d+)?\s*(?:%|percent))`, value: (m) => parsePercent(m.groups!.v!), priority: 1 },
    { id: `${f}.percent.range`, field: `${f}_percent`, pattern: String.raw`(?<v>\d{1,3}(?:\.\d+)?\s*(?:%|percent)?\s*(?:-|to|–)\s*\d{1,3}(?:\.\d+)?\s*(?:%|percent))`, value: (m) => parsePercent(m.groups!.v!) },
    { id: `${f}.intensity`, field: `${f}_intensity`, pattern: String.raw`\b(?<v>(?:weak|moderate|strong|intense)(?:ly)?(?:\s*(?:to|-)\s*(?:weak|moderate|strong|intense))?)\b`, value: (m) => m.groups!.v!.toLowerCase().replace(/ly\b/g, '').replace(/\s*(?:-|to)\s*/, '-').replace('intense', 'strong') },
    { id: `${f}.allred`, field: `${f}_allred`, pattern: String.raw`\ballred(?:\s+(?:total\s+)?score)?\s*(?:of|:|=|is)?\s*(?<v>[0-8])(?:\s*/\s*8)?\b|\btotal\s+score\s*(?:of|:|=)?\s*(?<w>[0-8])\s*/\s*8\b`, value: (m) => num(m.groups!.v ?? m.groups!.w) },
  ];
}

const before = (f: 'er' | 'pr'): ValueRule[] => [
  { id: `${f}.before.pos`, field: `${f}_status`, pattern: String.raw`\b(?:positive|reactive)\s+(?:for|with)\s+(?:the\s+)?$`, value: 'positive', confidence: 0.9 },
  { id: `${f}.before.neg`, field: `${f}_status`, pattern: String.raw`\bnegative\s+(?:for|with)\s+(?:the\s+)?$`, value: 'negative', confidence: 0.9 },
];

const ER_NAME = String.raw`(?:o?estrogen|oestrogen)(?:\s+receptors?)?(?:\s*\((?:ER|ERα)\))?`;
const PR_NAME = String.raw`progesterone(?:\s+receptors?)?(?:\s*\((?:PR|PgR)\))?`;

export const RECEPTOR_FAMILIES = defineFamilies([
  {
    id: 'er',
    anchors: [
      { id: 'er+pr.names', pattern: String.raw`\b(?:o?estrogen|ER)(?:\s+receptors?)?\s*(?:and|&|/|,|\+)\s*(?:progesterone|PR|PgR)(?:\s+(?:hormone\s+)?receptors?)?\b`, families: ['er', 'pr'] },
      { id: 'er.name', pattern: String.raw`\b${ER_NAME}`, },
      { id: 'er.acronym', pattern: String.raw`(?<![-\w])(?:ER-ICA|ER-C|ERα|E\.R\.|ER)(?![A-Za-z0-9])`, caseSensitive: true },
    ],
    values: receptorValues('er'),
    before: before('er'),
    window: 220,
    skip: RESULT_LEGEND,
  },
  {
    id: 'pr',
    anchors: [
      { id: 'pr.name', pattern: String.raw`\b${PR_NAME}` },
      { id: 'pr.acronym', pattern: String.raw`(?<![-\w])(?:PR-ICA|PR-C|PgR|P\.R\.|PR)(?![A-Za-z0-9])`, caseSensitive: true },
    ],
    values: receptorValues('pr'),
    before: before('pr'),
    window: 220,
    skip: RESULT_LEGEND,
  },
]);
