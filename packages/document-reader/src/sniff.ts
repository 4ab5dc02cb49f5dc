import type { FailureCode } from '@onco/contract';

export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'text';

export type SniffResult = { ok: true; kind: DocumentKind; mime: string } | { ok: false; code: FailureCode };

const MIME: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  text: 'text/plain',
};

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Signatures we refuse outright: executables, archives/office files, other image formats we do not read. */
const REFUSED: readonly (readonly number[])[] = [
  ascii('MZ'), // DOS/Windows executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O fat binary / Java class
  ascii('#!'), // script
  [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08], // zip, docx, xlsx, jar
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: doc, xls, msg
  [0x52, 0x61, 0x72, 0x21], // rar
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x00, 0x61, 0x73, 0x6d], // wasm
  ascii('GIF8'),
  ascii('BM'),
  ascii('{\\rtf'),
];

/** Types a file by its bytes only. Anything that is not a PDF, PNG, JPEG, TIFF or plain text is refused. */
export function sniff(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, code: 'empty_file' };
  const ok = (kind: DocumentKind): SniffResult => ({ ok: true, kind, mime: MIME[kind] });

  for (const sig of REFUSED) if (startsWith(bytes, sig)) return { ok: false, code: 'unsupported_type' };
  if (startsWith(bytes, ascii('RIFF')) || startsWith(bytes, ascii('ftyp'), 4)) return { ok: false, code: 'unsupported_type' }; // webp, heic, mp4

  // Polyglots (a file that is two formats at once) are refused: each reader would see another document.
  if (hasZipEnd(bytes)) return { ok: false, code: 'unsupported_type' };
  // PDF: the header may be preceded by a little junk (the spec tolerates up to 1024 bytes).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const pdfAt = head.indexOf('%PDF-');
  const image = imageKind(bytes);
  if (image) return pdfAt >= 0 ? { ok: false, code: 'unsupported_type' } : ok(image);
  if (pdfAt === 0 || (pdfAt > 0 && !head.slice(0, pdfAt).includes('\0'))) return ok('pdf');

  if (looksLikeText(bytes)) {
    if (looksLikeMarkup(bytes)) return { ok: false, code: 'unsupported_type' };
    return ok('text');
  }
  return { ok: false, code: 'unsupported_type' };
}

function imageKind(bytes: Uint8Array): DocumentKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff'; // BigTIFF
  return null;
}

/**
 * A zip end-of-central-directory record in the last 64 KiB (where readers look for it): the file is
 * also a zip archive (docx, jar, or a zip appended to a PDF or image).
 */
function hasZipEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      // The comment length must reach exactly to the end of the file, as in a real archive.
      const commentLength = bytes[i + 20]! | (bytes[i + 21]! << 8);
      if (i + 22 + commentLength === bytes.length) return true;
    }
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return bytes.length % 2 === 0;
  if (utf16WithoutBom(bytes) !== null) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > sample.length * 0.01) return false;
  // Either valid UTF-8, or a single-byte encoding with mostly printable characters.
  if (isUtf8(sample, bytes.length > sample.length)) return true;
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  return high <= sample.length * 0.3;
}

function isUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/** Detects BOM-less UTF-16 text by its pattern of zero bytes (ASCII-range characters). */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return /^<(!doctype\s+html|html|head|body|script|svg|\?xml|iframe|meta)\b/.test(head);
}
