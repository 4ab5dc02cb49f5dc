import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.js';

const fixture = (p: string) => readFileSync(new URL(`../../../fixtures/${p}`, import.meta.url));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('sniff types files by their bytes', () => {
  it('a text PDF is pdf', () => {
    expect(sniff(fixture('samples/breast-report.pdf'))).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf' });
  });
  it('a scanned PDF is pdf', () => {
    expect(sniff(fixture('samples/breast-report-scanned.pdf'))).toMatchObject({ ok: true, kind: 'pdf' });
  });
  it('a phone photo is jpeg', () => {
    expect(sniff(fixture('samples/breast-report-photo.jpg'))).toEqual({ ok: true, kind: 'jpeg', mime: 'image/jpeg' });
  });
  it('a fax is tiff', () => {
    expect(sniff(fixture('samples/breast-report-fax.tif'))).toEqual({ ok: true, kind: 'tiff', mime: 'image/tiff' });
  });
  it('a PNG is png', () => {
    expect(sniff(fixture('hostile/blank.png'))).toEqual({ ok: true, kind: 'png', mime: 'image/png' });
  });
  it('a plain-text report is text', () => {
    expect(sniff(fixture('samples/breast-report.txt'))).toEqual({ ok: true, kind: 'text', mime: 'text/plain' });
  });
  it('UTF-16 LE text with BOM is text', () => {
    const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ER positive 95%', 'utf16le')]);
    expect(sniff(b)).toMatchObject({ ok: true, kind: 'text' });
  });
  it('windows-1252 text is text', () => {
    expect(sniff(Buffer.from('Tumor size 2.4 cm \xb1 0.1, caf\xe9', 'latin1'))).toMatchObject({ ok: true, kind: 'text' });
  });
  it('a PDF header after a little leading junk is still pdf', () => {
    expect(sniff(bytes('\r\n%PDF-1.4\n...'))).toMatchObject({ ok: true, kind: 'pdf' });
  });
});

describe('sniff refuses', () => {
  it('an empty file', () => {
    expect(sniff(fixture('hostile/empty.pdf'))).toEqual({ ok: false, code: 'empty_file' });
  });
  it('an ELF executable renamed .pdf', () => {
    expect(sniff(fixture('hostile/executable.pdf'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a Windows executable', () => {
    expect(sniff(bytes('MZ\x90\x00\x03\x00\x00\x00%PDF-1.4'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a Mach-O executable', () => {
    expect(sniff(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a shell script renamed .pdf', () => {
    expect(sniff(fixture('hostile/script.pdf'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a zip / docx', () => {
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('an old Office document', () => {
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('an HTML page', () => {
    expect(sniff(fixture('hostile/page.html'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('HTML behind a BOM and whitespace', () => {
    expect(sniff(bytes('\uFEFF  \n<html><body>x</body></html>'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('random binary junk', () => {
    expect(sniff(fixture('hostile/junk.bin'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a JPEG that carries a PDF header (polyglot)', () => {
    expect(sniff(readFileSync(new URL('../fixtures/hostile/polyglot-pdf-in-jpeg.jpg', import.meta.url)))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('a PDF with a zip archive appended (polyglot)', () => {
    expect(sniff(readFileSync(new URL('../fixtures/hostile/polyglot-zip-after-pdf.pdf', import.meta.url)))).toEqual({ ok: false, code: 'unsupported_type' });
  });
  it('the same PDF without the zip is a PDF', () => {
    expect(sniff(readFileSync(new URL('../fixtures/hostile/text-page.pdf', import.meta.url)))).toMatchObject({ ok: true, kind: 'pdf' });
  });
  it('a GIF', () => {
    expect(sniff(bytes('GIF89a\x01\x00\x01\x00'))).toEqual({ ok: false, code: 'unsupported_type' });
  });
});
