// Context cues (ConText, Chapman et al. 2011; medspaCy default rules, adapted to pathology).
// Scope never crosses a clause boundary (see text.ts CLAUSE_BREAK), so
// "ER negative, PR positive" keeps any cue on its own marker.
import { defineCues } from './types.js';

export const CONTEXT_CUES = defineCues([
  // Negation applies to entities (histology, cancer type), never to test results,
  // where "negative" is the value itself. A bare "No" ending its line is a form answer, not a cue.
  { id: 'neg.no', category: 'negated', pattern: String.raw`\b(?:no|without|free of|absence of|absent|rules? out|ruled out|excluded?|not)\b(?=[ \t]+\S)(?:\s+(?:evidence|residual|remaining|definite|identifiable|definitive)(?:\s+(?:of|for))?)?`, direction: 'forward', scope: 60, entityOnly: true },
  { id: 'neg.negative_for', category: 'negated', pattern: String.raw`\bnegative\s+for\b`, direction: 'forward', scope: 80, entityOnly: true },
  { id: 'neg.post', category: 'negated', pattern: String.raw`\b(?:not\s+(?:identified|seen|present|found)|is\s+absent|are\s+absent|none\s+identified|was\s+not\s+identified)\b`, direction: 'backward', scope: 60, entityOnly: true },
  { id: 'unc.suspicious', category: 'uncertain', pattern: String.raw`\b(?:suspicious\s+for|suggestive\s+of|possibl[ey]|probabl[ey]|favou?r(?:ed|s)?|questionable|consistent\s+with\s+possible|rule\s+out)\b`, direction: 'forward', scope: 60 },
  { id: 'unc.post', category: 'uncertain', pattern: String.raw`\b(?:cannot\s+(?:be\s+)?(?:excluded|ruled\s+out)|(?:is|are)\s+not\s+excluded|(?:is|are)\s+(?:suspected|favou?red|questioned)|(?:is|are)\s+possible)\b`, direction: 'backward', scope: 60 },
  { id: 'pend.pending', category: 'pending', pattern: String.raw`\b(?:pending|to\s+follow|will\s+be\s+(?:reported|performed|issued|forthcoming|sent)|(?:has|have)\s+been\s+(?:ordered|requested|sent)|(?:are|is|were|was)\s+(?:ordered|requested)|in\s+progress|results?\s+to\s+be\s+reported|will\s+follow)\b`, direction: 'both', scope: 200 },
  // History. A prior episode (a past cancer, a dated event) is historical: it is not this tumour.
  { id: 'hist.episode', category: 'historical', pattern: String.raw`\bhistory\s+of\b|\bh/o\b|\b(?:previous(?:ly)?|prior|remote|earlier|old)\s+(?:(?:left|right|contralateral|ipsilateral|breast|invasive|ductal|lobular)\s+){0,3}(?:cancer|carcinoma|malignancy|primary|diagnosis)\b|\b(?:in|from|since)\s+(?:19|20)\d\d\b|\b\d{1,2}\s+years?\s+ago\b`, direction: 'forward', scope: 200, crossesNames: true },
  // Clinical impressions and history sections quote, they do not diagnose; "previous", "outside"
  // only say "earlier". Both are weak: a clause naming an earlier specimen of this tumour overrides them.
  { id: 'hist.clinical', category: 'historical', pattern: String.raw`\b(?:pre-?op(?:erative)?|post-?op(?:erative)?|clinical|referring|admitting)\s+diagnos[ie]s\b|\bchief\s+complaint\b|\bclinical\s+(?:history|information|data|notes?)\b|\bindications?\s*(?:for\s+(?:surgery|procedure))?\s*:`, direction: 'forward', scope: 200, crossesNames: true, weak: true },
  { id: 'hist.prior', category: 'historical', pattern: String.raw`\b(?:previous(?:ly)?|prior|outside|earlier|formerly|remote|per\s+(?:the\s+)?(?:outside|referring)\s+report|(?:was|were)\s+reported\s+(?:as|to\s+be))\b`, direction: 'forward', scope: 160, crossesNames: true, weak: true },
  // An earlier specimen of this tumour: the core biopsy, another specimen or accession, a test
  // "performed previously". Its results are the patient's own (affirmed, marked priorSpecimen).
  { id: 'prior.specimen', category: 'prior_specimen', pattern: String.raw`\b(?:previous(?:ly)?|prior|outside|original|earlier|initial|diagnostic|another|preceding)\s+(?:[\w'-]+\s+){0,2}?(?:biops(?:y|ies)|cores?|specimens?|case|material|accession|slides?|blocks?)\b|\bbiops(?:y|ies)\s+(?:at|from)\s+(?:an?\s+|the\s+)?outside\b|\b(?:performed|reported|done|tested)\s+previously\b|\bpreviously\s+(?:performed|reported|done|tested)\b|\b(?:on|per|from|of)\s+(?:the\s+)?(?:patient'?s\s+)?(?:core|needle)\s+(?:needle\s+)?biops(?:y|ies)\b`, direction: 'both', scope: 200, crossesNames: true, resultsOnly: true },
]);

/**
 * Empty checkbox glyphs as OCR renders them: an option printed on a form, not a chosen value.
 * "[ ]", "( )", "| |", or a short blank line in front of / after an option ("___ Negative").
 */
export const UNCHECKED_OPTION = String.raw`[☐□◻○◯▢]|\[\s{0,2}\]|\(\s{1,2}\)|\|\s{1,2}\||(?<!_)_{2,8}(?!_)`;
/**
 * Ticked checkbox glyphs: on a form with boxes, only a ticked option is a value. Besides the glyphs,
 * an X in brackets as OCR reads them ("[X]", "(x)", "|X|", "IX]", "[XI", "_X_"), and on a form line
 * a bare X before or after an option ("X Positive", "Positive: X").
 */
export const CHECKED_OPTION = String.raw`[☑☒✓✔■▣●⊠✗✘]|(?<![A-Za-z0-9])[\[(|lI]\s?[xX✓✔]\s?[\])|lI](?![A-Za-z0-9])|_+[xX✓✔]_+|(?<![\w\[(|/.-])[xX](?![\w\])|/.-])`;

/**
 * Section headings of a surgical pathology report when they stand alone on their line ("COMMENT",
 * "Final Diagnosis:"): a new section is a new statement, as after a blank line, so a result is never
 * read across it (report sections as in the CAP cancer protocols' report layout and common lab reports).
 * Words that label a value in vertical tables ("Result", "Interpretation", "Score") are not sections.
 */
export const SECTION_HEADING = String.raw`comments?|notes?|(?:final\s+|pathologic(?:al)?\s+)?diagnos[ie]s|gross\s+(?:description|examination)|microscopic\s+(?:description|examination|findings)|clinical\s+(?:history|information|data)|addend(?:um|a)|synoptic\s+(?:report|summary)|specimens?(?:\s+(?:submitted|received))?|electronically\s+signed(?:\s+out)?`;
