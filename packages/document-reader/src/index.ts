import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { ReadError, abortReason, throwIfAborted, withTimeout } from './errors.js';
import { inspectImage, prepareImagePage } from './image.js';
import { OcrPool, type OcrResult, type WordBox } from './ocr-pool.js';
import { PdfDocument } from './pdf.js';
import { type DocumentKind, sniff } from './sniff.js';
import { decodeText, splitTextPages } from './text.js';

export { ReadError } from './errors.js';
export { sniff, type DocumentKind, type SniffResult } from './sniff.js';
export { decodeText, splitTextPages } from './text.js';
export type { WordBox } from './ocr-pool.js';

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

/** Below this mean confidence an image page is also tried at 90/180/270 degrees on a small copy. */
const ORIENTATION_PROBE_BELOW = 65;
const PROBE_LONG_SIDE = 1600;

/** A page that must be OCR'd, able to produce its image at a quarter-turn rotation and optional size. */
interface OcrSource {
  page: number;
  image(opts?: { rotate?: number; longSide?: number }): Promise<{ png: Buffer; width: number; height: number }>;
  /** Try other orientations when the upright result is poor (images and scanned PDF pages). */
  probeOrientation: boolean;
  /** Drops cached page images once the page is done. */
  release?: () => void;
}

/**
 * Reads uploaded documents into page-mapped text, offline. One reader (and its OCR worker pool) is
 * meant to live for the whole process and serve many documents, concurrently if needed.
 */
export class DocumentReader {
  private constructor(
    private readonly pool: OcrPool,
    readonly limits: ReaderLimits,
  ) {}

  static async create(opts: { ocrWorkers?: number; limits?: Partial<ReaderLimits> } = {}): Promise<DocumentReader> {
    const workers = Math.max(1, Math.floor(opts.ocrWorkers ?? availableParallelism()));
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    // Workers start lazily on the first page that needs OCR and are then reused.
    return new DocumentReader(new OcrPool(workers), limits);
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
    await this.pool.close();
  }

  private readText(bytes: Uint8Array): PageText[] {
    const texts = splitTextPages(decodeText(bytes));
    if (texts.length > this.limits.maxPages) {
      throw new ReadError('too_many_pages', `Text has ${texts.length} pages (limit ${this.limits.maxPages})`);
    }
    return texts.map((text, i) => ({ page: i + 1, text, source: 'text_layer', confidence: null }));
  }

  private async readPdf(bytes: Uint8Array, opts: ReadOptions): Promise<PageText[]> {
    const doc = await withTimeout(
      PdfDocument.open(bytes, this.limits),
      this.limits.pageTimeoutMs,
      () => new ReadError('read_timeout', 'Opening the PDF took too long'),
    );
    try {
      const results: (PageText | undefined)[] = [];
      const ocr: OcrSource[] = [];
      for (const p of doc.pages) {
        if (p.text !== null) {
          results[p.page - 1] = { page: p.page, text: p.text, source: 'text_layer', confidence: null, width: p.width, height: p.height };
        } else {
          let rendered: Promise<{ png: Buffer; width: number; height: number }> | undefined;
          const render = () =>
            (rendered ??= withTimeout(
              doc.renderForOcr(p.page),
              this.limits.pageTimeoutMs,
              () => new ReadError('read_timeout', `Rendering page ${p.page} took too long`),
            ));
          ocr.push({
            page: p.page,
            probeOrientation: true,
            release: () => {
              rendered = undefined;
            },
            image: async (o = {}) => {
              const base = await render();
              if (!o.rotate && !o.longSide) return base;
              return transform(base.png, o.rotate ?? 0, o.longSide);
            },
          });
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
      probeOrientation: true,
      image: (o = {}) => prepareImagePage(bytes, i, info, maxPixels, o),
    }));
    const results: (PageText | undefined)[] = [];
    opts.onProgress?.({ stage: 'ocr', percent: 0 });
    await this.ocrAll(sources, results, opts, 0, info.pages);
    return results as PageText[];
  }

  /**
   * OCRs pages through the shared pool. Images are prepared just ahead of the workers (at most
   * pool size + 1 pages in memory per document). The first failure cancels the rest of the document.
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
        while (inflight.size >= this.pool.size + 1) await Promise.race(inflight);
        if (failure !== undefined) break;
        throwIfAborted(cancel.signal);
        const task = this.ocrPage(src, cancel.signal).then(
          (page) => {
            results[src.page - 1] = page;
            done++;
            opts.onProgress?.({ stage: 'ocr', percent: Math.round((done / total) * 100) });
          },
          (err: unknown) => {
            failure ??= err;
            cancel.abort(err);
          },
        );
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
    const timeoutMs = this.limits.pageTimeoutMs;
    const img = await src.image();
    throwIfAborted(signal);
    let best: OcrResult = await this.pool.recognize(img.png, { timeoutMs, signal });
    let size = { width: img.width, height: img.height };
    if (src.probeOrientation && best.confidence < ORIENTATION_PROBE_BELOW) {
      const rotation = await this.probeOrientation(src, signal);
      if (rotation !== 0) {
        const turned = await src.image({ rotate: rotation });
        const again = await this.pool.recognize(turned.png, { timeoutMs, signal });
        if (score(again) > score(best)) {
          best = again;
          size = { width: turned.width, height: turned.height };
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
    };
  }

  /** Returns the quarter-turn (0/90/180/270) whose small-copy OCR reads best. */
  private async probeOrientation(src: OcrSource, signal: AbortSignal): Promise<number> {
    const timeoutMs = this.limits.pageTimeoutMs;
    const scores = await Promise.all(
      [0, 90, 180, 270].map(async (rotate) => {
        const small = await src.image({ rotate, longSide: PROBE_LONG_SIDE });
        const r = await this.pool.recognize(small.png, { timeoutMs, signal, wordsWanted: false });
        return { rotate, score: score(r) };
      }),
    );
    scores.sort((a, b) => b.score - a.score);
    const upright = scores.find((s) => s.rotate === 0)?.score ?? 0;
    const top = scores[0];
    return top && top.rotate !== 0 && top.score > upright * 1.5 + 5 ? top.rotate : 0;
  }
}

/** Reading quality: confident words that look like words. */
function score(r: OcrResult): number {
  const words = r.text.match(/[A-Za-z]{3,}/g)?.length ?? 0;
  return (words * r.confidence) / 100;
}

async function transform(png: Buffer, rotate: number, longSide?: number) {
  let img = sharp(png).rotate(rotate);
  if (longSide) {
    const meta = await sharp(png).metadata();
    const long = Math.max(meta.width ?? 1, meta.height ?? 1);
    const swap = rotate === 90 || rotate === 270;
    const w = swap ? (meta.height ?? 1) : (meta.width ?? 1);
    img = img.resize({ width: Math.max(1, Math.round((w * longSide) / long)) });
  }
  const { data, info } = await img.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}
