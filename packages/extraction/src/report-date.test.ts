import { describe, expect, it } from 'vitest';
import { reportDate } from './report-date.js';

const date = (text: string) => reportDate({ pages: [text] })?.value ?? null;

describe('report date', () => {
  it('reads an ISO procedure date', () => expect(date('Date of procedure: 2025-01-14')).toBe('2025-01-14'));
  it('reads a US numeric collection date', () => expect(date('Collected: 3/7/2024 10:15')).toBe('2024-03-07'));
  it('reads a two-digit year', () => expect(date('Date received: 12/01/19')).toBe('2019-12-01'));
  it('reads a written month', () => expect(date('Signed out on January 9, 2023 by')).toBe('2023-01-09'));
  it('prefers the collection date over a later sign-out', () =>
    expect(date('Signed out: 2025-03-01\nDate of collection: 2025-02-20')).toBe('2025-02-20'));
  it('reads the date of an electronic signature', () => expect(date('Electronically signed by Dr. R. Fictive, MD on 02/12/2026 16:40')).toBe('2026-02-12'));
  it('refuses an impossible date', () => expect(date('Date of procedure: 2025-02-31')).toBeNull());
  it('gives null when no date is labelled', () => expect(date('Invasive ductal carcinoma, 2.1 cm')).toBeNull());
  it('keeps exact evidence offsets', () => {
    const text = 'Header\nDate of report: 2025-05-09\n';
    const r = reportDate({ pages: [text] })!;
    expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
  });
});
