/**
 * Resolution pages are OCR'd at. Tesseract scales every text line to a fixed height before its LSTM reads
 * it, so recognition costs about the same at any resolution where letters stay clear; what grows with the
 * pixel count is everything around it (decoding, binarisation, layout analysis, rotation). Measured with
 * `npm run eval:ocr` and `npm run bench:ocr` (see README).
 */
export const OCR_DPI = 220;
/** Long side of a letter or A4 page, in inches (11 and 11.7). */
export const PAGE_LONG_INCHES = 11;
