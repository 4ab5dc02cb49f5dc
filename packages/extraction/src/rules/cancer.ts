// Cancer type (primary site), histologic type, grade, Nottingham score, laterality.
// Histology names: WHO Classification of Tumours (Breast 5th ed. 2019 and the organ volumes);
// Nottingham grade: Elston & Ellis 1991 (score 3-5 = 1, 6-7 = 2, 8-9 = 3);
// prostate: ISUP 2014 Grade Groups.
import { defineTargets, type TargetRule } from './types.js';
import { num, ocrDigits } from './shared.js';

export const NOTTINGHAM_GRADE_BY_SCORE = {
  source: 'Elston & Ellis, Histopathology 1991',
  bands: [
    { max: 5, grade: '1' },
    { max: 7, grade: '2' },
    { max: 9, grade: '3' },
  ],
} as const;

// Site: weights add up per value over the report (a vote); a "Site:" line outweighs a mention.
const SITES: { id: string; value: string; mention: string; strong?: string; keywords: string[] }[] = [
  { id: 'breast', keywords: ['breast', 'mammar', 'lumpectomy', 'mastectomy'], value: 'breast', mention: String.raw`\bbreast\b|\bmammary\b|\b(?:lumpectomy|mastectomy)\b`, strong: String.raw`\bbreast\s+(?:carcinoma|cancer|tumou?r)|\bcarcinoma\s+of\s+(?:the\s+)?(?:left\s+|right\s+)?breast|\binvasive\s+mammary` },
  { id: 'gej', keywords: ['junction', 'gej', 'siewert'], value: 'gastroesophageal junction', mention: String.raw`\b(?:gastro-?o?esophageal|esophagogastric|oesophagogastric|GE)\s+junction\b|\bGEJ\b|\bSiewert\b`, strong: String.raw`\b(?:gastro-?o?esophageal|esophagogastric)\s+junction\s+(?:adeno)?carcinoma|\b(?:adeno)?carcinoma\s+of\s+the\s+(?:gastro-?o?esophageal|esophagogastric)\s+junction` },
  { id: 'gastric', keywords: ['stomach', 'gastr', 'antrum', 'pylor'], value: 'gastric', mention: String.raw`\bstomach\b|\bgastric\b|\bgastrectomy\b|\bantrum\b|\bpylor\w+`, strong: String.raw`\bgastric\s+(?:adeno)?carcinoma|\b(?:adeno)?carcinoma\s+of\s+the\s+stomach` },
  { id: 'ovarian', keywords: ['ovar', 'fallopian', 'peritone'], value: 'ovarian', mention: String.raw`\bovar(?:y|ian|ies)\b|\bfallopian\b|\btubo-?ovarian\b|\bperitone(?:um|al)\b`, strong: String.raw`\b(?:ovarian|tubo-?ovarian|fallopian\s+tube)\s+(?:high-grade\s+serous\s+)?(?:carcinoma|cancer|primary)|\bcarcinoma\s+of\s+(?:the\s+)?(?:right\s+|left\s+|bilateral\s+)?ovar(?:y|ies)` },
  { id: 'mesothelioma', keywords: ['pleura', 'mesothelioma'], value: 'mesothelioma', mention: String.raw`\bpleura\b`, strong: String.raw`\bmesothelioma` },
  { id: 'lung', keywords: ['lung', 'pulmonary', 'lobe', 'bronch', 'pneumonectomy', 'nsclc', 'small'], value: 'lung', mention: String.raw`\blung\b|\bpulmonary\b|\blobectomy\b|\b(?:upper|middle|lower)\s+lobe\b|\bbronch\w+|\bpneumonectomy\b`, strong: String.raw`\b(?:lung|pulmonary)\s+(?:adeno)?carcinoma|\b(?:non-?small|small)\s+cell\s+(?:lung\s+)?carcinoma|\bNSCLC\b|\bcarcinoma\s+of\s+the\s+lung` },
  { id: 'colorectal', keywords: ['colo', 'rect', 'sigmoid', 'cecum', 'caecum', 'cecal', 'hemicolectomy', 'adenocarcinoma'], value: 'colorectal', mention: String.raw`\bcolon\b|\bcolonic\b|\brect(?:um|al)\b|\bsigmoid\b|\bc(?:a)?ecum\b|\bcolectomy\b|\bcolorectal\b|\bhemicolectomy\b`, strong: String.raw`\b(?:colorectal|colon|colonic|rectal|sigmoid|cecal)\s+(?:adeno)?carcinoma|\badenocarcinoma\s+of\s+the\s+(?:colon|rectum|sigmoid|cecum)` },
  { id: 'endometrial', keywords: ['endometri', 'uter', 'hysterectomy', 'myometri'], value: 'endometrial', mention: String.raw`\bendometri(?:um|al)\b|\buter(?:us|ine)\b|\bhysterectomy\b`, strong: String.raw`\bendometrial\s+(?:adeno)?carcinoma|\bmyometrial\s+invasion|\binvad\w*\s+(?:\d+\s+of\s+\d+\s+mm\s+of\s+(?:the\s+)?)?myometrium|\bcarcinoma\s+of\s+the\s+endometrium|\buterine\s+(?:serous\s+)?carcinoma` },
  { id: 'prostate', keywords: ['prostat', 'gleason'], value: 'prostate', mention: String.raw`\bprostat(?:e|ic|ectomy)\b`, strong: String.raw`\bprostat(?:e|ic)\s+(?:acinar\s+)?(?:adeno)?carcinoma|\bgleason` },
];

const SITE_IN_LABEL: [RegExp, string][] = SITES.map((s) => [new RegExp(`${s.mention}${s.strong ? '|' + s.strong : ''}`, 'i'), s.value]);
const siteRules: TargetRule[] = [
  { id: 'site.label', keywords: ['site'], field: 'cancer_type', pattern: String.raw`\b(?:primary\s+)?(?:tumou?r\s+)?site\s*(?:of\s+(?:primary\s+)?tumou?r)?\s*:\s*(?<v>[^\n]{1,60})`, value: (m) => SITE_IN_LABEL.find(([re]) => re.test(m.groups!.v!))?.[1] ?? null, confidence: 3 },
  ...SITES.flatMap((s) => [
    ...(s.strong ? [{ id: `site.${s.id}.strong`, keywords: s.keywords, field: 'cancer_type' as const, pattern: s.strong, value: s.value, confidence: 1.5, negatable: true }] : []),
    { id: `site.${s.id}.mention`, keywords: s.keywords, field: 'cancer_type' as const, pattern: s.mention, value: s.value, confidence: 0.3 },
  ]),
];

// Histologic types, most specific first. Confidence orders candidates in the summary:
// an invasive special type beats a generic name, which beats an in situ lesion.
const INV = String.raw`(?:invasive|infiltrating)`;
const HISTOLOGY: [string, string, string, number][] = [
  ['mixed', String.raw`\b${INV}\s+(?:mammary\s+)?(?:carcinoma\s*,?\s*)?(?:with\s+)?(?:mixed\s+)?(?:ductal\s+and\s+lobular|lobular\s+and\s+ductal|duct\s+and\s+lobular|ductal[\s-]lobular)(?:\s+(?:features|types?|carcinoma|differentiation))?|\bductal\s+with\s+(?:prominent\s+)?lobular\s+(?:component|features)|\bmixed\s+(?:invasive\s+|infiltrating\s+)?(?:ductal\s+and\s+lobular|lobular\s+and\s+ductal)|\bductal\s+and\s+lobular\s+carcinoma|\bductal\s+carcinoma\s+with\s+(?:lobular\s+features|features\s+of\s+lobular)`, 'mixed ductal and lobular carcinoma', 0.97],
  ['metaplastic', String.raw`\bmetaplastic\s+(?:breast\s+)?carcinoma|\bcarcinoma\s*,\s*metaplastic\b|\bcarcinoma\s+with\s+(?:squamous|spindle|chondroid|osseous|matrix)[\w\s]{0,20}metaplasia`, 'metaplastic carcinoma', 0.97],
  ['medullary', String.raw`\b(?:atypical\s+)?medullary\s+(?:breast\s+)?carcinoma|\bcarcinoma\s+with\s+medullary\s+features`, 'medullary carcinoma', 0.97],
  ['mucinous', String.raw`\b(?<!non-?)(?<!non\s)(?:${INV}\s+)?mucinous\s+(?:\(colloid\)\s+)?(?:breast\s+)?(?:adeno)?carcinoma|\bcarcinoma\s*,\s*mucinous\b|\bcolloid\s+carcinoma|\b(?:ductal\s+)?carcinoma\s*,?\s*(?:pure\s+)?mucinous\s+type`, 'mucinous carcinoma', 0.96],
  ['tubular', String.raw`\b${INV}?\s*tubular\s+carcinoma`, 'tubular carcinoma', 0.96],
  ['micropapillary', String.raw`\b${INV}\s+micropapillary\s+carcinoma`, 'invasive micropapillary carcinoma', 0.96],
  ['adenoid_cystic', String.raw`\badenoid\s+cystic\s+carcinoma`, 'adenoid cystic carcinoma', 0.96],
  ['ilc', String.raw`\b${INV}\s+(?:mammary\s+)?lobular\s+(?:breast\s+|mammary\s+)?(?:adeno)?carcinoma|\b(?:adeno)?carcinoma\s*,?\s*(?:infiltrating|invasive)\s*,?\s*lobular\b|\bcarcinoma\s+lobulare\s+invasivum|\blobular\s+invasive\s+carcinoma|\blobular\s+carcinoma\s*,?\s*(?:invasive|infiltrating)|\b${INV}\s+(?:mammary\s+)?carcinoma\s*,?\s*(?:classic(?:al)?\s+|pleomorphic\s+)?lobular\s+type|\bILC\b`, 'invasive lobular carcinoma', 0.95],
  ['idc', String.raw`\b${INV}\s+(?:mammary\s+)?duct(?:al)?\s+(?:breast\s+|mammary\s+)?(?:adeno)?carcinoma|\b(?:adeno)?carcinoma\s*,?\s*(?:infiltrating|invasive)\s*,?\s*duct(?:al)?\b|\bcarcinoma\s+ductale\s+invasivum|\bduct(?:al)?\s+invasive\s+carcinoma|\binfiltrating\s+and\s+intraductal\s+carcinoma|\bduct(?:al)?\s+carcinoma\s*,?\s*(?:invasive|infiltrating)|\b${INV}\s+(?:mammary\s+)?carcinoma\s*,?\s*(?:of\s+)?(?:no\s+special\s+type|NST|ductal\s+type|NOS\s*\(ductal)|\b${INV}\s+carcinoma\s*\(\s*(?:ductal|NST)|\bIDC\b`, 'invasive ductal carcinoma', 0.95],
  ['hgsc', String.raw`\bhigh[\s-]grade\s+serous\s+(?:adeno)?carcinoma`, 'high-grade serous carcinoma', 0.95],
  ['lgsc', String.raw`\blow[\s-]grade\s+serous\s+(?:adeno)?carcinoma`, 'low-grade serous carcinoma', 0.95],
  ['serous', String.raw`\bserous\s+(?:adeno)?carcinoma`, 'serous carcinoma', 0.9],
  ['endometrioid', String.raw`\bendometrioid\s+(?:adeno)?carcinoma|\badenocarcinoma\s*,?\s*endometrioid\s+type`, 'endometrioid carcinoma', 0.94],
  ['clear_cell', String.raw`\bclear\s+cell\s+(?:adeno)?carcinoma`, 'clear cell carcinoma', 0.93],
  ['carcinosarcoma', String.raw`\bcarcinosarcoma|\bmalignant\s+mixed\s+m[uü]llerian\s+tumou?r`, 'carcinosarcoma', 0.94],
  ['signet', String.raw`\bsignet[\s-]ring\s+cell\s+(?:adeno)?carcinoma|\bpoorly\s+cohesive\s+carcinoma`, 'signet ring cell carcinoma', 0.94],
  ['intestinal', String.raw`\badenocarcinoma\s*,?\s*(?:[\w-]+\s+differentiated\s*,\s*)?(?:of\s+)?intestinal\s+type|\bintestinal[\s-]type\s+adenocarcinoma`, 'adenocarcinoma, intestinal type', 0.93],
  ['diffuse', String.raw`\badenocarcinoma\s*,?\s*(?:[\w-]+\s+differentiated\s*,\s*)?(?:of\s+)?diffuse\s+type|\bdiffuse[\s-]type\s+(?:adeno)?carcinoma`, 'adenocarcinoma, diffuse type', 0.93],
  ['acinar', String.raw`\b(?:prostatic\s+)?acinar\s+adenocarcinoma|\bprostatic\s+adenocarcinoma|\badenocarcinoma\s+of\s+(?:the\s+)?prostate`, 'acinar adenocarcinoma', 0.92],
  ['meso_epi', String.raw`\b(?:malignant\s+|diffuse\s+)?(?:pleural\s+)?mesothelioma\s*,?\s*epithelioid(?:\s+type)?|\bepithelioid\s+(?:malignant\s+)?(?:pleural\s+)?mesothelioma`, 'epithelioid mesothelioma', 0.95],
  ['meso_sarc', String.raw`\bsarcomatoid\s+(?:malignant\s+)?mesothelioma|\bmesothelioma\s*,?\s*sarcomatoid`, 'sarcomatoid mesothelioma', 0.95],
  ['meso_bi', String.raw`\bbiphasic\s+(?:malignant\s+)?mesothelioma|\bmesothelioma\s*,?\s*biphasic`, 'biphasic mesothelioma', 0.95],
  ['meso', String.raw`\bmesothelioma\b`, 'mesothelioma', 0.85],
  ['lcnec', String.raw`\blarge\s+cell\s+neuroendocrine\s+carcinoma|\bneuroendocrine\s+carcinoma\s*,?\s*large\s+cell`, 'large cell neuroendocrine carcinoma', 0.92],
  ['sclc', String.raw`\bsmall\s+cell\s+(?:lung\s+)?carcinoma`, 'small cell carcinoma', 0.92],
  ['scc', String.raw`\bsquamous\s+cell\s+carcinoma`, 'squamous cell carcinoma', 0.9],
  ['lung_adeno', String.raw`\binvasive\s+(?:non-?mucinous\s+)?adenocarcinoma\s*,?\s*(?:acinar|lepidic|papillary|micropapillary|solid)[\s-]predominant`, 'invasive non-mucinous adenocarcinoma', 0.92],
  ['ductal', String.raw`\bduct(?:al)?\s+carcinoma(?!\s+in[\s-]+situ)(?!\s*\(?DCIS)`, 'invasive ductal carcinoma', 0.8],
  ['lobular', String.raw`\blobular\s+carcinoma(?!\s+in[\s-]+situ)(?!\s*\(?LCIS)`, 'invasive lobular carcinoma', 0.8],
  ['adeno', String.raw`\badenocarcinoma\b`, 'adenocarcinoma', 0.7],
  ['dcis', String.raw`\bductal\s+carcinoma\s+in[\s-]+situ\b|\bDCIS\b`, 'ductal carcinoma in situ', 0.5],
  ['lcis', String.raw`\blobular\s+carcinoma\s+in[\s-]+situ\b|\bLCIS\b`, 'lobular carcinoma in situ', 0.4],
];

const HISTOLOGY_LABEL = String.raw`\b(?:histologic(?:al)?\s+(?:tumou?r\s+)?type(?:\s+of\s+invasive\s+carcinoma)?|tumou?r\s+type|invasive\s+tumou?r\s+type|summary\s+tumou?r\s+classification|histologic(?:al)?\s+description)\s*[:\-]?\s*`;
// Bare type words after the label ("HISTOLOGIC TYPE: DUCTAL").
const LABELLED_WORD: [string, string, string][] = [
  ['mixed', String.raw`ductal\s+and\s+lobular|lobular\s+and\s+ductal`, 'mixed ductal and lobular carcinoma'],
  ['ductal', String.raw`(?:infiltrating\s+|invasive\s+)?ductal\b(?!\s+carcinoma\s+in)(?!\s+with\s+(?:prominent\s+)?lobular)`, 'invasive ductal carcinoma'],
  ['lobular', String.raw`(?:infiltrating\s+|invasive\s+)?lobular\b(?!\s+carcinoma\s+in)`, 'invasive lobular carcinoma'],
];
// The text after a label is classified with the same table (one scan instead of one per type).
const LABELLED_TYPES: [RegExp, string][] = [
  ...HISTOLOGY.filter(([, , , c]) => c >= 0.8).map(([, pattern, value]): [RegExp, string] => [new RegExp(`^(?:${pattern})`, 'i'), value]),
  ...LABELLED_WORD.map(([, pattern, value]): [RegExp, string] => [new RegExp(`^(?:${pattern})`, 'i'), value]),
];
const HISTOLOGY_KEYWORDS = ['carcinoma', 'adenocarcinoma', 'carcinosarcoma', 'mesothelioma', 'idc', 'ilc', 'dcis', 'lcis', 'müller', 'muller', 'ductal'];
const histologyRules: TargetRule[] = [
  { id: 'histology.labelled', field: 'histology', pattern: `${HISTOLOGY_LABEL}(?<v>[^\\n]{1,120})`, value: (m) => LABELLED_TYPES.find(([re]) => re.test(m.groups!.v!))?.[1] ?? null, confidence: 2.9, negatable: true, keywords: ['histolog', 'type', 'classification', 'description'] },
  ...HISTOLOGY.map(([id, pattern, value, confidence]): TargetRule => ({ id: `histology.${id}`, field: 'histology', pattern, value, confidence, negatable: true, keywords: HISTOLOGY_KEYWORDS })),
];

/** In situ lesions count only when no invasive type is stated (WHO: the invasive type is the diagnosis). */
export const IN_SITU_HISTOLOGY = ['ductal carcinoma in situ', 'lobular carcinoma in situ'] as const;

const GRADE_WORD: Record<string, string> = { well: '1', moderately: '2', moderate: '2', poorly: '3', poor: '3', un: '3', undifferentiated: '3' };
const roman = (s: string) => {
  // OCR reads the strokes of a Roman numeral as l, I, 1 or | in any mix ("llI" for III).
  const t = /^[lI1|]+$/.test(s) ? 'I'.repeat(s.length) : ocrDigits(s).toUpperCase();
  const r: Record<string, string> = { I: '1', II: '2', III: '3', '1': '1', '2': '2', '3': '3', '11': '2', '111': '3' };
  return r[t] ?? null;
};

/** 1-3 or I-III, with OCR's strokes for I in any mix ("IlI", "I1l"); a whole token only. */
const GRADE_NUMERAL = String.raw`[lI1|]{1,3}(?![A-Za-z0-9])|[1-3]`;

const gradeRules: TargetRule[] = [
  { id: 'grade.named', keywords: ['grade'], field: 'grade', pattern: String.raw`\b(?:nottingham|(?:modified\s+)?(?:scarff[\s-]+)?bloom[\s-]*richardson|\bm?SBR|elston(?:[\s-]+ellis)?|histologic(?:al)?|overall|combined|FIGO|tumou?r)(?:\s+histologic)?\s+grade\s*(?:\([^)\n]{0,40}\))?\s*(?:is|:|=|-)?\s*(?:grade\s*)?(?<v>${GRADE_NUMERAL})(?![0-9])(?!\s*(?:points?|/\s*9))`, value: (m) => roman(m.groups!.v!), confidence: 0.95 },
  { id: 'grade.of3', keywords: ['grade'], field: 'grade', pattern: String.raw`\b(?<!nuclear\s)grade\s*(?<v>${GRADE_NUMERAL})\s*(?:/|of|out\s+of)\s*(?:3|III)\b`, value: (m) => roman(m.groups!.v!), confidence: 0.9 },
  { id: 'grade.points', keywords: ['grade'], field: 'grade', pattern: String.raw`\bpoints?\s*(?:=|,)?\s*(?:overall\s+)?grade\s*(?<v>${GRADE_NUMERAL})\b`, value: (m) => roman(m.groups!.v!), confidence: 0.95 },
  { id: 'grade.label', field: 'grade', pattern: String.raw`^(?<!nuclear\s)(?<!nuclear\s\s)[ \t-]*grade\s*:\s*(?<v>${GRADE_NUMERAL})\b`, flags: 'gim', value: (m) => roman(m.groups!.v!), confidence: 0.85 },
  { id: 'grade.bare', keywords: ['grade'], field: 'grade', pattern: String.raw`\b(?<!nuclear\s)(?<!nuclear\s\s)(?<!FIGO\s)grade\s*:?\s*(?<v>${GRADE_NUMERAL})\b(?!\s*(?:/|of|out\s+of)\s*[4-9])(?![.,]\d)`, value: (m) => roman(m.groups!.v!), confidence: 0.8 },
  { id: 'grade.g', field: 'grade', pattern: String.raw`(?<![A-Za-z0-9-])G\s?(?<v>${GRADE_NUMERAL})(?![0-9A-Za-z])`, flags: 'g', value: (m) => roman(m.groups!.v!), confidence: 0.75 },
  { id: 'grade.differentiated', keywords: ['differentiated', 'undifferentiated'], field: 'grade', pattern: String.raw`\b(?<v>well|moderately|poorly|un)[\s-]*differentiated\b`, value: (m) => GRADE_WORD[m.groups!.v!.toLowerCase()] ?? null, confidence: 0.6 },
  { id: 'grade.high_low', keywords: ['grade'], field: 'grade', pattern: String.raw`\b(?<v>high|low)[\s-]grade\s+(?:serous|urothelial|endometrial|neuroendocrine)`, value: (m) => m.groups!.v!.toLowerCase(), confidence: 0.8 },
  { id: 'grade.grade_group', keywords: ['group'], field: 'grade', pattern: String.raw`\b(?:ISUP\s+|WHO\s+)?grade\s+group\s*(?:is|:|=)?\s*(?<v>[1-5])\b`, value: (m) => `Grade Group ${m.groups!.v}`, confidence: 0.97 },
  { id: 'grade.gleason', keywords: ['gleason'], field: 'grade', pattern: String.raw`\bgleason\s+(?:score|grade|sum)?\s*(?:is|:|=|of)?\s*(?<a>[1-5])\s*\+\s*(?<b>[1-5])(?:\s*=\s*(?<c>\d{1,2}))?`, value: (m) => `Gleason ${m.groups!.a}+${m.groups!.b}=${Number(m.groups!.a) + Number(m.groups!.b)}`, confidence: 0.93 },
  { id: 'nottingham.total', keywords: ['score', 'point', 'tubul', 'glandular'], field: 'nottingham_score', pattern: String.raw`\b(?:total|overall|nottingham|combined|SBR|BR)\s+(?:score|points)\s*(?:is|of|:|=)?\s*(?<v>[3-9])\b(?!\.\d)`, value: (m) => num(m.groups!.v), confidence: 0.9 },
  { id: 'nottingham.grade_score', keywords: ['score', 'point', 'tubul', 'glandular'], field: 'nottingham_score', pattern: String.raw`\bgrade\s*(?:[1-3]|I{1,3})\s*\(\s*(?:total\s+)?score\s*(?:of\s*|:\s*|=\s*)?(?<v>[3-9])\b`, value: (m) => num(m.groups!.v), confidence: 0.9 },
  { id: 'nottingham.components', keywords: ['score', 'point', 'tubul', 'glandular'], field: 'nottingham_score', pattern: String.raw`\b(?:tubules?|tubule\s+formation|glandular(?:/tubular)?\s+differentiation)\s*[:=]?\s*(?:score\s*)?(?<a>[1-3])[^\d\n]{1,30}?(?:nuclei|nuclear\s+(?:pleomorphism|grade|score))\s*[:=]?\s*(?:score\s*)?(?<b>[1-3])[^\d\n]{1,30}?mito(?:ses|sis|tic\s+(?:rate|count|score))\s*[:=]?\s*(?:score\s*)?(?<c>[1-3])\b`, value: (m) => Number(m.groups!.a) + Number(m.groups!.b) + Number(m.groups!.c), confidence: 0.85 },
  { id: 'nottingham.of9', keywords: ['9'], field: 'nottingham_score', pattern: String.raw`(?<![\d.])(?<v>[3-9])\s*(?:/|of|out\s+of)\s*9\b`, value: (m) => num(m.groups!.v), confidence: 0.85 },
  { id: 'nottingham.points_grade', keywords: ['point'], field: 'nottingham_score', pattern: String.raw`(?<![\d.])(?<v>[3-9])\s+points?\s*(?:=|,)?\s*(?:overall\s+)?grade`, value: (m) => num(m.groups!.v), confidence: 0.9 },
];

const lateralityRules: TargetRule[] = [
  { id: 'laterality.label', keywords: ['left', 'right', 'bilateral'], field: 'laterality', pattern: String.raw`\blaterality\s*[:=-]?\s*(?<v>left|right|bilateral)\b`, value: (m) => m.groups!.v!.toLowerCase(), confidence: 0.95 },
  { id: 'laterality.organ', keywords: ['left', 'right', 'bilateral'], field: 'laterality', pattern: String.raw`\b(?<v>left|right)\s+(?:breast|lung|ovary|kidney|axilla|upper\s+lobe|lower\s+lobe|middle\s+lobe|pleura|adnexa|fallopian)\b`, value: (m) => m.groups!.v!.toLowerCase(), confidence: 0.8 },
  { id: 'laterality.organ_after', keywords: ['left', 'right', 'bilateral'], field: 'laterality', pattern: String.raw`\b(?:breast|lung|ovary|axilla|pleura|kidney)\s*,\s*(?<v>left|right)\b`, value: (m) => m.groups!.v!.toLowerCase(), confidence: 0.8 },
];

export const CANCER_TARGETS = defineTargets([...siteRules, ...histologyRules, ...gradeRules, ...lateralityRules]);
