// Other biomarkers: Ki-67, PD-L1 (TPS, CPS, clone), MMR proteins and MSI, BRCA1/2, BAP1,
// driver genes (EGFR, ALK, ROS1, KRAS, BRAF, PIK3CA, NTRK), TMB, CLDN18.2, FOLR1.
// PD-L1 scores: TPS = % tumor cells (NSCLC, 22C3 pharmDx), CPS = stained cells per 100 tumor
// cells (gastric/GEJ, 22C3 pharmDx); CLDN18.2 positive = >=75% of tumor cells 2+/3+ (VENTANA
// CLDN18 (43-14A)); FOLR1 positive = >=75% of cells 2+ (VENTANA FOLR1-2.1). Reports state the result.
import { defineFamilies, defineTargets, type ValueRule, type MarkerFamily } from './types.js';
import type { FieldName } from '../types.js';
import { parsePercent, num } from './shared.js';

const PCT_VALUE = String.raw`(?<v>(?:(?:greater|more|less)\s+than\s+|[<>≥≤]\s*|~\s*|approximately\s+|about\s+)?\d{1,3}(?:\.\d+)?\s*(?:%|percent)?\s*(?:-|to|–)\s*\d{1,3}(?:\.\d+)?\s*(?:%|percent)|(?:(?:greater|more|less)\s+than\s+|[<>≥≤]\s*|~\s*|approximately\s+|about\s+)?\d{1,3}(?:\.\d+)?\s*(?:%|percent))`;
// A lone digit right before a percentage is a speck OCR read as a digit ("score 5 60%"): the score is the percentage.
const TPS_SPECK = String.raw`(?:\d\s+(?=\d{1,3}(?:\.\d+)?\s*%))?`;
const pct = (m: RegExpExecArray) => parsePercent(m.groups!.v!.replace(/[≤]/g, '<').replace(/less\s+than\s+(\d)/i, '<$1'));

const NEG_WORDS = String.raw`\bnegative\b|\bnot\s+detected\b|\bwild[\s-]?type\b|\bno\s+(?:[\w-]+\s+){0,3}(?:mutations?|alterations?|variants?|rearrangements?|fusions?|amplification)\s+(?:(?:was|were|is)\s+)?(?:detected|identified|found|present)|\bnot\s+(?:rearranged|mutated|amplified)\b`;
const POS_WORDS = String.raw`\bpositive\b|\b(?:mutation|variant|alteration|rearrangement|fusion)s?\s+(?:(?:was|were|is)\s+)?(?:detected|identified|present)\b|\bmutated\b|\brearranged\b|\bdetected\b`;

function statusValues(prefix: string, field: FieldName): ValueRule[] {
  return [
    { id: `${prefix}.neg`, field, pattern: NEG_WORDS, value: 'negative', confidence: 0.9 },
    { id: `${prefix}.pos`, field, pattern: POS_WORDS, value: 'positive', confidence: 0.9 },
  ];
}
function statusBefore(prefix: string, field: FieldName): ValueRule[] {
  return [
    { id: `${prefix}.before.neg`, field, pattern: String.raw`(?:\bnegative\s+for|\bno(?:\s+(?:pathogenic|deleterious|actionable))?|\bnot\s+detected\s*:?)\s+(?:the\s+)?$`, value: 'negative', confidence: 0.85 },
    { id: `${prefix}.before.pos`, field, pattern: String.raw`\bpositive\s+for\s+(?:an?\s+)?(?:the\s+)?$`, value: 'positive', confidence: 0.85 },
  ];
}

// Driver genes: a named variant (priority 1) beats the bare "detected/positive" word.
const DRIVERS: { id: string; field: FieldName; name: string; variant?: string; keywords: string[] }[] = [
  { id: 'egfr', field: 'egfr', keywords: ['egfr'], name: String.raw`\bEGFR\b`, variant: String.raw`\b(?<v>L858R|T790M|C797S|G719[A-Z]|L861Q|S768I|exon\s+19\s+(?:deletion|del\w*|in-?frame\s+deletion)|exon\s+20\s+(?:insertion|ins\w*)|exon\s+21\s+L858R)\b` },
  { id: 'alk', field: 'alk', keywords: ['alk'], name: String.raw`\bALK\b(?:\s+(?:gene\s+)?(?:rearrangement|fusion|translocation))?` },
  { id: 'ros1', field: 'ros1', keywords: ['ros'], name: String.raw`\bROS-?1\b(?:\s+(?:gene\s+)?(?:rearrangement|fusion))?` },
  { id: 'kras', field: 'kras', keywords: ['kras'], name: String.raw`\bKRAS\b`, variant: String.raw`\b(?:p\.)?(?<v>G12[ACDRSV]|G13[CDRSV]|Q61[HKLR]|A146T|K117N)\b` },
  { id: 'braf', field: 'braf', keywords: ['braf'], name: String.raw`\bBRAF\b`, variant: String.raw`\b(?:p\.)?(?<v>V600[EKDR]|K601E|G469A)\b` },
  { id: 'pik3ca', field: 'pik3ca', keywords: ['pik3ca'], name: String.raw`\bPIK3CA\b`, variant: String.raw`\b(?:p\.)?(?<v>E542K|E545[KGA]|H1047[RLY]|C420R|Q546[KR]|N345K)\b` },
  { id: 'ntrk', field: 'ntrk', keywords: ['ntrk', 'trk'], name: String.raw`\bNTRK[1-3]?(?:\s*/\s*[1-3]){0,2}\b(?:\s+(?:gene\s+)?(?:fusion|rearrangement))?|\bpan-?TRK\b` },
];

const driverFamilies: MarkerFamily[] = DRIVERS.map((d) => ({
  id: d.id,
  anchors: [{ id: `${d.id}.name`, pattern: d.name, keywords: d.keywords }],
  values: [
    ...(d.variant ? [{ id: `${d.id}.variant`, field: d.field, pattern: d.variant, value: (m: RegExpExecArray) => m.groups!.v!.replace(/\s+/g, ' ').replace(/^exon (\d+) del\w*$/i, 'exon $1 deletion').replace(/^exon (\d+) ins\w*$/i, 'exon $1 insertion'), confidence: 0.95, priority: 1 }] : []),
    ...statusValues(d.id, d.field),
  ],
  before: statusBefore(d.id, d.field),
  window: 120,
}));

const MMR_INTACT = String.raw`\b(?:intact|retained|preserved|present|normal|positive|proficient)\b`;
const MMR_LOST = String.raw`\b(?:loss|lost|absent|deficient|negative|not\s+detected)\b|\bno\s+(?:nuclear\s+)?(?:staining|expression)\b`;
// OCR may put a stray glyph inside a gene name ("MSH®6", "MSHE6"): names allow one between letters and digit.
const GENE_STRAY = '[-®©°*A-Z]?';
/**
 * Glyphs OCR reads in place of a gene name's final digit, seen on our scans ("MSH6:" as "MSHE:" at
 * confidence 91 in 7.5 pt DejaVu Sans, and on a phone photo). Kept apart per digit, so that no misread
 * name can stand for two genes of one panel (MSH2 / MSH6).
 */
const DIGIT_LOOKALIKES: Record<string, string> = { '1': 'Il|', '2': 'Z', '6': 'EGb' };
/** Pattern for a gene name such as MSH6, with the OCR tolerances above. */
const gene = (name: string) =>
  name.toUpperCase().replace(/(\d)$/, (d) => `(?:${GENE_STRAY}${d}${DIGIT_LOOKALIKES[d] ? `|[${DIGIT_LOOKALIKES[d]}]` : ''})`);
const MMR = ['mlh1', 'pms2', 'msh2', 'msh6'] as const;
const MMR_KEYWORDS = ['mlh', 'pms', 'msh'];
const mmrFamilies: MarkerFamily[] = MMR.map((p) => ({
  id: p,
  anchors: [{ id: `${p}.name`, pattern: String.raw`\b${gene(p)}\b(?:\s*\([^)\n]{0,15}\))?`, keywords: MMR_KEYWORDS }],
  values: [
    { id: `${p}.intact`, field: p, pattern: MMR_INTACT, value: 'intact', confidence: 0.9 },
    { id: `${p}.lost`, field: p, pattern: MMR_LOST, value: 'lost', confidence: 0.9 },
  ],
  before: [
    { id: `${p}.before.lost`, field: p, pattern: String.raw`\b(?:loss|absence)\s+of\s+(?:nuclear\s+)?(?:expression\s+(?:of|for)\s+)?(?:the\s+)?$`, value: 'lost', confidence: 0.9 },
    { id: `${p}.before.intact`, field: p, pattern: String.raw`\b(?:intact|retained|preserved)\s+(?:nuclear\s+)?(?:expression\s+(?:of|for)\s+)?$`, value: 'intact', confidence: 0.9 },
  ],
  window: 80,
}));

export const BIOMARKER_FAMILIES = defineFamilies([
  {
    id: 'mmr_panel',
    anchors: [
      { id: 'mmr.four', pattern: String.raw`\b${gene('MLH1')}\s*[,/]\s*${gene('PMS2')}\s*[,/]\s*${gene('MSH2')}\s*,?\s*(?:/|and|&)\s*${gene('MSH6')}\b|\b${gene('MLH1')}\s*[,/]\s*${gene('MSH2')}\s*[,/]\s*${gene('MSH6')}\s*,?\s*(?:/|and|&)\s*${gene('PMS2')}\b`, families: ['mlh1', 'pms2', 'msh2', 'msh6'], keywords: MMR_KEYWORDS },
      { id: 'mmr.mlh1_pms2', pattern: String.raw`\b${gene('MLH1')}\s*(?:/|and|&|,)\s*${gene('PMS2')}\b|\b${gene('PMS2')}\s*(?:/|and|&|,)\s*${gene('MLH1')}\b`, families: ['mlh1', 'pms2'], keywords: MMR_KEYWORDS },
      { id: 'mmr.msh2_msh6', pattern: String.raw`\b${gene('MSH2')}\s*(?:/|and|&|,)\s*${gene('MSH6')}\b|\b${gene('MSH6')}\s*(?:/|and|&|,)\s*${gene('MSH2')}\b`, families: ['msh2', 'msh6'], keywords: MMR_KEYWORDS },
    ],
    values: [],
  },
  ...mmrFamilies,
  {
    id: 'ki67',
    anchors: [{ id: 'ki67.name', pattern: String.raw`\bKi[\s-]?67\b(?:\s*\((?:MIB-?1|30-9)\))?|\bMIB-?1\b`, keywords: ['ki', '67', 'mib'] }],
    values: [
      { id: 'ki67.percent', field: 'ki67', pattern: PCT_VALUE, value: pct, confidence: 0.95 },
    ],
    window: 140,
  },
  {
    id: 'pdl1',
    anchors: [{ id: 'pdl1.name', pattern: String.raw`\bPD-?L1\b|\bprogrammed\s+death[\s-]ligand[\s-]1\b`, keywords: ['pd', 'l1', 'programmed'] }],
    values: [
      { id: 'pdl1.tps', field: 'pdl1_tps', pattern: String.raw`\b(?:TPS|tumou?r\s+proportion\s+score)\b[^\d\n<>≥≤]{0,25}${TPS_SPECK}${PCT_VALUE.replace(/\\s\*\(\?:%\|percent\)\)$/, '\\s*(?:%|percent)?)')}`, value: pct, confidence: 0.95 },
      { id: 'pdl1.cps', field: 'pdl1_cps', pattern: String.raw`\b(?:CPS|combined\s+positive\s+score)\b[^\d\n<>≥≤]{0,25}(?<v>[<>≥≤]?\s*\d{1,3}(?:\.\d+)?)`, value: (m) => { const s = m.groups!.v!; return /[<≤]/.test(s) ? 0 : num(s.replace(/[<>≥≤\s]/g, '')); }, confidence: 0.95 },
      { id: 'pdl1.clone', field: 'pdl1_clone', pattern: String.raw`\b(?<v>22C3|SP263|SP142|28-8|73-10|E1L3N)\b`, value: (m) => m.groups!.v!.toUpperCase(), confidence: 0.95 },
    ],
    window: 200,
  },
  {
    id: 'msi',
    anchors: [{ id: 'msi.name', pattern: String.raw`\bmicrosatellite\s+(?:instability|status)(?:\s*\((?:MSI|MS)\))?(?:\s+(?:status|testing|analysis|by\s+PCR|result))?|\bMSI\b(?:\s+(?:status|testing|analysis|by\s+PCR|result))?` , keywords: ['microsatellite', 'msi'] }],
    values: [
      { id: 'msi.high', field: 'msi', pattern: String.raw`^\s*-\s*H\b|\bhigh\b|\bMSI-H\b|\bunstable\b|\binstability\s+(?:is\s+)?(?:detected|present)`, value: 'MSI-H', confidence: 0.9 },
      { id: 'msi.low', field: 'msi', pattern: String.raw`^\s*-\s*L\b|\blow\b`, value: 'MSI-L', confidence: 0.85 },
      { id: 'msi.stable', field: 'msi', pattern: String.raw`\bstable\b|\bMSS\b|\bnot\s+detected\b|\bnegative\b|\bno\s+(?:evidence\s+of\s+)?(?:microsatellite\s+)?instability`, value: 'MSS', confidence: 0.9 },
    ],
    window: 80,
  },
  {
    id: 'brca',
    anchors: [{ id: 'brca.both', pattern: String.raw`\bBRCA1\s*(?:and|/|&|,|or)\s*(?:BRCA)?2\b|\bBRCA1/2\b`, families: ['brca1', 'brca2'], keywords: ['brca'] }],
    values: [],
  },
  ...(['brca1', 'brca2'] as const).map((g): MarkerFamily => ({
    id: g,
    anchors: [{ id: `${g}.name`, pattern: String.raw`\b${g.toUpperCase()}\b`, keywords: ['brca'] }],
    values: [
      { id: `${g}.vus`, field: g, pattern: String.raw`\bvariant\s+of\s+(?:uncertain|unknown)\s+significance\b|\bVUS\b`, value: 'vus', confidence: 0.9 },
      { id: `${g}.pathogenic`, field: g, pattern: String.raw`\b(?:likely\s+)?pathogenic\s+(?:germline\s+|somatic\s+)?(?:variant|mutation)\b(?!s?\s+(?:was|were)\s+not)|\bdeleterious\s+mutation\b|\bpositive\b|\bmutation\s+(?:detected|identified|present)\b`, value: 'pathogenic', confidence: 0.9 },
      { id: `${g}.negative`, field: g, pattern: String.raw`\bno\s+(?:pathogenic|deleterious|clinically\s+significant)?\s*(?:variants?|mutations?|alterations?)\b|\bnegative\b|\bnot\s+detected\b|\bwild[\s-]?type\b`, value: 'negative', confidence: 0.9 },
    ],
    before: [
      { id: `${g}.before.negative`, field: g, pattern: String.raw`\bno\s+(?:pathogenic|deleterious|clinically\s+significant)?\s*(?:variants?|mutations?|alterations?)\s+(?:(?:were|was)\s+)?(?:detected|identified|found)\s+in\s+(?:either\s+)?$|\bnegative\s+for\s+$`, value: 'negative', confidence: 0.9 },
      { id: `${g}.before.pathogenic`, field: g, pattern: String.raw`\b(?:likely\s+)?pathogenic\s+(?:germline\s+|somatic\s+)?(?:variant|mutation)\s+(?:(?:was\s+)?(?:detected|identified)\s+)?in\s+$`, value: 'pathogenic', confidence: 0.9 },
    ],
    window: 120,
  })),
  {
    id: 'bap1',
    anchors: [{ id: 'bap1.name', pattern: String.raw`\bBAP-?1\b(?:\s*\((?:clone\s+)?[\w-]{2,10}\))?`, keywords: ['bap'] }],
    values: [
      { id: 'bap1.retained', field: 'bap1', pattern: String.raw`\b(?:retained|intact|preserved|positive|present)\b`, value: 'retained', confidence: 0.9 },
      { id: 'bap1.lost', field: 'bap1', pattern: String.raw`\b(?:loss|lost|absent|negative|deficient)\b`, value: 'lost', confidence: 0.9 },
    ],
    before: [{ id: 'bap1.before.lost', field: 'bap1', pattern: String.raw`\b(?:loss|absence)\s+of\s+(?:nuclear\s+)?(?:expression\s+(?:of|for)\s+)?$`, value: 'lost', confidence: 0.9 }],
    window: 100,
  },
  ...driverFamilies,
  {
    id: 'tmb',
    anchors: [{ id: 'tmb.name', pattern: String.raw`\btumou?r\s+mutation(?:al)?\s+burden(?:\s*\(TMB\))?|\bTMB\b`, keywords: ['tmb', 'burden'] }],
    values: [
      { id: 'tmb.value', field: 'tmb', pattern: String.raw`(?<v>\d{1,3}(?:\.\d+)?)\s*(?:mut(?:ation)?s?\s*/\s*Mb|mutations?\s+per\s+megabase|m/Mb)`, value: (m) => num(m.groups!.v), confidence: 0.95 },
    ],
    window: 80,
  },
  {
    id: 'cldn18',
    anchors: [{ id: 'cldn18.name', pattern: String.raw`\bclaudin[\s-]?18(?:\.2)?\b|\bCLDN18(?:\.2)?\b`, keywords: ['claudin', 'cldn'] }],
    values: statusValues('cldn18', 'cldn18'),
    before: statusBefore('cldn18.b', 'cldn18'),
    window: 100,
  },
  {
    id: 'folr1',
    anchors: [{ id: 'folr1.name', pattern: String.raw`\bFOLR-?1\b|\bfolate\s+receptor(?:[\s-]+(?:alpha|α|1))?\b|\bFR[αa]\b`, keywords: ['folr', 'folate', 'frα', 'fra'] }],
    values: statusValues('folr1', 'folr1'),
    before: statusBefore('folr1.b', 'folr1'),
    window: 100,
  },
]);

// Panel-level MMR statements name no single protein: "mismatch repair proteins: intact" / "pMMR".
const MMR_PANEL = String.raw`\b(?:mismatch\s+repair|MMR)(?:\s*\(MMR\))?\s+(?:proteins?|protein\s+expression|immunohistochemistry|IHC|status)?\s*(?::|-|are|is|shows?)?\s*(?:all\s+)?(?:intact|retained|preserved|proficient)\b|\bpMMR\b|\bMMR[\s-]proficient\b|\bintact\s+(?:nuclear\s+)?expression\s+of\s+all\s+four\s+(?:mismatch\s+repair\s+|MMR\s+)?proteins`;
const MSS = String.raw`\bmicrosatellite[\s-]+stable\b|\bMSS\b`;
const MSIH = String.raw`\bMSI-H(?:igh)?\b|\bmicrosatellite\s+instability[\s-]+high\b|\bhigh\s+(?:level\s+)?microsatellite\s+instability\b`;
export const BIOMARKER_TARGETS = defineTargets([
  ...MMR.map((p) => ({ id: `mmr.panel.intact.${p}`, keywords: ['mmr', 'pmmr', 'mismatch'], field: p, pattern: MMR_PANEL, value: 'intact', confidence: 0.85 })),
  { id: 'ntrk.fusion_partner', keywords: ['ntrk'], field: 'ntrk', pattern: String.raw`\b(?<v>(?:ETV6|TPM3|LMNA|TPR|SQSTM1|IRF2BP2|EML4|NFASC|BCAN)\s*(?:::?|-|/)\s*NTRK[1-3])\b(?=[^.\n]{0,30}\b(?:fusion|rearrangement)s?\s+(?:is\s+|was\s+)?(?:detected|identified|present))`, value: (m) => m.groups!.v!.replace(/\s*(?:::?|-|\/)\s*/, '::'), confidence: 0.97 },
  { id: 'msi.mss', keywords: ['mss', 'stable'], field: 'msi', pattern: MSS, value: 'MSS', confidence: 0.85 },
  { id: 'msi.msih', keywords: ['msi', 'microsatellite'], field: 'msi', pattern: MSIH, value: 'MSI-H', confidence: 0.85 },
]);
