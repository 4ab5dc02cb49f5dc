// Tumor size, lymph node counts, margins, lymphovascular invasion (CAP cancer protocols' items).
import { defineTargets } from './types.js';
import { num } from './shared.js';

const toMm = (m: RegExpExecArray) => {
  const v = num(m.groups!.v);
  if (v == null) return null;
  const mm = /mm/i.test(m.groups!.u!) ? v : Math.round(v * 100) / 10;
  return mm > 0 && mm < 500 ? mm : null;
};

const MARGIN_VALUE: Record<string, string> = {
  negative: 'negative', uninvolved: 'negative', free: 'negative', clear: 'negative', 'not involved': 'negative',
  positive: 'positive', involved: 'positive', close: 'close',
};
const LVI_VALUE: Record<string, string> = {
  present: 'present', identified: 'present', seen: 'present', positive: 'present',
  extensive: 'present', focal: 'present',
  absent: 'absent', 'not identified': 'absent', 'not seen': 'absent', none: 'absent', negative: 'absent', 'not present': 'absent',
};
const LVI = String.raw`\b(?:lympho-?vascular|lymph-?vascular|lymphatic[\s/-]*vascular|angio-?lymphatic|lymphatic\s+and\s+vascular|vascular/lymphatic|lymphatic|vascular)(?:\s+space)?\s+(?:invasion|involvement)(?:\s*\((?:LVI|LVSI)\))?|\bLVS?I\b`;

export const STAGING_TARGETS = defineTargets([
  { id: 'size.labelled', keywords: ['size', 'dimension', 'diameter', 'extent'], field: 'tumor_size', pattern: String.raw`\b(?:(?:invasive\s+)?tumou?r\s+size|size\s+of\s+(?:the\s+)?(?:invasive\s+)?(?:tumou?r|carcinoma)|(?:greatest|maximum|largest)\s+(?:tumou?r\s+)?(?:dimension|diameter|extent))\b[^\d\n]{0,40}?(?<v>\d{1,3}(?:[.,]\d{1,2})?)\s*(?<u>cm|mm)\b`, value: toMm, confidence: 0.9 },
  // "Invasive ductal carcinoma, grade 2, 1.6 cm": the size given with the diagnosis, also when the line
  // wraps after a comma ("... papillary 30%,\nlepidic 10%), 2.8 cm": PDF text layers and OCR keep the wrap).
  { id: 'size.with_diagnosis', keywords: ['carcinoma', 'adenocarcinoma', 'carcinosarcoma', 'mesothelioma', 'tumor', 'tumour'], field: 'tumor_size', pattern: String.raw`\b(?<!metastatic\s)(?<!micrometastatic\s)(?:carcinoma|adenocarcinoma|mesothelioma|carcinosarcoma|tumou?r)\b(?!\s+cells)(?:[^.\n;:]|(?<=,[ \t]*)\n){0,80}?(?:,|\(|\bmeasuring)\s*(?:measuring\s+)?(?<v>\d{1,2}(?:[.,]\d{1,2})?)\s*(?<u>cm|mm)\b(?!\s*(?:from|to|away|x|in\s+(?:length|depth)))`, value: toMm, confidence: 0.75 },
  { id: 'size.trailing', keywords: ['dimension', 'diameter'], field: 'tumor_size', pattern: String.raw`(?<v>\d{1,3}(?:[.,]\d{1,2})?)\s*(?<u>cm|mm)\s+(?:in\s+)?(?:greatest|maximum|largest)\s+(?:dimension|diameter)`, value: toMm, confidence: 0.85 },
  { id: 'nodes.examined', keywords: ['node'], field: 'nodes_examined', pattern: String.raw`\b(?:(?:total\s+)?number\s+of\s+)?(?:lymph\s+)?nodes?\s+(?:examined|sampled|retrieved|identified|evaluated)\s*(?:\([^)\n]{0,20}\))?\s*[:=]?\s*(?<v>\d{1,3})\b|\btotal\s+number\s+(?:of\s+(?:lymph\s+)?nodes\s+)?(?:examined|sampled)\s*[:=]?\s*(?<w>\d{1,3})\b`, value: (m) => num(m.groups!.v ?? m.groups!.w), confidence: 0.95 },
  { id: 'nodes.positive', keywords: ['node'], field: 'nodes_positive', pattern: String.raw`\b(?:number\s+of\s+)?(?:lymph\s+)?nodes?\s+(?:with\s+(?:macro)?metasta(?:sis|ses|tic\s+carcinoma)|positive(?:\s+for\s+(?:metastatic\s+)?carcinoma)?|involved(?:\s+by\s+(?:tumou?r|carcinoma))?)\s*(?:\([^)\n]{0,20}\))?\s*[:=]\s*(?<v>\d{1,3})\b|\bnumber\s+of\s+positive\s+(?:lymph\s+)?nodes\s*[:=]?\s*(?<w>\d{1,3})\b`, value: (m) => num(m.groups!.v ?? m.groups!.w), confidence: 0.95 },
  { id: 'nodes.ratio.positive', keywords: ['node', '/'], field: 'nodes_positive', pattern: String.raw`(?<![\d/])(?<p>\d{1,2})\s*(?:/|of)\s*(?<e>\d{1,2})\s+(?:(?:axillary|sentinel|regional|pelvic|mediastinal|hilar|perigastric)\s+)?(?:lymph\s+)?nodes?\b|\(\s*(?<q>\d{1,2})\s*/\s*(?<f>\d{1,2})\s*\)`, value: (m) => { const p = num(m.groups!.p ?? m.groups!.q); const e = num(m.groups!.e ?? m.groups!.f); return p != null && e != null && p <= e ? p : null; }, confidence: 0.8 },
  { id: 'nodes.ratio.examined', keywords: ['node', '/'], field: 'nodes_examined', pattern: String.raw`(?<![\d/])(?<p>\d{1,2})\s*(?:/|of)\s*(?<e>\d{1,2})\s+(?:(?:axillary|sentinel|regional|pelvic|mediastinal|hilar|perigastric)\s+)?(?:lymph\s+)?nodes?\b|\(\s*(?<q>\d{1,2})\s*/\s*(?<f>\d{1,2})\s*\)`, value: (m) => { const p = num(m.groups!.p ?? m.groups!.q); const e = num(m.groups!.e ?? m.groups!.f); return p != null && e != null && p <= e ? e : null; }, confidence: 0.8 },
  { id: 'nodes.label_ratio.positive', keywords: ['node'], field: 'nodes_positive', pattern: String.raw`\b(?:(?:sentinel|axillary|regional|pelvic|para-?aortic|perigastric|mediastinal)\s+)?(?:lymph\s+)?nodes?\b[^:\n]{0,40}:\s*(?<p>\d{1,2})\s*/\s*(?<e>\d{1,2})\b`, value: (m) => { const p = num(m.groups!.p); const e = num(m.groups!.e); return p != null && e != null && p <= e ? p : null; }, confidence: 0.85 },
  { id: 'nodes.label_ratio.examined', keywords: ['node'], field: 'nodes_examined', pattern: String.raw`\b(?:(?:sentinel|axillary|regional|pelvic|para-?aortic|perigastric|mediastinal)\s+)?(?:lymph\s+)?nodes?\b[^:\n]{0,40}:\s*(?<p>\d{1,2})\s*/\s*(?<e>\d{1,2})\b`, value: (m) => { const p = num(m.groups!.p); const e = num(m.groups!.e); return p != null && e != null && p <= e ? e : null; }, confidence: 0.85 },
  { id: 'margins.labelled', keywords: ['margin'], field: 'margins', pattern: String.raw`\b(?:surgical\s+|resection\s+)?margins?(?:\s*\([^)\n]{0,30}\))?(?:\s+status)?\s*(?::|=|-|are|is)?\s*(?:(?:all|widely)\s+)?(?<v>negative|uninvolved|free|clear|not\s+involved|positive|involved|close)\b`, value: (m) => MARGIN_VALUE[m.groups!.v!.toLowerCase().replace(/\s+/g, ' ')] ?? null, confidence: 0.9 },
  { id: 'margins.before', keywords: ['margin'], field: 'margins', pattern: String.raw`\b(?<v>positive|negative|uninvolved|involved|close)\s+(?:surgical\s+|resection\s+)?margins?\b`, value: (m) => MARGIN_VALUE[m.groups!.v!.toLowerCase()] ?? null, confidence: 0.85 },
  { id: 'margins.free_of', keywords: ['margin'], field: 'margins', pattern: String.raw`\bmargins?\s+(?:are\s+|is\s+)?(?:(?:all|widely)\s+)?(?<v>free|clear|negative)\s+(?:of|for)\b`, value: 'negative', confidence: 0.9 },
  { id: 'margins.extends_to', keywords: ['margin'], field: 'margins', pattern: String.raw`\b(?:tumou?r|carcinoma)\s+(?:extends\s+to|is\s+present\s+at|involves)\s+(?:the\s+)?(?:inked\s+|deep\s+|resection\s+)*margin`, value: 'positive', confidence: 0.8 },
  { id: 'lvi.labelled', keywords: ['invasion', 'involvement', 'lvi', 'lvsi'], field: 'lvi', pattern: String.raw`(?:${LVI})\s*(?::|=|-|is|was)?\s*(?<v>present|identified|seen|positive|extensive|focal|absent|not\s+identified|not\s+seen|not\s+present|none|negative)\b`, value: (m) => LVI_VALUE[m.groups!.v!.toLowerCase().replace(/\s+/g, ' ')] ?? null, confidence: 0.9 },
  { id: 'lvi.no', keywords: ['invasion', 'involvement', 'lvi', 'lvsi'], field: 'lvi', pattern: String.raw`\b(?:no|without|negative\s+for)\s+(?:evidence\s+of\s+)?(?:definite\s+|definitive\s+)?(?:${LVI})`, value: 'absent', confidence: 0.9 },
  { id: 'lvi.positive_for', keywords: ['invasion', 'involvement', 'lvi', 'lvsi'], field: 'lvi', pattern: String.raw`\b(?:positive\s+for|with|shows)\s+(?:extensive\s+|focal\s+)?(?:${LVI})`, value: 'present', confidence: 0.8 },
  { id: 'lvi.l1', field: 'lvi', pattern: String.raw`L(?<=[0-9X][a-d]?\)?\s?,?\s?L)(?<v>[01Oo])(?=\s?,?\s?V[01Oo]|\b)`, flags: 'g', value: (m) => (m.groups!.v === '1' ? 'present' : 'absent'), confidence: 0.7 },
]);
