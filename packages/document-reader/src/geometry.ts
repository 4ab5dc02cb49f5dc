// Page geometry before OCR: quarter-turn orientation, small skew, the ink box, and where a page can be cut
// into bands for parallel OCR, all from projection profiles of a small binarised copy (dark-pixel counts
// per row at a few candidate angles). Rotation is done by sharp; the per-pixel passes over a page that are
// cheaper in JS than a sharp round trip (shrink, binarisation, contrast stretch) are here too.
import sharp, { type Sharp } from 'sharp';

/** An 8-bit single-channel image in memory. */
export interface GrayImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface PageGeometry {
  /** Clockwise quarter turn that makes text lines horizontal and upright: 0, 90, 180 or 270. */
  quarterTurn: number;
  /** Further clockwise rotation in degrees (small) that levels the text lines. */
  skew: number;
  /**
   * Both up/down cues (baseline edge and ascender ink) say the page is upside down. The cues are weak
   * (some upright reports fool both), so the caller confirms with a quick OCR of a strip before turning.
   */
  maybeUpsideDown: boolean;
}

/** Long side of the binarised copy used for analysis. ~1/3 of a 300 dpi page keeps letter shapes visible. */
const ANALYSIS_LONG_SIDE = 1200;
const MAX_POINTS = 120_000;
/** Longest run of ink (share of the long side) that can be a glyph stroke or a few merged letters. */
const MAX_STROKE = 1 / 20;
const MAX_SKEW = 5;
/** Below this (degrees) a page is left as is: rotating costs time and resamples every glyph. */
const MIN_SKEW = 0.25;

const rawOf = (img: GrayImage) => ({ raw: { width: img.width, height: img.height, channels: 1 as const } });

/** Ink is what is this much darker than the local paper estimate (0..255). */
const INK_CONTRAST = 60;

/** Side of the square cells whose mean is the local paper estimate (pixels of the small copy). */
const PAPER_CELL = 24;

/** A small binarised copy of a page (ink 0, paper 255) and its scale to the page. */
export type Binarised = GrayImage & { scale: number };

/**
 * Binarises a downscaled copy against a local paper estimate (cell means over 24 x 24 pixels, which
 * average the text away, interpolated between cell centres): ink is what is much darker than the paper
 * around it, so shadows, uneven light and a table showing around a photographed page do not count.
 * Ink is 0, paper 255. All in JS: the copy is a whole-pixel box shrink (the factor nearest the wanted
 * size; a 220 dpi page is halved), a tenth of the cost of a sharp resize, which copies the page in and out.
 */
export function binariseSmall(img: GrayImage, longSide = ANALYSIS_LONG_SIDE): Binarised {
  const factor = Math.max(1, Math.round(Math.max(img.width, img.height) / longSide));
  const { data: src, width: w, height: h } = shrink(img, factor);
  const scale = 1 / factor;
  const cw = Math.ceil(w / PAPER_CELL);
  const ch = Math.ceil(h / PAPER_CELL);
  // Column tables, shared by every row: the two interpolation cells of each column and the weight.
  const ix0 = new Uint32Array(w);
  const ix1 = new Uint32Array(w);
  const tx = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(cw - 1, Math.max(0, (x + 0.5) / PAPER_CELL - 0.5));
    ix0[x] = fx | 0;
    ix1[x] = Math.min(cw - 1, (fx | 0) + 1);
    tx[x] = fx - (fx | 0);
  }
  // Cell means; each row's span of a cell is summed in a local first (one running total per cell would
  // make every addition wait on the previous one).
  const paper = new Float64Array(cw * ch);
  for (let y = 0; y < h; y++) {
    const row = ((y / PAPER_CELL) | 0) * cw;
    const off = y * w;
    for (let c = 0; c < cw; c++) {
      const end = Math.min(w, (c + 1) * PAPER_CELL);
      let sum = 0;
      for (let x = c * PAPER_CELL; x < end; x++) sum += src[off + x]!;
      paper[row + c]! += sum;
    }
  }
  for (let cy = 0; cy < ch; cy++) {
    const rows = Math.min(h, (cy + 1) * PAPER_CELL) - cy * PAPER_CELL;
    for (let c = 0; c < cw; c++) paper[cy * cw + c]! /= rows * (Math.min(w, (c + 1) * PAPER_CELL) - c * PAPER_CELL);
  }
  const out = Buffer.allocUnsafe(w * h);
  const local = new Float64Array(cw);
  for (let y = 0; y < h; y++) {
    // Bilinear interpolation between cell centres, clamped at the borders: first down the column of cells
    // (one value per cell column for this row), then across.
    const fy = Math.min(ch - 1, Math.max(0, (y + 0.5) / PAPER_CELL - 0.5));
    const y0 = (fy | 0) * cw;
    const y1 = Math.min(ch - 1, (fy | 0) + 1) * cw;
    const ty = fy - (fy | 0);
    for (let c = 0; c < cw; c++) local[c] = paper[y0 + c]! * (1 - ty) + paper[y1 + c]! * ty;
    const off = y * w;
    for (let x = 0; x < w; x++) {
      const t = tx[x]!;
      const l = local[ix0[x]!]! * (1 - t) + local[ix1[x]!]! * t;
      out[off + x] = Math.abs(src[off + x]! - l) >= INK_CONTRAST ? 0 : 255;
    }
  }
  return { data: out, width: w, height: h, scale };
}

/** Box average over factor x factor pixels (a partial last row or column is dropped). */
function shrink(img: GrayImage, factor: number): GrayImage {
  if (factor === 1) return img;
  const w = Math.max(1, Math.floor(img.width / factor));
  const h = Math.max(1, Math.floor(img.height / factor));
  const src = img.data;
  const out = Buffer.allocUnsafe(w * h);
  if (factor === 2) {
    // The usual case (a page at OCR_DPI), unrolled.
    const stride = img.width;
    for (let y = 0; y < h; y++) {
      let a = 2 * y * stride;
      let b = a + stride;
      const off = y * w;
      for (let x = 0; x < w; x++, a += 2, b += 2) out[off + x] = (src[a]! + src[a + 1]! + src[b]! + src[b + 1]! + 2) >>> 2;
    }
    return { data: out, width: w, height: h };
  }
  const sums = new Uint32Array(w);
  const area = factor * factor;
  const half = area >> 1;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = Math.min(img.height - 1, y * factor + dy) * img.width;
      for (let x = 0, sx = row; x < w; x++) {
        let acc = 0;
        for (let dx = 0; dx < factor; dx++) acc += src[sx++]!;
        sums[x]! += acc;
      }
    }
    const off = y * w;
    for (let x = 0; x < w; x++) out[off + x] = ((sums[x]! + half) / area) | 0;
  }
  return { data: out, width: w, height: h };
}

/**
 * Coordinates of the dark pixels that can belong to text, evenly subsampled to at most MAX_POINTS. Ink in
 * a horizontal or vertical run longer than `MAX_STROKE` of the long side is not a glyph stroke: it is the
 * edge of a photographed page, the table around it, a rule or a bar, and such long straight features would
 * otherwise outweigh the text lines (the border of a photo held the skew at 0 against text turned 1.5).
 */
function darkPoints(bin: GrayImage): { xs: Float32Array; ys: Float32Array; n: number } {
  const { data, width: w, height: h } = bin;
  const maxRun = Math.max(8, Math.round(Math.max(w, h) * MAX_STROKE));
  const text = new Uint8Array(w * h);
  // Rows and columns are both walked row by row (memory order): each column keeps its current run length.
  const colRun = new Uint32Array(w);
  const endColumnRun = (x: number, y: number) => {
    if (colRun[x]! > maxRun) for (let yy = y - colRun[x]!; yy < y; yy++) text[yy * w + x] = 0;
    colRun[x] = 0;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let run = 0;
    for (let x = 0; x <= w; x++) {
      if (x < w && data[row + x]! < 128) {
        text[row + x] = 1;
        run++;
        colRun[x]!++;
        continue;
      }
      if (run > maxRun) text.fill(0, row + x - run, row + x);
      run = 0;
      if (x < w && colRun[x]! > 0) endColumnRun(x, y);
    }
  }
  for (let x = 0; x < w; x++) endColumnRun(x, h);
  let total = 0;
  for (let i = 0; i < text.length; i++) total += text[i]!;
  const step = Math.max(1, Math.ceil(total / MAX_POINTS));
  const n = Math.ceil(total / step);
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  let k = 0;
  let seen = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (text[row + x] === 1) {
        if (seen++ % step === 0 && k < n) {
          xs[k] = x;
          ys[k] = y;
          k++;
        }
      }
    }
  }
  return { xs, ys, n: k };
}

/** Row profile of the points after a clockwise rotation by `deg`: counts per 1-px row. */
function profile(xs: Float32Array, ys: Float32Array, n: number, deg: number, diag: number): Int32Array {
  const a = (deg * Math.PI) / 180;
  const s = Math.sin(a);
  const c = Math.cos(a);
  const bins = new Int32Array(2 * diag + 2);
  for (let i = 0; i < n; i++) {
    const y = xs[i]! * s + ys[i]! * c + diag;
    bins[y | 0]!++;
  }
  return bins;
}

/** Line-structure score of a profile: sum of squares times ink extent / n^2 (about 1 for ink spread evenly). */
function sharpness(bins: Int32Array, n: number): number {
  let first = -1;
  let last = -1;
  let sq = 0;
  for (let i = 0; i < bins.length; i++) {
    const v = bins[i]!;
    if (v > 0) {
      if (first < 0) first = i;
      last = i;
      sq += v * v;
    }
  }
  if (n === 0 || first < 0) return 0;
  return (sq * (last - first + 1)) / (n * n);
}

function sumOfSquares(bins: Int32Array): number {
  let sq = 0;
  for (const v of bins) sq += v * v;
  return sq;
}

/**
 * The angle whose row profile is most peaked (sum of squared row counts: n is fixed, so this grows
 * as ink gathers into fewer rows). Returns it with the extent-normalised sharpness for axis comparison.
 */
function bestAngle(xs: Float32Array, ys: Float32Array, n: number, diag: number): { angle: number; score: number } {
  let best = { angle: 0, sq: sumOfSquares(profile(xs, ys, n, 0, diag)) };
  const atZero = best.sq;
  const tryAngle = (a: number) => {
    const sq = sumOfSquares(profile(xs, ys, n, a, diag));
    if (sq > best.sq) best = { angle: a, sq };
  };
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.5) tryAngle(a);
  const coarse = best.angle;
  for (let a = coarse - 0.4; a <= coarse + 0.4 + 1e-9; a += 0.1) tryAngle(Math.round(a * 100) / 100);
  // Noise-dominated pages have flat scores: keep the page as it is unless levelling clearly helps.
  const angle = best.sq > atZero * 1.02 ? best.angle : 0;
  return { angle, score: sharpness(profile(xs, ys, n, angle, diag), n) };
}

/**
 * Up/down cue from the deskewed line profiles. Every glyph of a Latin text line stands on the baseline,
 * while capitals, digits and ascenders end at different heights above the x-height and few glyphs
 * descend: so the profile falls off more steeply under a line than it rises above it. Returns the
 * ratio of those edge steepnesses summed over lines: > 1 upright, < 1 upside down.
 */
function edgeRatio(bins: Int32Array): number {
  let bottom = 0;
  let top = 0;
  for (const [start, end] of textLines(bins)) {
    // Steepest rise (going down the page) over two rows, and steepest fall.
    let rise = 0;
    let fall = 0;
    for (let j = Math.max(1, start - 1); j <= end; j++) {
      const d = (bins[j + 1] ?? 0) - (bins[j - 1] ?? 0);
      if (d > rise) rise = d;
      if (-d > fall) fall = -d;
    }
    bottom += fall;
    top += rise;
  }
  return (bottom + 1) / (top + 1);
}

/** Runs of rows (start, end exclusive) holding a text line: above 2% of the peak, at least 4 rows. */
function textLines(bins: Int32Array): [number, number][] {
  let max = 0;
  for (const v of bins) if (v > max) max = v;
  const floor = Math.max(1, max * 0.02);
  const lines: [number, number][] = [];
  let i = 0;
  while (i < bins.length) {
    if (bins[i]! <= floor) {
      i++;
      continue;
    }
    const start = i;
    while (i < bins.length && bins[i]! > floor) i++;
    if (i - start >= 4) lines.push([start, i]);
  }
  return lines;
}

/**
 * Ascender/descender balance: Latin text has more ink above the x-height band (capitals, digits,
 * b d f h k l t, i-dots) than below it (g j p q y). > 1 upright, < 1 upside down.
 */
function inkRatio(bins: Int32Array): number {
  let above = 0;
  let below = 0;
  for (const [start, end] of textLines(bins)) {
    let peak = 0;
    for (let j = start; j < end; j++) peak = Math.max(peak, bins[j]!);
    let a = start;
    while (bins[a]! < peak * 0.5) a++;
    let b = end - 1;
    while (bins[b]! < peak * 0.5) b--;
    for (let j = start; j < a; j++) above += bins[j]!;
    for (let j = b + 1; j < end; j++) below += bins[j]!;
  }
  return (above + 1) / (below + 1);
}


/** Estimates orientation and skew of a page from its binarised copy. */
export function analysePage(img: GrayImage, bin?: Binarised): PageGeometry {
  bin ??= binariseSmall(img);
  const { xs, ys, n } = darkPoints(bin);
  if (n < 200) return { quarterTurn: 0, skew: 0, maybeUpsideDown: false };
  const diag = Math.ceil(Math.hypot(bin.width, bin.height));
  // Sideways candidate: the points turned a quarter clockwise ((x, y) -> (h - 1 - y, x)).
  const sx = new Float32Array(n);
  const sy = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    sx[i] = bin.height - 1 - ys[i]!;
    sy[i] = xs[i]!;
  }
  const flat = bestAngle(xs, ys, n, diag);
  const side = bestAngle(sx, sy, n, diag);
  const sideways = side.score > flat.score * 1.15;
  const chosen = sideways ? side : flat;
  const bins = sideways ? profile(sx, sy, n, side.angle, diag) : profile(xs, ys, n, flat.angle, diag);
  const maybeUpsideDown = edgeRatio(bins) < 1 && inkRatio(bins) < 1;
  const skew = Math.abs(chosen.angle) < MIN_SKEW ? 0 : chosen.angle;
  return { quarterTurn: sideways ? 90 : 0, skew, maybeUpsideDown };
}

/** Applies quarter turn and skew in one sharp rotation (white fill). Returns the input when nothing to do. */
export async function straighten(img: GrayImage, turn: number): Promise<GrayImage> {
  const deg = ((turn % 360) + 360) % 360;
  if (Math.abs(deg) < 1e-6) return img;
  const { data, info } = await gray(sharp(img.data, rawOf(img)).rotate(deg, { background: { r: 255, g: 255, b: 255 } })).toBuffer({
    resolveWithObject: true,
  });
  checkOneChannel(info.channels);
  return { data, width: info.width, height: info.height };
}

/**
 * Linear contrast stretch in place: the `lowerPct` percentile of gray levels becomes black and the `upperPct`
 * one white. Done here from one histogram because sharp's normalise() evaluates the whole pipeline twice
 * (0.8 s of CPU for a 300 dpi page, against 20 ms here), and on a busy machine that time is taken from OCR.
 */
export function stretchContrast(img: GrayImage, lowerPct: number, upperPct: number): GrayImage {
  const { data } = img;
  const hist = histogram(data);
  const level = (pct: number) => {
    const target = (data.length * pct) / 100;
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= target) return v;
    }
    return 255;
  };
  const lo = level(lowerPct);
  const hi = level(upperPct);
  if (hi <= lo) return img;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  applyLut(data, lut);
  return img;
}

/** data[i] = lut[data[i]], four pixels per 32-bit word where the buffer is aligned (about twice as fast). */
export function applyLut(data: Uint8Array, lut: Uint8Array): void {
  const n = data.length;
  let i = 0;
  if (data.byteOffset % 4 === 0) {
    const words = new Uint32Array(data.buffer, data.byteOffset, n >>> 2);
    const count = words.length;
    for (let k = 0; k < count; k++) {
      const v = words[k]!;
      words[k] = lut[v & 255]! | (lut[(v >>> 8) & 255]! << 8) | (lut[(v >>> 16) & 255]! << 16) | (lut[v >>> 24]! << 24);
    }
    i = count * 4;
  }
  for (; i < n; i++) data[i] = lut[data[i]!]!;
}

/**
 * Counts of each gray level. Four interleaved tables: a page is mostly one paper level, and incrementing
 * one counter pixel after pixel waits on the previous increment each time (2-3x slower).
 */
export function histogram(data: Uint8Array): Uint32Array {
  const h0 = new Uint32Array(256);
  const h1 = new Uint32Array(256);
  const h2 = new Uint32Array(256);
  const h3 = new Uint32Array(256);
  const n = data.length;
  const end = n & ~3;
  for (let i = 0; i < end; i += 4) {
    h0[data[i]!]!++;
    h1[data[i + 1]!]!++;
    h2[data[i + 2]!]!++;
    h3[data[i + 3]!]!++;
  }
  for (let i = end; i < n; i++) h0[data[i]!]!++;
  for (let v = 0; v < 256; v++) h0[v]! += h1[v]! + h2[v]! + h3[v]!;
  return h0;
}

/** Ends a pipeline with single-channel raw output (sharp otherwise widens 1-channel input to sRGB). */
export function gray(s: Sharp): Sharp {
  return s.toColourspace('b-w').raw();
}

function checkOneChannel(channels: number): void {
  if (channels !== 1) throw new Error(`expected a 1-channel image, got ${channels}`);
}

/** A horizontal band of a page: rows [top, bottom); `paragraphBefore` when the gap above it is wide. */
export interface Band {
  top: number;
  bottom: number;
  paragraphBefore: boolean;
}

/**
 * Row ranges that split the `box` of an upright page into up to `count` bands of similar ink, cutting only
 * through blank gaps between text lines (never through a line). Rows are relative to the box's top.
 */
export function bandsOf(box: Box, bin: Binarised, count: number): Band[] {
  const height = box.y1 - box.y0;
  const whole: Band[] = [{ top: 0, bottom: height, paragraphBefore: false }];
  if (count < 2) return whole;
  // The box in the binarised copy's pixels.
  const bx0 = Math.floor(box.x0 * bin.scale);
  const bx1 = Math.min(bin.width, Math.ceil(box.x1 * bin.scale));
  const by0 = Math.floor(box.y0 * bin.scale);
  const rowsHigh = Math.min(bin.height, Math.ceil(box.y1 * bin.scale)) - by0;
  const rows = inkRows(bin, { x0: bx0, y0: by0, x1: bx1, y1: by0 + Math.max(0, rowsHigh) });
  const total = rows.reduce((a, v) => a + v, 0);
  if (total === 0) return whole;
  // Blank rows: (almost) no ink. Gaps: runs of at least 2 blank rows of the copy (4-5 px of the page).
  const blank = Math.max(1, (bx1 - bx0) * 0.002);
  const gaps: { mid: number; inkAbove: number; size: number }[] = [];
  let acc = 0;
  let y = 0;
  while (y < rows.length) {
    if (rows[y]! > blank) {
      acc += rows[y]!;
      y++;
      continue;
    }
    const start = y;
    while (y < rows.length && rows[y]! <= blank) y++;
    if (y - start >= 2 && start > 0 && y < rows.length) gaps.push({ mid: (start + y) / 2, inkAbove: acc, size: y - start });
  }
  const cuts: { mid: number; size: number }[] = [];
  for (let k = 1; k < count; k++) {
    const target = (total * k) / count;
    let best: (typeof gaps)[number] | undefined;
    for (const g of gaps) {
      if (cuts.length > 0 && g.mid <= cuts[cuts.length - 1]!.mid) continue;
      if (!best || Math.abs(g.inkAbove - target) < Math.abs(best.inkAbove - target)) best = g;
    }
    // A band with less than ~10% of the ink is not worth a worker.
    if (best && best.inkAbove > total * 0.1 && best.inkAbove < total * 0.9) cuts.push(best);
  }
  if (cuts.length === 0) return whole;
  // Gaps between lines of one paragraph are the common size; a clearly wider gap is a paragraph break.
  const sizes = gaps.map((g) => g.size).sort((a, b) => a - b);
  const lineGap = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const out: Band[] = [];
  let top = 0;
  let paragraphBefore = false;
  for (const c of cuts) {
    const row = Math.min(height, Math.max(0, Math.round((by0 + c.mid) / bin.scale) - box.y0));
    if (row > top) out.push({ top, bottom: row, paragraphBefore });
    top = row;
    paragraphBefore = c.size > lineGap * 1.6;
  }
  out.push({ top, bottom: height, paragraphBefore });
  return out;
}

/** Ink pixels in each row of `box` (default: all) of a binarised copy. */
export function inkRows(bin: GrayImage, box: Box = { x0: 0, y0: 0, x1: bin.width, y1: bin.height }): Float64Array {
  const rows = new Float64Array(box.y1 - box.y0);
  for (let y = 0; y < rows.length; y++) {
    let c = 0;
    const off = (box.y0 + y) * bin.width;
    for (let x = box.x0; x < box.x1; x++) if (bin.data[off + x]! < 128) c++;
    rows[y] = c;
  }
  return rows;
}

/** A rectangle of an image: columns [x0, x1), rows [y0, y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The part of an upright page that holds ink, plus `margin` pixels, from its binarised copy: rows and
 * columns with at least two ink pixels there (so lone specks of noise do not widen it). The whole page
 * when it finds no ink. OCR of the box reads the same text as the page with less to binarise and lay out.
 */
export function inkBox(img: GrayImage, bin: Binarised, margin: number): Box {
  const whole = { x0: 0, y0: 0, x1: img.width, y1: img.height };
  const rows = new Uint32Array(bin.height);
  const cols = new Uint32Array(bin.width);
  for (let y = 0; y < bin.height; y++) {
    for (let x = 0; x < bin.width; x++) {
      if (bin.data[y * bin.width + x]! < 128) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const first = (a: Uint32Array) => a.findIndex((v) => v >= 2);
  const last = (a: Uint32Array) => a.length - 1 - [...a].reverse().findIndex((v) => v >= 2);
  const y0 = first(rows);
  const x0 = first(cols);
  if (y0 < 0 || x0 < 0) return whole;
  const px = (v: number) => v / bin.scale;
  return {
    x0: Math.max(0, Math.floor(px(x0) - margin)),
    y0: Math.max(0, Math.floor(px(y0) - margin)),
    x1: Math.min(img.width, Math.ceil(px(last(cols) + 1) + margin)),
    y1: Math.min(img.height, Math.ceil(px(last(rows) + 1) + margin)),
  };
}

/** Copies a box out of an image (rows are contiguous, so this is one copy per row). */
export function crop(img: GrayImage, box: Box): GrayImage {
  if (box.x0 === 0 && box.y0 === 0 && box.x1 === img.width && box.y1 === img.height) return img;
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) img.data.copy(data, y * width, (box.y0 + y) * img.width + box.x0, (box.y0 + y) * img.width + box.x1);
  return { data, width, height };
}

/** Encodes a gray image as binary PGM: tesseract reads it without any decompression. */
export function toPgm(img: GrayImage, top = 0, bottom = img.height): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${bottom - top}\n255\n`, 'latin1');
  return Buffer.concat([header, img.data.subarray(top * img.width, bottom * img.width)]);
}
