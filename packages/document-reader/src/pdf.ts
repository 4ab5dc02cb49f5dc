import { Worker } from 'node:worker_threads';
import type { FailureCode } from '@onco/contract';
import { ReadError } from './errors.js';
import { OCR_DPI } from './resolution.js';
import { type GrayImage, stretchContrast } from './geometry.js';
import { decodeImagePage, inspectImage } from './image.js';

export interface PdfPagePlan {
  page: number;
  width: number;
  height: number;
  /** Text layer of the page; null when the page has no usable text layer and must be OCR'd. */
  text: string | null;
}

/** Rendering cap: a letter page at 300 dpi is 8.4 MP; this allows large-format pages but not absurd ones. */
const MAX_RENDER_PIXELS = 40_000_000;
/** Heap bound of a PDF thread: a hostile PDF exhausts this, not the process. */
const THREAD_HEAP_MB = 768;

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

/**
 * One worker thread running pdf.js for one document. Requests carry ids; each has a hard timeout after
 * which the thread is terminated (the only way to stop synchronous pdf.js work), failing the document.
 */
class PdfThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private dead: Error | undefined;

  constructor() {
    this.worker = new Worker(new URL('./pdf-thread.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.worker.unref();
    this.worker.on('message', (msg: { id: number; error?: { code: FailureCode; message: string } }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new ReadError(msg.error.code, msg.error.message));
      else p.resolve(msg);
    });
    const fail = (err: Error) => {
      this.dead ??= err;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(err);
      }
      this.pending.clear();
    };
    this.worker.on('error', (err) => {
      const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(new ReadError('corrupt_file', oom ? 'PDF needs too much memory to read' : `PDF reader failed: ${err.message.split('\n')[0]}`));
    });
    this.worker.on('exit', (code) => fail(new ReadError('corrupt_file', `PDF reader stopped (exit ${code})`)));
  }

  call<T>(msg: Record<string, unknown>, timeoutMs: number, what: string, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ReadError('read_timeout', `${what} took longer than ${timeoutMs} ms`));
        void this.terminate();
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.worker.ref();
      this.worker.postMessage({ id, ...msg }, transfer);
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  /** Documents this thread has opened: it is retired after MAX_DOCUMENTS_PER_THREAD, bounding any leak. */
  uses = 0;

  async terminate(): Promise<void> {
    this.dead ??= new ReadError('internal_error', 'PDF reader closed', true);
    await this.worker.terminate().catch(() => {});
  }
}

const MAX_DOCUMENTS_PER_THREAD = 200;
const MAX_IDLE_THREADS = 2;

/**
 * PDF threads are reused from document to document: a fresh thread pays pdf.js's cold start (some
 * 300 ms) on every document. One is started ahead of need; a thread that timed out or crashed is
 * never reused.
 */
const idle: PdfThread[] = [];

function takeThread(): PdfThread {
  const t = idle.pop() ?? new PdfThread();
  if (idle.length === 0) idle.push(new PdfThread());
  t.uses++;
  return t;
}

async function giveBack(t: PdfThread): Promise<void> {
  if (t.alive && t.uses < MAX_DOCUMENTS_PER_THREAD && idle.length < MAX_IDLE_THREADS) {
    const released = await t.call({ op: 'release' }, 5_000, 'Closing the PDF').then(
      () => true,
      () => false,
    );
    if (released && t.alive) {
      idle.push(t);
      return;
    }
  }
  await t.terminate();
}

/** Stops the idle PDF threads (open documents keep theirs until closed). */
export async function closePdfThreads(): Promise<void> {
  const ts = idle.splice(0);
  await Promise.all(ts.map((t) => t.terminate()));
}

/** An opened PDF (parsed in its own thread): per-page plan (text layer or OCR) and a renderer. Call close(). */
export class PdfDocument {
  private constructor(
    private readonly thread: PdfThread,
    readonly pages: PdfPagePlan[],
    private readonly maxRenderPixels: number,
    private readonly timeoutMs: number,
    private readonly scanJpeg: Buffer | null,
  ) {}

  static async open(bytes: Uint8Array, limits: { maxPages: number; maxPixels: number; pageTimeoutMs: number }): Promise<PdfDocument> {
    const { maxPages, maxPixels, pageTimeoutMs } = limits;
    const thread = takeThread();
    try {
      const copy = new Uint8Array(bytes); // transferred to the thread (pdf.js may detach it anyway)
      const res = await thread.call<{ pages: { page: number; width: number; height: number; text: string }[] }>(
        { op: 'open', bytes: copy, maxPages, maxPixels },
        pageTimeoutMs,
        'Opening the PDF',
        [copy.buffer],
      );
      const pages = res.pages.map((p): PdfPagePlan => ({ ...p, text: hasUsableTextLayer(p.text) ? p.text : null }));
      const jpeg = pages.length === 1 && pages[0]!.text === null ? onlyJpegStream(bytes) : null;
      return new PdfDocument(thread, pages, Math.min(maxPixels, MAX_RENDER_PIXELS), pageTimeoutMs, jpeg);
    } catch (err) {
      await giveBack(thread);
      throw err instanceof ReadError ? err : new ReadError('corrupt_file', `PDF could not be parsed: ${String(err)}`);
    }
  }

  /** Renders one page at OCR_DPI (less for oversized pages) to 8-bit grayscale pixels for OCR. */
  async renderForOcr(pageNumber: number): Promise<GrayImage> {
    const plan = this.pages.find((p) => p.page === pageNumber);
    const area = plan ? plan.width * plan.height : 612 * 792;
    const scale = Math.min(OCR_DPI / 72, Math.sqrt(this.maxRenderPixels / Math.max(area, 1)));
    if (this.scanJpeg && plan) {
      const direct = await decodeScanJpeg(this.scanJpeg, plan, this.maxRenderPixels).catch(() => null);
      if (direct) return direct;
    }
    const r = await this.thread.call<{ data: Uint8Array; width: number; height: number }>(
      { op: 'render', page: pageNumber, scale },
      this.timeoutMs,
      `Rendering page ${pageNumber}`,
    );
    // Stretched like decoded images, so a page reads the same whichever way it reached OCR.
    return stretchContrast({ data: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), width: r.width, height: r.height }, 0.1, 99);
  }

  async close(): Promise<void> {
    await giveBack(this.thread);
  }
}

/**
 * The embedded JPEG of a one-page scanned PDF, when the file holds exactly one DCT-encoded stream and
 * no other image filter: rendering through pdf.js decodes it in JavaScript (~0.7 s for a 300 dpi page),
 * sharp decodes the same bytes in ~0.1 s. Anything unusual returns null and the page is rendered.
 */
function onlyJpegStream(bytes: Uint8Array): Buffer | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const first = text.indexOf('/DCTDecode');
  if (first < 0 || text.indexOf('/DCTDecode', first + 1) >= 0) return null;
  if (/\/(JPXDecode|JBIG2Decode|CCITTFaxDecode)/.test(text)) return null;
  const streamAt = text.indexOf('stream', first);
  if (streamAt < 0 || text.slice(first, streamAt).includes('endobj')) return null;
  const start = text.indexOf('\xFF\xD8\xFF', streamAt);
  const end = text.indexOf('endstream', streamAt);
  if (start < 0 || end < 0 || start > streamAt + 10 || end < start) return null;
  const eoi = text.lastIndexOf('\xFF\xD9', end);
  if (eoi < start) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, eoi + 2 - start);
}

/**
 * Decodes the page's scan with sharp when it is the whole page: same aspect ratio as the page (either
 * way round; quarter turns are found later), at least 150 dpi, gray or RGB. Scaled to about OCR_DPI.
 */
async function decodeScanJpeg(jpeg: Buffer, plan: PdfPagePlan, maxPixels: number): Promise<GrayImage | null> {
  const info = await inspectImage(jpeg, maxPixels, 1);
  const { width: w, height: h } = info;
  // CMYK, and EXIF turns (which a PDF viewer ignores), are left to the renderer.
  if (info.channels > 3 || info.orientation !== 1) return null;
  const pageRatio = plan.width / plan.height;
  const ratio = w / h;
  const sameShape = Math.abs(ratio / pageRatio - 1) < 0.02 || Math.abs(ratio * pageRatio - 1) < 0.02;
  const dpi = Math.max(w, h) / (Math.max(plan.width, plan.height) / 72);
  if (!sameShape || dpi < 150) return null;
  // The same decoding as an uploaded image (luma, contrast stretch), at the resolution the page implies.
  return decodeImagePage(jpeg, 0, info, maxPixels, { longSide: Math.round(Math.max(w, h) * Math.min(2, OCR_DPI / dpi)) });
}
