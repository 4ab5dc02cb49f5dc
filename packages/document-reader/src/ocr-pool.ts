import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import Tesseract from 'tesseract.js';
import { ReadError, abortReason, withTimeout } from './errors.js';
import { OCR_DPI } from './resolution.js';

export interface WordBox {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0..100. */
  confidence: number;
  words: WordBox[];
}

export interface OcrJobOptions {
  /** Limit on the time the page spends on a worker (queue time does not count). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Skip word boxes (used for cheap orientation probes). */
  wordsWanted?: boolean;
}

/**
 * English LSTM models. 'fast' (the default) is tessdata_fast 4.1.0, vendored in models/eng-fast (see its
 * README): the same model Debian's tesseract-ocr-eng installs, a smaller network that reads our 300 dpi
 * eval pages within 0.1 points of CER of the larger ones at about 1.3x their speed. '4.0.0' (tessdata,
 * with the legacy model) and '4.0.0_best_int' come from the npm package @tesseract.js-data/eng.
 */
export type OcrModel = 'fast' | '4.0.0' | '4.0.0_best_int';
export const DEFAULT_MODEL: OcrModel = 'fast';
export const OCR_MODELS: readonly OcrModel[] = ['fast', '4.0.0', '4.0.0_best_int'];

interface Slot {
  worker: Tesseract.Worker;
  busy: boolean;
  dead: boolean;
  /** Rejects the job currently running on this slot if its thread dies. */
  failCurrent?: (err: Error) => void;
}

interface Job {
  image: Buffer;
  opts: OcrJobOptions;
  resolve: (r: OcrResult) => void;
  reject: (e: Error) => void;
  onAbort?: () => void;
}

/** Page segmentation: fully automatic layout analysis without OSD (works for reports with header grids and columns). */
const PAGE_SEG_MODE = Tesseract.PSM.AUTO;
const WORKER_CREATE_TIMEOUT_MS = 30_000;

/** Folder holding eng.traineddata.gz for a model; resolved on disk, never fetched. */
export function resolveLangPath(model: OcrModel = DEFAULT_MODEL): string {
  if (model === 'fast') return fileURLToPath(new URL('../models/eng-fast', import.meta.url));
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tesseract.js-data/eng/package.json');
  return join(dirname(pkg), model);
}

/**
 * V8 runs a wasm function in baseline code until it has used up a budget of execution, and only then
 * optimises it. tesseract's hot functions are few and run for the life of the process, so they are
 * better optimised as soon as they are first called: without this, the first ~20 pages after a start
 * ran 10-30% slower (bench-ocr: first round 10-13 s against 8.5-9.5 s for the rounds after). Process-wide,
 * and only for wasm compiled after the call: that is, the tesseract.js workers started below.
 */
function optimiseWasmOnFirstUse(): void {
  v8.setFlagsFromString('--no-wasm-dynamic-tiering');
}

/**
 * A fixed-size pool of tesseract.js workers shared by every document. Workers start lazily as work
 * arrives and are reused; a worker that times out or fails is terminated and replaced, so one bad
 * page cannot poison the pool. Jobs wait in one FIFO queue.
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private creating = 0;
  private closed = false;
  private lastCreateError: Error | undefined;

  constructor(
    readonly size: number,
    private readonly langPath: string = resolveLangPath(),
  ) {
    if (!existsSync(join(langPath, 'eng.traineddata.gz'))) {
      // tesseract.js crashes or hangs on a missing model instead of rejecting: refuse up front.
      throw new ReadError('internal_error', `OCR model not found in ${langPath}`, true);
    }
    optimiseWasmOnFirstUse();
  }

  get workerCount(): number {
    return this.slots.length;
  }

  /** Starts every worker now, so the first document does not pay for start-up. */
  async warm(): Promise<void> {
    while (this.slots.length + this.creating < this.size && !this.closed) {
      this.creating++;
      void this.spawn().finally(() => {
        this.creating--;
        this.pump();
      });
    }
    const deadline = Date.now() + WORKER_CREATE_TIMEOUT_MS;
    while (this.creating > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  recognize(image: Buffer, opts: OcrJobOptions): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new ReadError('internal_error', 'OCR pool is closed', true));
    if (opts.signal?.aborted) return Promise.reject(abortReason(opts.signal));
    return new Promise<OcrResult>((resolve, reject) => {
      const job: Job = { image, opts, resolve, reject };
      if (opts.signal) {
        const signal = opts.signal;
        job.onAbort = () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(abortReason(signal));
          }
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ReadError('internal_error', 'OCR pool closed', true));
    const slots = this.slots.splice(0);
    await Promise.allSettled(slots.map((s) => this.kill(s)));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => !s.busy && !s.dead);
      if (!slot) break;
      const job = this.queue.shift()!;
      void this.run(slot, job);
    }
    const waiting = this.queue.length;
    const idleSoon = this.creating;
    if (waiting > idleSoon && this.slots.length + this.creating < this.size && !this.closed) {
      this.creating++;
      void this.spawn().finally(() => {
        this.creating--;
        this.pump();
      });
    }
  }

  private async spawn(): Promise<void> {
    try {
      const slot = await withTimeout(
        this.createSlot(),
        WORKER_CREATE_TIMEOUT_MS,
        () => new ReadError('internal_error', 'OCR worker did not start in time', true),
      );
      if (this.closed) {
        await this.kill(slot);
        return;
      }
      this.slots.push(slot);
      this.lastCreateError = undefined;
    } catch (err) {
      this.lastCreateError = err instanceof Error ? err : new Error(String(err));
      // With no worker alive and none starting, nothing would ever take the queued jobs.
      if (this.slots.length === 0 && this.creating <= 1) {
        const e = new ReadError('internal_error', `OCR unavailable: ${this.lastCreateError.message}`, true);
        for (const job of this.queue.splice(0)) job.reject(e);
      }
    }
  }

  private async createSlot(): Promise<Slot> {
    const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      cacheMethod: 'none',
      // Without an errorHandler tesseract.js rethrows job errors inside a message listener,
      // which would crash the process. Errors still reach us through the job's promise.
      errorHandler: () => {},
    });
    const slot: Slot = { worker, busy: false, dead: false };
    const thread = (worker as unknown as { worker?: import('node:worker_threads').Worker }).worker;
    const onDeath = (err: unknown) => {
      if (slot.dead) return;
      slot.dead = true;
      slot.failCurrent?.(new ReadError('internal_error', `OCR worker died: ${String(err)}`, true));
      this.remove(slot);
      this.pump();
    };
    thread?.on('error', onDeath);
    thread?.on('exit', (code) => onDeath(`exit ${code}`));
    await worker.setParameters({
      tessedit_pageseg_mode: PAGE_SEG_MODE,
      user_defined_dpi: String(OCR_DPI),
      // Sauvola (local) binarisation: as good as global Otsu on clean scans (99.3% vs 99.5% chars on
      // our fixtures) and robust to shadows and uneven lighting in phone photos. Tiled Otsu ('1')
      // was much worse (86% on the photo, 0% with PSM 6 on the scan).
      thresholding_method: '2',
      // Tesseract's diagnostics ("Detected 40 diacritics", ...) would go to stdout: drop them.
      debug_file: '/dev/null',
    });
    return slot;
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.busy = true;
    if (job.onAbort) job.opts.signal?.removeEventListener('abort', job.onAbort);
    const died = new Promise<never>((_, reject) => {
      slot.failCurrent = reject;
    });
    try {
      const result = await withTimeout(
        Promise.race([
          // Word boxes come as TSV: a twentieth of the size of tesseract.js's JSON blocks (which carry every
          // symbol and its choices), so less to build, parse and pass between threads.
          slot.worker.recognize(job.image, {}, job.opts.wordsWanted === false ? { text: true } : { text: false, tsv: true }),
          died,
        ]),
        job.opts.timeoutMs,
        () => new ReadError('read_timeout', `OCR of a page exceeded ${job.opts.timeoutMs} ms`),
      );
      job.resolve(toOcrResult(result.data, job.opts.wordsWanted !== false));
      slot.failCurrent = undefined;
      slot.busy = false;
    } catch (err) {
      // The worker's state is unknown after a timeout or error: replace it.
      slot.failCurrent = undefined;
      slot.dead = true;
      this.remove(slot);
      void this.kill(slot);
      job.reject(
        err instanceof ReadError ? err : new ReadError('internal_error', `OCR failed: ${errorMessage(err)}`, true),
      );
    } finally {
      this.pump();
    }
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private async kill(slot: Slot): Promise<void> {
    slot.dead = true;
    try {
      await slot.worker.terminate();
    } catch {
      /* already gone */
    }
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function toOcrResult(page: Tesseract.Page, wordsWanted: boolean): OcrResult {
  if (!wordsWanted || page.tsv === null) return { text: page.text ?? '', confidence: page.confidence ?? 0, words: [] };
  const { lines, words } = parseTsv(page.tsv);
  return { text: linesToText(lines), confidence: page.confidence ?? 0, words };
}

/**
 * Lines and words from tesseract's TSV (level, page, block, paragraph, line, word, left, top, width,
 * height, conf, text). A line's text is its words joined by spaces, as tesseract writes it; word
 * confidence is truncated to a whole number, as in tesseract.js's JSON output.
 */
export function parseTsv(tsv: string): { lines: OcrLine[]; words: WordBox[] } {
  const lines: OcrLine[] = [];
  const words: WordBox[] = [];
  let line: (OcrLine & { parts: string[] }) | undefined;
  const close = () => {
    if (line && line.parts.length > 0) lines.push({ text: line.parts.join(' '), x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1 });
    line = undefined;
  };
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const level = f[0];
    if (level !== '4' && level !== '5') continue;
    const x0 = Number(f[6]);
    const y0 = Number(f[7]);
    const bbox = { x0, y0, x1: x0 + Number(f[8]), y1: y0 + Number(f[9]) };
    if (level === '4') {
      close();
      line = { text: '', ...bbox, parts: [] };
      continue;
    }
    const text = f.slice(11).join('\t');
    if (text.trim() === '') continue; // the "words" of image regions (a photo's page border)
    line?.parts.push(text);
    words.push({ text, confidence: Math.floor(Number(f[10])), bbox });
  }
  close();
  return { lines, words };
}

export interface OcrLine {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Page text from OCR lines in reading order.
 * - Blank lines: tesseract's own paragraph breaks often fall inside a sentence, which downstream reads
 *   as a boundary; here a blank line is put only where the page shows one (a vertical gap of about a
 *   line height or more, or a jump back up to a next column or block).
 * - Soft wraps: a line that runs to the right margin and is followed by one starting in lower case
 *   ("... papillary 30%," / "lepidic 10%), 2.8 cm.") was wrapped by the layout, not by the author; it is
 *   joined with a space, as in the original text. Lines starting with a capital, digit or bullet (list
 *   items, "Key: value" rows) are never joined.
 */
export function linesToText(lines: OcrLine[]): string {
  const kept = lines.filter((l) => l.text.trim() !== '');
  if (kept.length === 0) return '';
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lineHeight = mid(kept.map((l) => l.y1 - l.y0));
  const right = Math.max(...kept.map((l) => l.x1));
  const left = Math.min(...kept.map((l) => l.x0));
  const wrapZone = right - (right - left) * 0.12;
  let out = kept[0]!.text;
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!;
    const cur = kept[i]!;
    const gap = cur.y0 - prev.y1;
    if (gap > lineHeight * 0.9 || cur.y1 < prev.y0) out += '\n\n';
    else if (prev.x1 >= wrapZone && /^\p{Ll}/u.test(cur.text.trimStart()) && !/-$/.test(prev.text)) out += ' ';
    else out += '\n';
    out += cur.text;
  }
  return out + '\n';
}
