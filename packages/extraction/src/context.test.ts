import { describe, expect, it } from 'vitest';
import { contextOf, findingOf, summaryOf } from './test-helpers.js';

describe('context cues', () => {
  it('"No invasive ductal carcinoma" is negated', () => expect(contextOf('No invasive ductal carcinoma is identified.', 'histology')).toBe('negated'));
  it('"negative for invasive lobular carcinoma" is negated', () => expect(contextOf('Negative for invasive lobular carcinoma.', 'histology')).toBe('negated'));
  it('negation does not spill over a sentence', () => expect(summaryOf('No DCIS is seen. Invasive lobular carcinoma is present.').histology).toBe('invasive lobular carcinoma'));
  it('"cannot be excluded" is uncertain', () => expect(contextOf('Invasive lobular carcinoma cannot be excluded.', 'histology')).toBe('uncertain'));
  it('"pending" marks a result pending', () => expect(contextOf('HER2 FISH: pending', 'her2_ish')).toBe(null));
  it('"ER: positive, HER2 FISH pending" keeps ER affirmed', () => expect(contextOf('ER: positive; HER2 FISH pending', 'er_status')).toBe('affirmed'));
  it('a result from the previous core biopsy of this tumour is affirmed', () => expect(contextOf('The previous core biopsy was reported as ER positive (95%).', 'er_status')).toBe('affirmed'));
  it('a result from the previous core biopsy is marked priorSpecimen', () => expect(findingOf('The previous core biopsy was reported as ER positive (95%).', 'er_status')?.priorSpecimen).toBe(true));
  it('a prior-specimen clause covers every result of its sentence', () => expect(contextOf('The previous core biopsy was reported as ER positive, PR positive and HER2 negative (1+).', 'her2_ihc')).toBe('affirmed'));
  it('a prior-specimen result feeds the summary', () => expect(summaryOf('ER/PR/HER2 were performed on the prior core biopsy (S24-1001) and showed ER positive (90%).').er.status).toBe('positive'));
  it('the current specimen outranks a prior specimen', () => expect(summaryOf('ER: negative (0%).\nThe outside core biopsy was reported as ER positive (5%).').er.status).toBe('negative'));
  it('a history of a previous cancer is historical', () => expect(contextOf('History of right breast carcinoma in 2009, ER positive.', 'er_status')).toBe('historical'));
  it('a previous carcinoma stays historical even if it was a biopsy', () => expect(contextOf('Prior left breast carcinoma diagnosed on core biopsy, ER positive.', 'er_status')).toBe('historical'));
  it('"previously" alone is historical', () => expect(contextOf('ER was previously positive.', 'er_status')).toBe('historical'));
  it('historical results do not feed the summary', () => expect(summaryOf('History of breast cancer in 2009, ER positive.').er.status).toBeNull());
  it('a clinical-history quote of a diagnosis stays historical', () => expect(contextOf('Clinical history: core biopsy showed invasive ductal carcinoma.', 'histology')).toBe('historical'));
  it('a pre-operative diagnosis is historical', () => expect(contextOf('PRE-OP DIAGNOSIS: invasive ductal carcinoma', 'histology')).toBe('historical'));
  it('"negative" is a value for a test result, not a negation', () => expect(contextOf('HER2: negative (1+)', 'her2_ihc')).toBe('affirmed'));
});
