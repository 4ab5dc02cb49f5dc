import { describe, expect, it } from 'vitest';
import { decodeText, splitTextPages } from './text.js';

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFKi-67: 20%', 'utf8'))).toBe('Ki-67: 20%');
  });
  it('keeps UTF-8 characters', () => {
    expect(decodeText(Buffer.from('Größe 2,4 cm — ER ≥ 95%', 'utf8'))).toBe('Größe 2,4 cm — ER ≥ 95%');
  });
  it('reads UTF-16 LE with BOM', () => {
    const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('HER2 2+ équivoque', 'utf16le')]);
    expect(decodeText(b)).toBe('HER2 2+ équivoque');
  });
  it('reads UTF-16 BE with BOM', () => {
    const le = Buffer.from('pT2 pN1a', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('pT2 pN1a');
  });
  it('reads UTF-16 LE without BOM', () => {
    expect(decodeText(Buffer.from('Nottingham grade 2', 'utf16le'))).toBe('Nottingham grade 2');
  });
  it('falls back to windows-1252 for invalid UTF-8', () => {
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80]))).toBe('café – €');
  });
});

describe('splitTextPages', () => {
  it('splits on form feed', () => {
    expect(splitTextPages('page one\fpage two')).toEqual(['page one', 'page two']);
  });
  it('drops a trailing empty page', () => {
    expect(splitTextPages('only page\n\f\n')).toEqual(['only page\n']);
  });
  it('normalises CRLF', () => {
    expect(splitTextPages('a\r\nb\rc')).toEqual(['a\nb\nc']);
  });
});
