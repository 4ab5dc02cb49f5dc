import { describe, expect, it } from 'vitest';
import { summaryOf } from './test-helpers.js';

describe('checkbox forms', () => {
  it('reads "[X] Positive [ ] Negative"', () => expect(summaryOf('Estrogen receptor: [X] Positive [ ] Negative').er.status).toBe('positive'));
  it('reads "( ) Positive (x) Negative"', () => expect(summaryOf('Estrogen receptor: ( ) Positive (x) Negative').er.status).toBe('negative'));
  it('reads a bare X before an option', () => expect(summaryOf('Progesterone receptor: ___ Positive  X Negative').pr.status).toBe('negative'));
  it('reads a tick after the option', () => expect(summaryOf('Estrogen receptor: Positive [ ]  Negative [X]').er.status).toBe('negative'));
  it('reads "Positive: X"', () => expect(summaryOf('Progesterone receptor\nPositive: X\nNegative: ___').pr.status).toBe('positive'));
  it('reads an OCR tick "IX]"', () => expect(summaryOf('Estrogen receptor: [ ] Positive IX] Negative').er.status).toBe('negative'));
  it('reads an OCR tick "[XI"', () => expect(summaryOf('Estrogen receptor: [XI Positive [ ] Negative').er.status).toBe('positive'));
  it('reads an OCR tick "|X|"', () => expect(summaryOf('Estrogen receptor: | | Positive |X| Negative').er.status).toBe('negative'));
  it('reads the ticked HER2 score', () => expect(summaryOf('HER2: [ ] Negative (Score 0) [X] Negative (Score 1+) [ ] Equivocal (Score 2+)').her2.ihc).toBe('1+'));
  it('a form with no tick states nothing', () => expect(summaryOf('Estrogen receptor: [ ] Positive [ ] Negative').er.status).toBeNull());
});
