// Real reports through the real extractor: every profile validates against the contract.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractReport } from '@onco/extraction';
import { profileOf, doc } from './test-helpers.js';

const DIR = fileURLToPath(new URL('../../../fixtures/reports/', import.meta.url));
const names = readdirSync(DIR).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4));

// Compared with the extractor's summary, not the gold labels: extraction accuracy is tested in
// @onco/extraction; here a one-report profile must read the findings the same way.
function load(name: string) {
  const { findings, summary: expected } = extractReport({ pages: readFileSync(`${DIR}${name}.txt`, 'utf8').split('\f') });
  return { profile: profileOf([doc('d', '2024-01-10', findings)]), expected };
}

describe.each(names)('%s', (name) => {
  const { profile, expected } = load(name);
  it('cancer type agrees with the summary', () => expect(profile.cancerType).toBe(expected.cancerType));
  it('HER2 status agrees with the summary', () => expect(profile.derived.her2Status?.value ?? null).toBe(expected.her2.status));
  it('ER status agrees with the summary', () => expect(profile.derived.erStatus?.value ?? null).toBe(expected.er.status));
  it('PR status agrees with the summary', () => expect(profile.derived.prStatus?.value ?? null).toBe(expected.pr.status));
  it('breast HER2 category agrees with the summary', () => {
    if (expected.cancerType === 'breast') expect(profile.derived.her2Category?.value ?? null).toBe(expected.her2.category);
  });
});

describe('corpus', () => {
  it('a single clean report rarely needs review (at most 1 in 10)', () => {
    const flagged = names.filter((n) => load(n).profile.reviewState === 'needs_review');
    expect(flagged.length).toBeLessThanOrEqual(Math.ceil(names.length / 10));
  });
});
