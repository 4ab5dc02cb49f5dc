// HER2 rules: IHC score, ISH result, ratio, copy number, ISH group, overall status.
// Categories and ISH groups: ASCO/CAP 2023 HER2 update (Wolff et al., JCO 2023; Arch Pathol Lab Med 2023),
// which keeps the 2018 ISH groups and adds "HER2-low" (IHC 1+ or 2+/ISH-) and "ultralow"
// (IHC 0 with faint, incomplete membrane staining in <=10% of cells).
import { defineFamilies, defineTargets, type ValueRule } from './types.js';
import { D03, num, ocrDigits, CONTROL_LEGEND } from './shared.js';

export { HER2_ASCO_CAP_2023, HER2_ISH_BY_NUMBERS } from '@onco/guidelines';

const IHC_SCORE = (m: RegExpExecArray) => {
  const d = ocrDigits(m.groups!.v!);
  return ['0', '1', '2', '3'].includes(d) ? `${d}${d === '0' ? '' : '+'}` : null;
};

/** ASCO/CAP 2023 IHC categories named by word: positive = 3+, equivocal = 2+. */
export const IHC_BY_WORD: Record<string, string> = { positive: '3+', equivocal: '2+', borderline: '2+' };

const ISH_VALUES: ValueRule[] = [
  { id: 'her2.ish.not_amplified', field: 'her2_ish', pattern: String.raw`\b(?:not|non)[\s-]*amplified|\bno\s+(?:evidence\s+of\s+)?(?:HER-?2\s+)?(?:gene\s+)?amplification|negative\s+(?:for\s+)?(?:HER-?2\s+)?(?:gene\s+)?amplification|\bunamplified`, value: 'not_amplified', confidence: 0.95 },
  { id: 'her2.ish.not_found', field: 'her2_ish', pattern: String.raw`\bamplification\s+(?:was\s+|is\s+)?not\s+(?:found|detected|identified|present|observed|seen)`, value: 'not_amplified', confidence: 0.95 },
  { id: 'her2.ish.amplified', field: 'her2_ish', pattern: String.raw`\bamplified\b|\bamplification\s+(?:is\s+|was\s+)?(?:present|detected|identified|observed)|positive\s+for\s+(?:HER-?2\s+)?(?:gene\s+)?amplification`, value: 'amplified', confidence: 0.95 },
  { id: 'her2.ish.equivocal', field: 'her2_ish', pattern: String.raw`\b(?:equivocal|borderline|indeterminate)\b`, value: 'equivocal', confidence: 0.85 },
  { id: 'her2.ratio', field: 'her2_ratio', pattern: String.raw`\bratio\b[^\d\n]{0,40}?(?<v>\d{1,2}(?:[.,]\d{1,2})?)\b|(?:amplified|equivocal)\s*[(,]\s*(?<w>\d{1,2}[.,]\d{1,2})\b`, value: (m) => num(m.groups!.v ?? m.groups!.w), reach: 200 },
  { id: 'her2.copy_number', field: 'her2_copy_number', pattern: String.raw`(?:copy\s+(?:number|no\.?)|signals?\s+per\s+(?:cell|nucleus)|HER-?2\s+signals?)[^\d\n]{0,40}?(?<v>\d{1,2}(?:[.,]\d{1,2})?)\b`, value: (m) => num(m.groups!.v), reach: 240 },
  { id: 'her2.ish_group', field: 'her2_ish_group', pattern: String.raw`\bgroup\s*(?<v>[1-5])\b`, value: (m) => m.groups!.v! },
];

const IHC_VALUES: ValueRule[] = [
  { id: 'her2.ihc.ultralow', field: 'her2_category', pattern: String.raw`\bultra-?low\b|\b0\s*(?:\(|,)?\s*with\s+(?:faint|weak|incomplete|barely)?[\s\w/-]{0,30}membran`, value: 'ultralow', confidence: 0.95 },
  { id: 'her2.ihc.low', field: 'her2_category', pattern: String.raw`\bHER-?2[\s-]*low\b`, value: 'low', confidence: 0.9 },
  { id: 'her2.ihc.scale', field: 'her2_ihc', pattern: String.raw`\b(?:was|is|of)\s+(?<v>${D03})\s+on\s+a\s+scale\s+of\s+0\s*(?:-|to)\s*3`, value: IHC_SCORE, confidence: 0.95 },
  { id: 'her2.ihc.plus', field: 'her2_ihc', pattern: String.raw`(?<![-–\d/]\s?)(?<![-–]\s{2})(?<!\b(?:zero|[0-3]\+?)\s*(?:or|to)\s*)\b(?<v>${D03})\s*\+(?!\s*\d)(?!\s*(?:to|-)\s*\d)`, value: IHC_SCORE, confidence: 0.95 },
  { id: 'her2.ihc.plus_first', field: 'her2_ihc', pattern: String.raw`(?<![\w+])\+\s*(?<v>[0-3])\b(?!\s*(?:to|-|\.\d))`, value: IHC_SCORE, confidence: 0.85 },
  { id: 'her2.ihc.score', field: 'her2_ihc', pattern: String.raw`\b(?:score[ds]?|IHC|immunohistochemistry|intensity\s+(?:of|score))\s*\)?\s*(?:of|:|=|is|was)?\s*(?<v>${D03})(?![\d+%]|[.,]\d|\s*(?:-|to)\s*\d)\b`, value: IHC_SCORE, confidence: 0.9 },
  // ASCO/CAP: an IHC result called positive is score 3+, one called equivocal is 2+, by definition
  // (a negative IHC result is 0 or 1+, so it gives no score).
  { id: 'her2.ihc.positive_word', field: 'her2_ihc', pattern: String.raw`^[\s:,-]*(?:\(?\s*(?:by\s+)?(?:IHC|immunohistochemistry|immunoperoxidase(?:\s+studies)?)\s*\)?)\s*[:=-]?\s*(?<w>positive|equivocal|borderline)\b(?!\s*[,;]?\s*\(?\s*(?:score\s*)?[0-3])`, value: (m) => IHC_BY_WORD[m.groups!.w!.toLowerCase()] ?? null, confidence: 0.8 },
  { id: 'her2.ihc.bare', field: 'her2_ihc', pattern: String.raw`^[\s)]*[:=]\s*(?<v>[0-3])\s*\+?(?![\d.,%]|\s*(?:-|to|/)\s*\d)`, value: IHC_SCORE, confidence: 0.85 },
  { id: 'her2.ihc.paren', field: 'her2_ihc', pattern: String.raw`\b(?:negative|positive|equivocal|borderline|indeterminate)\s*\(\s*(?:score\s*)?(?<v>[0-3])\s*\+?\s*\)`, value: IHC_SCORE, confidence: 0.85 },
  { id: 'her2.ihc.zero_word', field: 'her2_ihc', pattern: String.raw`\b(?<v>zero)\b(?!\s*(?:or|to|-|/)\s*(?:1|one)\b)|\bno\s+(?:membran\w*\s+)?staining\b`, value: '0', confidence: 0.8 },
];

const STATUS_VALUES: ValueRule[] = [
  // A range of scores that are all negative ("0-1+", "zero or 1+") states the status, not a score.
  { id: 'her2.status.neg_range', field: 'her2_status', pattern: String.raw`\b(?:0|zero)\s*\+?\s*(?:or|to|-|–|/)\s*(?:1|one)\s*\+`, value: 'negative', confidence: 0.9 },
  { id: 'her2.status.neg', field: 'her2_status', pattern: String.raw`\bnegative\b|\bneg\b|\bnot\s+over-?expressed|^\s*[-−–](?![\d\w])`, value: 'negative', confidence: 0.9 },
  { id: 'her2.status.equivocal', field: 'her2_status', pattern: String.raw`\b(?:equivocal|borderline|indeterminate)\b`, value: 'equivocal', confidence: 0.85 },
  { id: 'her2.status.pos', field: 'her2_status', pattern: String.raw`\bpositive\b|\bover-?expressed\b|^\s*\+(?![\d.])`, value: 'positive', confidence: 0.9 },
];

// "no amplification of the HER-2/neu gene", "Positive by FISH", "negative for HER2 FISH".
const ISH_BEFORE: ValueRule[] = [
  { id: 'her2.ish.before.not_amplified', field: 'her2_ish', pattern: String.raw`\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:HER-?2\s+)?(?:gene\s+)?amplification\s+(?:(?:of\s+)?(?:the\s+)?|(?:by|on|per)\s+)$|\b(?:negative|not\s+amplified)\s+(?:by|on|per|for)\s+(?:HER-?2(?:/neu)?\s+)?$`, value: 'not_amplified', confidence: 0.9 },
  { id: 'her2.ish.before.amplified', field: 'her2_ish', pattern: String.raw`\b(?:demonstrated|shows?|showed|with)\s+amplification\s+of\s+(?:the\s+)?$|\bamplification\s+(?:by|on|per)\s+$|\b(?:positive|amplified)\s+(?:by|on|per|for)\s+(?:HER-?2(?:/neu)?\s+)?$`, value: 'amplified', confidence: 0.9 },
  { id: 'her2.ish.before.equivocal', field: 'her2_ish', pattern: String.raw`\b(?:equivocal|borderline)\s+(?:by|on|per|for)\s+(?:HER-?2(?:/neu)?\s+)?$`, value: 'equivocal', confidence: 0.85 },
];

const HER2_BEFORE: ValueRule[] = [
  { id: 'her2.gene.before.not_amplified', field: 'her2_ish', pattern: String.raw`\b(?:no|without)\s+(?:evidence\s+of\s+)?(?:gene\s+)?amplification\s+(?:of\s+)?(?:the\s+)?$`, value: 'not_amplified', confidence: 0.9 },
  { id: 'her2.gene.before.amplified', field: 'her2_ish', pattern: String.raw`\b(?:demonstrated|shows?|showed|with)\s+amplification\s+of\s+(?:the\s+)?$`, value: 'amplified', confidence: 0.9 },
  { id: 'her2.before.neg', field: 'her2_status', pattern: String.raw`\bnegative\s+for\s+(?:the\s+)?(?:over-?expression\s+(?:of\s+)?)?(?:the\s+)?$`, value: 'negative', confidence: 0.9 },
  { id: 'her2.before.pos', field: 'her2_status', pattern: String.raw`\bpositive\s+for\s+(?:the\s+)?(?:over-?expression\s+(?:of\s+)?)?(?:the\s+)?$`, value: 'positive', confidence: 0.9 },
  { id: 'her2.before.equivocal', field: 'her2_status', pattern: String.raw`\b(?:borderline|equivocal|indeterminate)\s+for\s+(?:the\s+)?(?:over-?expression\s+(?:of\s+)?)?(?:the\s+)?$`, value: 'equivocal', confidence: 0.85 },
];

// Score legends ("0,1=NEGATIVE, 2=INDETERMINATE"), control cell lines and guideline text end a window.
const HER2_LEGEND = String.raw`\b(?:CEP|Chr)\s?17\s*(?:<|>|≥|≤|>=|<=)\s*\d|\breported\s+as\s+[\w-]+\s*\([^)]{0,40}\)\s*or\b|\breported\s+as\s+[\w-]+\s*\(\s*$|\b(?:equivocal|positive|negative)\s+results\s+(?:for|are|will)\b|\breflex\b|\bif\s+(?:the|a|an)\b|\bfalls?\s+within\b|\b(?:ratio|HER-?2\s*/\s*(?:CEP|Chr)\s?17)\s*(?:<|>|≥|≤|>=|<=)\s*\d|\blevels?\s*:\s*[<>≤≥]|\bare\s+considered\b|\b(?:those|carcinomas|tumou?rs|specimens|cases|cancers)\s+(?:with|in\s+this|showing|that)\b|\binterpreted\s+on\s+a\s+scale|\bpositivity\s+(?:is\s+)?defined|\bscores?\s+of\s+[0-3]\+?\s+(?:or|and|to)\b|\bpresence\s+or\s+absence\b|\bare\s+(?:therefore\s+)?submitted\b|\bwe\s+and\s+others\b|\b[0-3]\+?\s*(?:,\s*[0-3]\+?\s*)?=\s*(?:negative|positive|indeterminate|equivocal|weak|no\s+staining)|${CONTROL_LEGEND}|\bMCF-?7\b|\bcell\s+lines?\b|\b(?:is|are)\s+(?:defined|considered\s+(?:positive|negative)\s+(?:if|when))\b|\bdefined\s+as\b|\b(?:scoring|interpretation)\s+(?:criteria|guidelines?)\s*:`;

// OCR and naming variants: HER2, HER-2/neu, Her 2, c-erbB-2, ERBB2, HER2/neu (c-erbB2), HercepTest.
// OCR may leave a junk glyph between HER and 2 ("HER?2", "HER®2").
const HER2_NAME = String.raw`(?:\bh\s?e\s?r[\s\-?®°*]{0,2}(?:2|ii|two)(?:\b|(?=neu))(?:\s*[/-]?\s*neu\b)?(?:\s*\(\s*c-?\s?erb\s?-?\s?b-?\s?2\s*\))?|\bc-?\s?erb\s?-?\s?b-?\s?2\b|\berbb2\b|\bherceptest\b|\bHER2neu\b)`;
const ISH_NAME = String.raw`(?:\b(?:FISH|SISH|CISH|DISH|ISH)\b|\bin[\s-]+situ\s+hybridi[sz]ation\b|\bHER-?2\s*/\s*CEP\s?17\s+ratio\b|\bgene\s+amplification\s+(?:status|test|by|analysis|studies)\b)`;

const FIRST_NUMBER = String.raw`^[^\d\n]{0,25}?(?<v>\d{1,2}(?:[.,]\d{1,2})?)(?![\d.]*\s*%)`;

export const HER2_FAMILIES = defineFamilies([
  {
    id: 'her2ratio',
    anchors: [{ id: 'her2.ratio.name', pattern: String.raw`\bHER-?2(?:/neu)?\s*(?:/|:|to)\s*(?:CEP\s?17|chr(?:omosome)?\s?17|centromere\s+17)(?:\s+signal)?\s+ratio\b|\bCEP\s?17\s+(?:signal\s+)?ratio\b|\bratio\s+of\s+HER-?2\s+to\s+(?:CEP\s?17|chromosome\s+17)\b` }],
    values: [{ id: 'her2.ratio.value', field: 'her2_ratio', pattern: FIRST_NUMBER, value: (m) => num(m.groups!.v), confidence: 0.95 }],
    window: 40,
  },
  {
    id: 'her2copy',
    anchors: [{ id: 'her2.copy.name', pattern: String.raw`\b(?:average|mean)\s+(?:HER-?2\s+)?(?:gene\s+)?(?:copy\s+(?:number|no\.?)|signals?)(?:\s+per\s+(?:cell|nucleus|nuclei))?|\bHER-?2\s+(?:gene\s+)?copy\s+number\b|\bHER-?2\s+signals?\s+per\s+(?:cell|nucleus)` }],
    values: [{ id: 'her2.copy.value', field: 'her2_copy_number', pattern: FIRST_NUMBER, value: (m) => num(m.groups!.v), confidence: 0.95 }],
    window: 50,
  },
  {
    id: 'her2ish',
    anchors: [
      // "HER2 (FISH, reflex):": the name takes the reflex note, which elsewhere ends a window (HER2_LEGEND).
      { id: 'her2.ish.name_with_gene', pattern: String.raw`${HER2_NAME}(?:\s*(?:gene|status|\(|\)|by|results?|:|-|,)){0,4}\s*${ISH_NAME}(?:\s*,\s*reflex(?:ed)?\s*\))?` },
      { id: 'her2.ish.name', pattern: ISH_NAME },
      { id: 'her2.ish.gene_amplification', pattern: String.raw`${HER2_NAME}(?:\s+gene)?\s+amplification\b` },
    ],
    values: [
      // After "HER2 gene amplification": "... not found" / "... present".
      { id: 'her2.ish.after_name.not', field: 'her2_ish', pattern: String.raw`^[\s:.-]*(?:was\s+|is\s+)?not\s+(?:found|detected|identified|present|observed|seen)`, value: 'not_amplified', confidence: 0.9 },
      { id: 'her2.ish.after_name.yes', field: 'her2_ish', pattern: String.raw`^[\s:.-]*(?:was\s+|is\s+)?(?:present|detected|identified|observed)\b`, value: 'amplified', confidence: 0.9 },
      ...ISH_VALUES,
    ],
    before: [
      ...ISH_BEFORE,
      { id: 'her2.ish.before.negative_for', field: 'her2_ish', pattern: String.raw`\bnegative\s+for\s+$`, value: 'not_amplified', confidence: 0.9 },
      { id: 'her2.ish.before.positive_for', field: 'her2_ish', pattern: String.raw`\bpositive\s+for\s+$`, value: 'amplified', confidence: 0.9 },
    ],
    window: 260,
    skip: HER2_LEGEND,
  },
  {
    id: 'her2',
    anchors: [{ id: 'her2.name', pattern: HER2_NAME }],
    values: [...IHC_VALUES, ...STATUS_VALUES, ...ISH_VALUES.filter((v) => v.field === 'her2_ish' && v.value !== 'equivocal')],
    before: HER2_BEFORE,
    window: 200,
    skip: HER2_LEGEND,
  },
]);

export const HER2_TARGETS = defineTargets([
  { id: 'her2.ish_group.named', keywords: ['group'], field: 'her2_ish_group', pattern: String.raw`\b(?:ASCO\s*/\s*CAP|ISH)\s+(?:ISH\s+)?group\s*(?<v>[1-5])\b`, value: (m) => m.groups!.v!, confidence: 0.95 },
]);
