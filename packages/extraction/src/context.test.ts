import { describe, expect, it } from 'vitest';
import { contextOf, summaryOf } from './test-helpers.js';

describe('context cues', () => {
  it('"No invasive ductal carcinoma" is negated', () => expect(contextOf('No invasive ductal carcinoma is identified.', 'histology')).toBe('negated'));
  it('"negative for invasive lobular carcinoma" is negated', () => expect(contextOf('Negative for invasive lobular carcinoma.', 'histology')).toBe('negated'));
  it('negation does not spill over a sentence', () => expect(summaryOf('No DCIS is seen. Invasive lobular carcinoma is present.').histology).toBe('invasive lobular carcinoma'));
  it('"cannot be excluded" is uncertain', () => expect(contextOf('Invasive lobular carcinoma cannot be excluded.', 'histology')).toBe('uncertain'));
  it('"pending" marks a result pending', () => expect(contextOf('HER2 FISH: pending', 'her2_ish')).toBe(null));
  it('"ER: positive, HER2 FISH pending" keeps ER affirmed', () => expect(contextOf('ER: positive; HER2 FISH pending', 'er_status')).toBe('affirmed'));
  it('a previous biopsy quote is historical', () => expect(contextOf('The previous core biopsy was reported as ER positive (95%).', 'er_status')).toBe('historical'));
  it('history covers every result of its sentence', () => expect(contextOf('The previous core biopsy was reported as ER positive, PR positive and HER2 negative (1+).', 'her2_ihc')).toBe('historical'));
  it('historical results do not feed the summary', () => expect(summaryOf('The previous core biopsy was reported as ER positive (95%).').er.status).toBeNull());
  it('a pre-operative diagnosis is historical', () => expect(contextOf('PRE-OP DIAGNOSIS: invasive ductal carcinoma', 'histology')).toBe('historical'));
  it('"negative" is a value for a test result, not a negation', () => expect(contextOf('HER2: negative (1+)', 'her2_ihc')).toBe('affirmed'));
});
