// Small regex fragments and parsers shared by rule files. OCR tolerance lives here once:
// O/o read as 0, l/I/| read as 1 (common Tesseract confusions in scanned reports).
/** A number 0-3 as OCR may render it. */
export const D03 = '[0-3OolI|]';

const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1', i: '1' };
const OCR_LOOKALIKE = /[OolI|i]/;
const OCR_LOOKALIKE_G = /[OolI|i]/g;
export function ocrDigits(s: string): string {
  // Most values hold no look-alike: a test is cheaper than a replace with a callback.
  return OCR_LOOKALIKE.test(s) ? s.replace(OCR_LOOKALIKE_G, (c) => OCR_DIGIT[c] ?? c) : s;
}

/** Parses "95%", "greater than 90%", "<1%", "70-80%", "1 - 10 %" to a number (range: upper bound). */
export function parsePercent(raw: string): number | null {
  const s = raw.toLowerCase().replace(/(?<=\d)o|o(?=\d)/g, '0');
  if (/(?:<|less than|under)\s*1\s*%/.test(s)) return 0;
  const nums = s.match(/\d{1,3}(?:\.\d+)?/g);
  if (!nums) return null;
  const n = Number(nums[nums.length - 1]);
  return n >= 0 && n <= 100 ? n : null;
}

export function num(s: string | undefined): number | null {
  if (s == null) return null;
  const n = Number(ocrDigits(s).replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * Text about control tissue ends a result window ("controls for HER2 are provided within a kit
 * (score 0 MCF-7 ...)"), but a quality statement does not: "Controls are satisfactory.", "Controls
 * stained appropriately." sit between a name and its result on many forms.
 */
export const CONTROL_LEGEND = String.raw`\bcontrols?\b(?!\s+(?:are|is|were|was|show(?:s|ed)?|stain(?:s|ed)?|react(?:s|ed)?|work(?:s|ed)?)\s+(?:(?:all\s+)?satisfactory|appropriate(?:ly)?|adequate(?:ly)?|acceptable|as\s+expected)\b)`;
