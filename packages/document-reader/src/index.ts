import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { ReadError, abortReason, throwIfAborted, withTimeout } from './errors.js';
import { Gate } from './gate.js';
import { type Band, type Binarised, type Box, type GrayImage, analysePage, bandsOf, binariseSmall, crop, gray, inkBox, inkRows, straighten, toPgm } from './geometry.js';
import { decodeImagePage, inspectImage } from './image.js';
import { type OcrModel, OcrPool, type OcrResult, type WordBox, resolveLangPath } from './ocr-pool.js';
import { PdfDocument, closePdfThreads } from './pdf.js';
import { OCR_DPI } from './resolution.js';
import { type DocumentKind, sniff } from './sniff.js';
import { decodeText, splitTextPages } from './text.js';

export { ReadError } from './errors.js';
export { sniff, type DocumentKind, type SniffResult } from './sniff.js';
export { decodeText, splitTextPages } from './text.js';
export type { WordBox, OcrModel } from './ocr-pool.js';
export type { GrayImage, PageGeometry } from './geometry.js';

export interface PageText {
  /** 1-based page number. */
  page: number;
  text: string;
  source: 'text_layer' | 'ocr';
  /** Mean OCR word confidence 0..100; null for text layers. */
  confidence: number | null;
  /** Page size: points for PDF text layers, pixels of the OCR'd image otherwise (word boxes use the same space). */
  width?: number;
  height?: number;
  words?: WordBox[];
  /** OCR pages: clockwise degrees the page image was turned before OCR (quarter turn plus deskew). */
  rotation?: number;
}

export interface ReadResult {
  kind: DocumentKind;
  pages: PageText[];
}

export interface ReadProgress {
  stage: 'reading' | 'ocr';
  percent: number;
}

export interface ReaderLimits {
  maxPages: number;
  maxPixels: number;
  pageTimeoutMs: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
}

export const DEFAULT_LIMITS: ReaderLimits = { maxPages: 200, maxPixels: 100_000_000, pageTimeoutMs: 60_000 };

/** Below this mean confidence a page is also tried at 90/180/270 degrees on a small copy. */
const ORIENTATION_PROBE_BELOW = 65;
const PROBE_LONG_SIDE = 1600;
/** Most bands one page is cut into for parallel OCR (each band costs a little layout analysis). */
const MAX_BANDS = 4;
/** Bands shorter than an inch are not worth a worker. */
const MIN_BAND_HEIGHT = OCR_DPI;
/** Words read with less confidence than this (0-100) have their line read again alone. */
const REREAD_BELOW = 20;
const MAX_REREADS = 4;
/** White kept around the ink when a page is cropped for OCR: a tenth of an inch. */
const INK_MARGIN = Math.round(OCR_DPI / 10);

/** A page that must be OCR'd: its grayscale image at about OCR_DPI. */
interface OcrSource {
  page: number;
  image(): Promise<GrayImage>;
  /** Drops cached page images once the page is done. */
  release?: () => void;
}

export interface CreateOptions {
  /** OCR workers; default: one per CPU core. */
  ocrWorkers?: number;
  limits?: Partial<ReaderLimits>;
  /** Start the OCR workers now instead of on the first scanned page. */
  warm?: boolean;
  /** English model folder of @tesseract.js-data/eng. */
  ocrModel?: OcrModel;
  /** Cut a page into bands OCR'd in parallel when workers are idle (default true). */
  splitPages?: boolean;
}

/**
 * Reads uploaded documents into page-mapped text, offline. One reader (and its OCR worker pool) is
 * meant to live for the whole process and serve many documents, concurrently if needed.
 */
export class DocumentReader {
  /** Pages being prepared or OCR'd, across documents. */
  private readonly pageSlots: Gate;

  private constructor(
    private readonly pool: OcrPool,
    readonly limits: ReaderLimits,
    private readonly splitPages: boolean,
  ) {
    this.pageSlots = new Gate(pool.size + 1);
  }

  static async create(opts: CreateOptions = {}): Promise<DocumentReader> {
    const workers = Math.max(1, Math.floor(opts.ocrWorkers ?? availableParallelism()));
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    // Workers start lazily on the first page that needs OCR (or now, when warm) and are then reused.
    const pool = new OcrPool(workers, resolveLangPath(opts.ocrModel));
    if (opts.warm) await pool.warm();
    return new DocumentReader(pool, limits, opts.splitPages ?? true);
  }

  /** Starts every OCR worker (a no-op once they run). */
  async warm(): Promise<void> {
    await this.pool.warm();
  }

  async read(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
    throwIfAborted(opts.signal);
    const sniffed = sniff(bytes);
    if (!sniffed.ok) throw new ReadError(sniffed.code);
    opts.onProgress?.({ stage: 'reading', percent: 0 });
    let pages: PageText[];
    try {
      switch (sniffed.kind) {
        case 'text':
          pages = this.readText(bytes);
          break;
        case 'pdf':
          pages = await this.readPdf(bytes, opts);
          break;
        default:
          pages = await this.readImage(bytes, opts);
      }
    } catch (err) {
      if (err instanceof ReadError) throw err;
      if (opts.signal?.aborted) throw abortReason(opts.signal);
      throw new ReadError('internal_error', err instanceof Error ? err.message : String(err), true);
    }
    const readable = pages.reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
    if (readable < 10) throw new ReadError('no_text_found', 'No readable text in the document');
    opts.onProgress?.({ stage: pages.some((p) => p.source === 'ocr') ? 'ocr' : 'reading', percent: 100 });
    return { kind: sniffed.kind, pages };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), closePdfThreads()]);
  }

  private readText(bytes: Uint8Array): PageText[] {
    const texts = splitTextPages(decodeText(bytes));
    if (texts.length > this.limits.maxPages) {
      throw new ReadError('too_many_pages', `Text has ${texts.length} pages (limit ${this.limits.maxPages})`);
    }
    return texts.map((text, i) => ({ page: i + 1, text, source: 'text_layer', confidence: null }));
  }

  private async readPdf(bytes: Uint8Array, opts: ReadOptions): Promise<PageText[]> {
    // Parsed in a worker thread with a hard timeout: no PDF can block this thread.
    const doc = await PdfDocument.open(bytes, this.limits);
    try {
      const results: (PageText | undefined)[] = [];
      const ocr: OcrSource[] = [];
      for (const p of doc.pages) {
        if (p.text !== null) {
          results[p.page - 1] = { page: p.page, text: p.text, source: 'text_layer', confidence: null, width: p.width, height: p.height };
        } else {
          ocr.push({ page: p.page, image: () => doc.renderForOcr(p.page) });
        }
      }
      const total = doc.pages.length;
      const textDone = total - ocr.length;
      if (ocr.length === 0) return results as PageText[];
      opts.onProgress?.({ stage: 'ocr', percent: Math.round((textDone / total) * 100) });
      await this.ocrAll(ocr, results, opts, textDone, total);
      return results as PageText[];
    } finally {
      await doc.close();
    }
  }

  private async readImage(bytes: Uint8Array, opts: ReadOptions): Promise<PageText[]> {
    const { maxPixels, maxPages } = this.limits;
    const info = await inspectImage(bytes, maxPixels, maxPages);
    const sources: OcrSource[] = Array.from({ length: info.pages }, (_, i) => ({
      page: i + 1,
      image: () => decodeImagePage(bytes, i, info, maxPixels),
    }));
    const results: (PageText | undefined)[] = [];
    opts.onProgress?.({ stage: 'ocr', percent: 0 });
    await this.ocrAll(sources, results, opts, 0, info.pages);
    return results as PageText[];
  }

  /**
   * OCRs pages through the shared pool. Page images are prepared just ahead of the workers: across all
   * documents at most pool size + 1 pages hold a slot (memory is bounded, and page preparation does not
   * crowd out OCR for the CPU), taken in turn so documents share the pool. The first failure cancels the
   * rest of the document.
   */
  private async ocrAll(
    sources: OcrSource[],
    results: (PageText | undefined)[],
    opts: ReadOptions,
    alreadyDone: number,
    total: number,
  ): Promise<void> {
    const cancel = new AbortController();
    const onOuterAbort = () => cancel.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    let done = alreadyDone;
    let failure: unknown;
    const inflight = new Set<Promise<void>>();
    try {
      for (const src of sources) {
        const release = await this.pageSlots.acquire(cancel.signal).catch(() => null);
        if (!release) break;
        if (failure !== undefined) {
          release();
          break;
        }
        const task = this.ocrPage(src, cancel.signal)
          .then(
            (page) => {
              results[src.page - 1] = page;
              done++;
              opts.onProgress?.({ stage: 'ocr', percent: Math.round((done / total) * 100) });
            },
            (err: unknown) => {
              failure ??= err;
              cancel.abort(err);
            },
          )
          .finally(release);
        inflight.add(task);
        void task.finally(() => inflight.delete(task));
      }
      await Promise.all(inflight);
      if (failure !== undefined) throw failure;
      throwIfAborted(opts.signal);
    } finally {
      opts.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  private async ocrPage(src: OcrSource, signal: AbortSignal): Promise<PageText> {
    try {
      return await this.ocrPageOnce(src, signal);
    } finally {
      src.release?.();
    }
  }

  private async ocrPageOnce(src: OcrSource, signal: AbortSignal): Promise<PageText> {
    const page = await src.image();
    throwIfAborted(signal);
    // Orientation and skew from projection profiles of a small binarised copy; then one rotation with sharp.
    // The copy also gives the ink box and the band cuts, and is made again only if the page was turned.
    const bin = binariseSmall(page);
    const geo = analysePage(page, bin);
    let turn = geo.quarterTurn + geo.skew;
    let upright = await straighten(page, turn);
    if (geo.maybeUpsideDown && (await this.stripReadsBetterTurned(upright, signal))) {
      upright = await straighten(upright, 180);
      turn += 180;
    }
    throwIfAborted(signal);
    let best = await this.recognizePage(upright, upright === page ? bin : binariseSmall(upright), signal);
    let size = { width: upright.width, height: upright.height };
    if (best.confidence < ORIENTATION_PROBE_BELOW) {
      // Poor reading: perhaps the orientation guess was wrong. Try the other quarter turns on a small copy.
      const extra = await this.probeOrientation(upright, signal);
      if (extra !== 0) {
        const turned = await straighten(upright, extra);
        const again = await this.recognizePage(turned, binariseSmall(turned), signal);
        if (score(again) > score(best)) {
          best = again;
          size = { width: turned.width, height: turned.height };
          turn += extra;
        }
      }
    }
    return {
      page: src.page,
      text: best.text.trimEnd(),
      source: 'ocr',
      confidence: Math.round(best.confidence * 10) / 10,
      width: size.width,
      height: size.height,
      words: best.words,
      rotation: Math.round((((turn % 360) + 360) % 360) * 100) / 100,
    };
  }

  /**
   * OCRs an upright page, cut at blank gaps between text lines into bands (one per inch of height, at most
   * MAX_BANDS) that go to the pool side by side and are stitched back: text in order, word boxes moved into
   * page coordinates, confidence weighted by words. The cut depends on the page alone, never on how busy
   * the pool is, so a document reads the same under any load (measured: the bands cost ~1% throughput
   * when every worker is busy, and cut a lone page's latency by the number of idle workers).
   */
  private async recognizePage(page: GrayImage, bin: Binarised, signal: AbortSignal): Promise<OcrResult> {
    const timeoutMs = this.limits.pageTimeoutMs;
    // Only the inked part of the page goes to OCR (margins are a third of a letter page); boxes are
    // moved back into page coordinates.
    const box = inkBox(page, bin, INK_MARGIN);
    const img = crop(page, box);
    const count = this.splitPages ? Math.max(1, Math.min(MAX_BANDS, Math.floor(img.height / MIN_BAND_HEIGHT))) : 1;
    const bands = bandsOf(box, bin, count);
    const parts = await Promise.all(bands.map((b) => this.pool.recognize(toPgm(img, b.top, b.bottom), { timeoutMs, signal })));
    return this.rereadDoubtfulLines(page, stitch(parts, bands, box), signal);
  }

  /**
   * Reads again, on its own, each line holding a word read with very low confidence. In the context of a
   * whole page tesseract sometimes gives up on a word it reads well alone ("MSH6:" came out as "MSH:" at
   * confidence 0, and alone as "MSHE6:" at 84). The new reading replaces the line only when it is one
   * line of about the same length and clearly more confident. At most MAX_REREADS lines per page.
   */
  private async rereadDoubtfulLines(page: GrayImage, r: OcrResult, signal: AbortSignal): Promise<OcrResult> {
    const doubtful = r.words.filter((w) => w.confidence < REREAD_BELOW && /[\p{L}\p{N}]{2}/u.test(w.text));
    if (doubtful.length === 0) return r;
    let { text, words } = r;
    const seen = new Set<WordBox>();
    let rereads = 0;
    for (const d of doubtful) {
      if (seen.has(d) || rereads >= MAX_REREADS) continue;
      const line = words.filter((w) => {
        const cy = (w.bbox.y0 + w.bbox.y1) / 2;
        return cy >= d.bbox.y0 && cy <= d.bbox.y1;
      });
      for (const w of line) seen.add(w);
      const before = line.map((w) => w.text).join(' ');
      const at = text.indexOf(before);
      if (at < 0 || text.indexOf(before, at + 1) >= 0) continue; // not found once: leave it
      rereads++;
      const pad = Math.round((d.bbox.y1 - d.bbox.y0) * 0.6);
      const strip = {
        x0: Math.max(0, Math.min(...line.map((w) => w.bbox.x0)) - pad),
        y0: Math.max(0, Math.min(...line.map((w) => w.bbox.y0)) - pad),
        x1: Math.min(page.width, Math.max(...line.map((w) => w.bbox.x1)) + pad),
        y1: Math.min(page.height, Math.max(...line.map((w) => w.bbox.y1)) + pad),
      };
      const again = await this.pool.recognize(toPgm(crop(page, strip)), { timeoutMs: this.limits.pageTimeoutMs, signal });
      const after = again.text.trim();
      const similarLength = after.length >= before.length * 0.7 && after.length <= before.length * 1.3;
      if (!after || after.includes('\n') || !similarLength || meanConf(again.words) < meanConf(line) + 10) continue;
      text = text.slice(0, at) + after + text.slice(at + before.length);
      const first = words.indexOf(line[0]!);
      const reread = again.words.map((w) => moved(w, strip.x0, strip.y0));
      words = [...words.slice(0, first).filter((w) => !line.includes(w)), ...reread, ...words.slice(first).filter((w) => !line.includes(w))];
    }
    return words === r.words ? r : { text, words, confidence: meanConf(words) };
  }

  /** Reads the densest strip of the page as is and turned over; true when turned reads clearly better. */
  private async stripReadsBetterTurned(img: GrayImage, signal: AbortSignal): Promise<boolean> {
    const strip = densestStrip(img);
    if (!strip) return false;
    const timeoutMs = this.limits.pageTimeoutMs;
    const turned = await straighten(strip, 180);
    const [a, b] = await Promise.all(
      [strip, turned].map((s) => this.pool.recognize(toPgm(s), { timeoutMs, signal, wordsWanted: false })),
    );
    return score(b!) > score(a!) * 1.5 + 2;
  }

  /** Returns the extra clockwise quarter turn (0/90/180/270) whose small-copy OCR reads best. */
  private async probeOrientation(img: GrayImage, signal: AbortSignal): Promise<number> {
    const timeoutMs = this.limits.pageTimeoutMs;
    const scale = Math.min(1, PROBE_LONG_SIDE / Math.max(img.width, img.height));
    const small = await gray(sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } }).resize({
      width: Math.max(1, Math.round(img.width * scale)),
    })).toBuffer({ resolveWithObject: true });
    const base: GrayImage = { data: small.data, width: small.info.width, height: small.info.height };
    const scores = await Promise.all(
      [0, 90, 180, 270].map(async (rotate) => {
        const turned = await straighten(base, rotate);
        const r = await this.pool.recognize(toPgm(turned), { timeoutMs, signal, wordsWanted: false });
        return { rotate, score: score(r) };
      }),
    );
    scores.sort((a, b) => b.score - a.score);
    const upright = scores.find((s) => s.rotate === 0)?.score ?? 0;
    const top = scores[0];
    return top && top.rotate !== 0 && top.score > upright * 1.5 + 5 ? top.rotate : 0;
  }
}

/**
 * Joins band results: text in order (a blank line only where the gap between bands was a paragraph
 * break, so a cut never splits a paragraph), boxes offset to page coordinates (band top plus the crop's
 * corner), confidence weighted by words.
 */
function stitch(parts: OcrResult[], bands: Band[], box: Box): OcrResult {
  if (parts.length === 1 && box.x0 === 0 && box.y0 === 0) return parts[0]!;
  const words: WordBox[] = [];
  let weighted = 0;
  let weight = 0;
  let text = '';
  parts.forEach((p, i) => {
    const dx = box.x0;
    const dy = box.y0 + (bands[i]?.top ?? 0);
    for (const w of p.words) words.push(moved(w, dx, dy));
    const n = p.words.length || (p.text.match(/\S+/g)?.length ?? 0);
    weighted += p.confidence * n;
    weight += n;
    if (!p.text.trim()) return;
    if (text) text += bands[i]?.paragraphBefore ? '\n' : '';
    text += p.text.replace(/\s+$/, '\n');
  });
  return { text, confidence: weight > 0 ? weighted / weight : 0, words };
}

/** The band of about a sixth of the page height holding the most ink (a few text lines), or null. */
function densestStrip(img: GrayImage): GrayImage | null {
  const bin = binariseSmall(img, 800);
  const rows = inkRows(bin);
  const win = Math.max(4, Math.round(bin.height / 6));
  let sum = 0;
  let best = -1;
  let bestAt = 0;
  for (let y = 0; y < bin.height; y++) {
    sum += rows[y]!;
    if (y >= win) sum -= rows[y - win]!;
    if (y >= win - 1 && sum > best) {
      best = sum;
      bestAt = y - win + 1;
    }
  }
  if (best <= 0) return null;
  const top = Math.floor(bestAt / bin.scale);
  const bottom = Math.min(img.height, Math.ceil((bestAt + win) / bin.scale));
  return { data: img.data.subarray(top * img.width, bottom * img.width), width: img.width, height: bottom - top };
}

/** A word box moved by (dx, dy): from a band or strip into page coordinates. */
function moved(w: WordBox, dx: number, dy: number): WordBox {
  return { ...w, bbox: { x0: w.bbox.x0 + dx, x1: w.bbox.x1 + dx, y0: w.bbox.y0 + dy, y1: w.bbox.y1 + dy } };
}

/** Mean word confidence (0 with no words). */
function meanConf(words: WordBox[]): number {
  return words.reduce((a, w) => a + w.confidence, 0) / Math.max(1, words.length);
}

/** Reading quality: confident words that look like words. */
function score(r: OcrResult): number {
  const words = r.text.match(/[A-Za-z]{3,}/g)?.length ?? 0;
  return (words * r.confidence) / 100;
}
