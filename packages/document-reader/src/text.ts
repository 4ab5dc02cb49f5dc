import { utf16WithoutBom } from './sniff.js';

/** Decodes a plain-text upload: UTF-8 (BOM stripped), UTF-16 LE/BE (BOM or zero-byte pattern), else windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decode(utf16, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80-0x9F become C1 controls), so the
// 32 characters where windows-1252 differs are mapped here. Undefined positions stay as C1 codes.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b));
    if (chunk.length === 8192) {
      out += chunk.join('');
      chunk.length = 0;
    }
  }
  return out + chunk.join('');
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Splits decoded text into pages on form feeds; normalises line endings; drops a trailing empty page. */
export function splitTextPages(text: string): string[] {
  const pages = text.replace(/\r\n?/g, '\n').split('\f');
  while (pages.length > 1 && (pages[pages.length - 1] ?? '').trim() === '') pages.pop();
  return pages;
}
