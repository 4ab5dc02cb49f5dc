import sharp, { type Metadata } from 'sharp';
import { ReadError } from './errors.js';
import { OCR_DPI, PAGE_LONG_INCHES } from './resolution.js';
import { type GrayImage, stretchContrast } from './geometry.js';

export interface ImageInfo {
  pages: number;
  width: number;
  height: number;
  density: number | undefined;
  format: string;
  /** Bands as stored (4 for CMYK or with alpha). */
  channels: number;
  /** EXIF orientation (1 = as stored). */
  orientation: number;
  /** EXIF orientation 5..8 means the stored image is sideways. */
  sideways: boolean;
}

/** Long side of a letter/A4 page at the OCR resolution, for images that carry no trustworthy dpi. */
const TARGET_LONG_SIDE = PAGE_LONG_INCHES * OCR_DPI;
const MAX_UPSCALE = 3;

function sharpError(err: unknown): ReadError {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return new ReadError('image_too_large', 'Image exceeds the pixel limit');
  return new ReadError('corrupt_file', `Image could not be decoded: ${message.split('\n')[0]}`);
}

/** Reads the header only (no decoding) and applies the pixel and page limits. */
export async function inspectImage(bytes: Uint8Array, maxPixels: number, maxPages: number): Promise<ImageInfo> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch (err) {
    throw sharpError(err);
  }
  const pages = meta.pages ?? 1;
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (pages < 1 || width < 1 || height < 1) throw new ReadError('no_pages', 'Image has no pages');
  if (pages > maxPages) throw new ReadError('too_many_pages', `Image has ${pages} pages (limit ${maxPages})`);
  if (width * height > maxPixels) throw new ReadError('image_too_large', 'Image exceeds the pixel limit');
  return {
    pages,
    width,
    height,
    density: meta.density,
    format: meta.format ?? 'unknown',
    channels: meta.channels ?? 0,
    orientation: meta.orientation ?? 1,
    sideways: (meta.orientation ?? 1) >= 5,
  };
}

/**
 * Decodes one page of an image for OCR: EXIF orientation, grayscale, contrast stretch, and a scale
 * that puts a full page at roughly OCR_DPI. `rotate` adds a quarter-turn correction (0/90/180/270).
 */
export async function decodeImagePage(
  bytes: Uint8Array,
  page: number,
  info: ImageInfo,
  maxPixels: number,
  opts: { rotate?: number; longSide?: number } = {},
): Promise<GrayImage> {
  try {
    const longSide = Math.max(info.width, info.height);
    let scale: number;
    if (opts.longSide) {
      scale = opts.longSide / longSide;
    } else if (info.density && info.density >= 100 && info.density <= 1200 && info.format !== 'jpeg') {
      scale = OCR_DPI / info.density; // scans and faxes carry a trustworthy resolution
    } else {
      // Phone photos and JPEG scans: their dpi field is a default, so the page size is the guide. A page
      // well above the target is brought down to it (fewer pixels for every step after); one a little
      // short of it is left alone, as upscaling adds no detail.
      scale = longSide < TARGET_LONG_SIDE * 0.8 || longSide > TARGET_LONG_SIDE * 1.1 ? TARGET_LONG_SIDE / longSide : 1;
    }
    scale = Math.min(scale, MAX_UPSCALE);
    const swap = info.sideways !== (opts.rotate === 90 || opts.rotate === 270);
    const width = Math.max(1, Math.round((swap ? info.height : info.width) * scale));
    let img = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated', page, pages: 1 }).autoOrient();
    if (opts.rotate) img = img.rotate(opts.rotate);
    img = img.flatten({ background: '#ffffff' });
    // Resized in the decoding pipeline (one pass through sharp), luma after: both are linear, so the order
    // does not change the result, and luma then runs on the smaller image.
    if (Math.abs(scale - 1) > 0.01) {
      img = img.resize({ width, kernel: 'lanczos3' });
      // Upscaled low-resolution scans (150-200 dpi faxes, 1-bit) keep jagged stair-step edges; a light
      // blur lets tesseract see strokes (fax fixture: "11B" -> "IIB", 99.2% -> 99.4% characters).
      if (scale >= 1.3) img = img.blur(Math.min(1.5, 0.8 * scale));
    }
    const decoded = await img.raw().toBuffer({ resolveWithObject: true });
    const gray8 = luminance(decoded.data, decoded.info.width, decoded.info.height, decoded.info.channels);
    // Contrast stretch; the dark end at the 0.1th percentile because a short report covers well under 1%
    // of the page with ink (at 1% a noisy page would be stretched into salt and pepper).
    return stretchContrast(gray8, 0.1, 99);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw sharpError(err);
  }
}

/**
 * Gray levels from decoded pixels (1-4 channels, alpha already flattened away), Rec. 601 luma in integer
 * arithmetic. Done here because sharp's greyscale() converts through a float colour space and costs
 * three times the JPEG decode itself.
 */
export function luminance(data: Buffer, width: number, height: number, channels: number): GrayImage {
  if (channels < 3) {
    if (channels === 1) return { data, width, height };
    const out = Buffer.allocUnsafe(width * height);
    for (let i = 0, j = 0; i < out.length; i++, j += channels) out[i] = data[j]!;
    return { data: out, width, height };
  }
  // Weights 0.299, 0.587, 0.114 in 16-bit fixed point (they sum to 65536), rounded.
  const R = 19595;
  const G = 38470;
  const B = 7471;
  const n = width * height;
  const out = Buffer.allocUnsafe(n);
  let i = 0;
  if (channels === 3 && data.byteOffset % 4 === 0 && out.byteOffset % 4 === 0) {
    // Four pixels (three 32-bit words) in, one word out: a third faster than byte by byte.
    const quads = n >>> 2;
    const src = new Uint32Array(data.buffer, data.byteOffset, quads * 3);
    const dst = new Uint32Array(out.buffer, out.byteOffset, quads);
    for (let q = 0, k = 0; q < quads; q++, k += 3) {
      const a = src[k]!;
      const b = src[k + 1]!;
      const c = src[k + 2]!;
      const p0 = ((a & 255) * R + ((a >>> 8) & 255) * G + ((a >>> 16) & 255) * B + 32768) >>> 16;
      const p1 = ((a >>> 24) * R + (b & 255) * G + ((b >>> 8) & 255) * B + 32768) >>> 16;
      const p2 = (((b >>> 16) & 255) * R + (b >>> 24) * G + (c & 255) * B + 32768) >>> 16;
      const p3 = (((c >>> 8) & 255) * R + ((c >>> 16) & 255) * G + (c >>> 24) * B + 32768) >>> 16;
      dst[q] = p0 | (p1 << 8) | (p2 << 16) | (p3 << 24);
    }
    i = quads * 4;
  }
  for (let j = i * channels; i < n; i++, j += channels) out[i] = (data[j]! * R + data[j + 1]! * G + data[j + 2]! * B + 32768) >>> 16;
  return { data: out, width, height };
}
