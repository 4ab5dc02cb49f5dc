import { PDFParse, PasswordException } from 'pdf-parse';
import sharp from 'sharp';
import { ReadError } from './errors.js';
import { type GrayImage, gray } from './geometry.js';

export interface PdfPagePlan {
  page: number;
  width: number;
  height: number;
  /** Text layer of the page; null when the page has no usable text layer and must be OCR'd. */
  text: string | null;
}

const OCR_DPI = 300;
/** Rendering cap: a letter page at 300 dpi is 8.4 MP; this allows large-format pages but not absurd ones. */
const MAX_RENDER_PIXELS = 40_000_000;

// Minimal view of pdf.js objects reached through pdf-parse (pdf-parse does not export raw rendering).
interface PdfJsCanvasAndContext {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
interface PdfJsPage {
  getViewport(p: { scale: number }): { width: number; height: number };
  render(p: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { promise: Promise<void> };
  cleanup(): void;
}
interface PdfJsDoc {
  getPage(n: number): Promise<PdfJsPage>;
  canvasFactory: { create(w: number, h: number): PdfJsCanvasAndContext; destroy(c: PdfJsCanvasAndContext): void };
}

function mapPdfError(err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  if (err instanceof PasswordException || (err instanceof Error && err.name === 'PasswordException')) {
    return new ReadError('encrypted_pdf', 'PDF is password-protected');
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ReadError('corrupt_file', `PDF could not be parsed: ${message.split('\n')[0]}`);
}

/** True when a page's text layer is real text rather than nothing, page markers or a few stray glyphs. */
export function hasUsableTextLayer(text: string): boolean {
  const stripped = text.replace(/--\s*\d+\s+of\s+\d+\s*--/g, '');
  const alnum = stripped.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (alnum < 40) return false;
  // Broken font encodings produce private-use or replacement characters instead of letters.
  const visible = stripped.replace(/\s/g, '').length;
  const junk = stripped.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008]/gu)?.length ?? 0;
  return junk < visible * 0.2;
}

/** An opened PDF: per-page plan (text layer or OCR) and a renderer for the OCR pages. Call close(). */
export class PdfDocument {
  private constructor(
    private readonly parser: PDFParse,
    readonly pages: PdfPagePlan[],
    private readonly maxRenderPixels: number,
  ) {}

  static async open(bytes: Uint8Array, limits: { maxPages: number; maxPixels: number }): Promise<PdfDocument> {
    const { maxPages, maxPixels } = limits;
    const parser = new PDFParse({
      data: new Uint8Array(bytes), // pdf.js may detach the buffer it is given: hand it a copy
      verbosity: 0,
      isEvalSupported: false,
      maxImageSize: maxPixels, // embedded images above this are skipped, not decoded
    });
    try {
      const info = await parser.getInfo({ parsePageInfo: true });
      if (info.total < 1) throw new ReadError('no_pages', 'PDF has no pages');
      if (info.total > maxPages) throw new ReadError('too_many_pages', `PDF has ${info.total} pages (limit ${maxPages})`);
      const text = await parser.getText();
      const pages = info.pages.map((p): PdfPagePlan => {
        const t = text.getPageText(p.pageNumber) ?? '';
        return { page: p.pageNumber, width: p.width, height: p.height, text: hasUsableTextLayer(t) ? t : null };
      });
      return new PdfDocument(parser, pages, Math.min(maxPixels, MAX_RENDER_PIXELS));
    } catch (err) {
      await parser.destroy().catch(() => {});
      throw mapPdfError(err);
    }
  }

  /** Renders one page at 300 dpi (less for oversized pages) to 8-bit grayscale pixels for OCR. */
  async renderForOcr(pageNumber: number): Promise<GrayImage> {
    const plan = this.pages.find((p) => p.page === pageNumber);
    const area = plan ? plan.width * plan.height : 612 * 792;
    const scale = Math.min(OCR_DPI / 72, Math.sqrt(this.maxRenderPixels / Math.max(area, 1)));
    try {
      const doc = (this.parser as unknown as { doc?: PdfJsDoc }).doc;
      if (doc && typeof doc.getPage === 'function' && doc.canvasFactory) {
        return await renderRaw(doc, pageNumber, scale);
      }
      // Fallback through the public API (slower: encodes a colour PNG first).
      const shot = await this.parser.getScreenshot({ partial: [pageNumber], scale, imageBuffer: true, imageDataUrl: false });
      const first = shot.pages[0];
      if (!first) throw new ReadError('corrupt_file', `PDF page ${pageNumber} could not be rendered`);
      const { data, info } = await gray(sharp(first.data).greyscale()).toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    } catch (err) {
      throw mapPdfError(err);
    }
  }

  async close(): Promise<void> {
    await this.parser.destroy().catch(() => {});
  }
}

async function renderRaw(doc: PdfJsDoc, pageNumber: number, scale: number): Promise<GrayImage> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.round(viewport.width));
  const h = Math.max(1, Math.round(viewport.height));
  const cc = doc.canvasFactory.create(w, h);
  try {
    await page.render({ canvasContext: cc.context, viewport, canvas: cc.canvas }).promise;
    const rgba = cc.context.getImageData(0, 0, cc.canvas.width, cc.canvas.height).data;
    const { data, info } = await gray(
      sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
        raw: { width: cc.canvas.width, height: cc.canvas.height, channels: 4 },
      })
        .flatten({ background: '#ffffff' })
        .greyscale(),
    ).toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } finally {
    doc.canvasFactory.destroy(cc);
    page.cleanup();
  }
}
