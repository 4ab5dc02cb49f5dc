import { describe, expect, it } from 'vitest';
import { ALLRED_STATUS, band, her2Row, ishFromNumbers, RECEPTOR_STATUS_BY_PERCENT } from './index.js';

describe('HER2 (ASCO/CAP 2023)', () => {
  it('IHC 3+ is positive', () => expect(her2Row('3+', null)?.category).toBe('positive'));
  it('IHC 2+ with ISH not amplified is HER2-low', () => expect(her2Row('2+', 'not_amplified')?.category).toBe('low'));
  it('IHC 2+ without ISH is equivocal with no category', () => expect(her2Row('2+', null)).toMatchObject({ status: 'equivocal', category: null }));
  it('IHC 1+ is HER2-low', () => expect(her2Row('1+', null)?.category).toBe('low'));
  it('IHC 0 with faint staining is ultralow', () => expect(her2Row('ultralow', null)?.category).toBe('ultralow'));
  it('IHC 0 is zero', () => expect(her2Row('0', null)?.category).toBe('zero'));
  it('amplification decides over IHC 1+', () => expect(her2Row('1+', 'amplified')?.status).toBe('positive'));
  it('ISH not amplified alone gives no category', () => expect(her2Row(null, 'not_amplified')).toMatchObject({ status: 'negative', category: null }));
  it('nothing gives nothing', () => expect(her2Row(null, null)).toBeNull());
});

describe('HER2 ISH from numbers', () => {
  it('ratio 2.5 with 5 copies is group 1', () => expect(ishFromNumbers(2.5, 5)?.group).toBe('1'));
  it('ratio 1.3 with 2.9 copies is group 5', () => expect(ishFromNumbers(1.3, 2.9)?.ish).toBe('not_amplified'));
  it('ratio 2.2 with 3.5 copies (group 2) is left to the work-up', () => expect(ishFromNumbers(2.2, 3.5)).toBeNull());
});

describe('ER/PR (ASCO/CAP 2020)', () => {
  it('0% is negative', () => expect(band(RECEPTOR_STATUS_BY_PERCENT.bands, 0)).toBe('negative'));
  it('5% is low positive', () => expect(band(RECEPTOR_STATUS_BY_PERCENT.bands, 5)).toBe('low_positive'));
  it('10% is still low positive', () => expect(band(RECEPTOR_STATUS_BY_PERCENT.bands, 10)).toBe('low_positive'));
  it('11% is positive', () => expect(band(RECEPTOR_STATUS_BY_PERCENT.bands, 11)).toBe('positive'));
  it('Allred 3 is positive', () => expect(band(ALLRED_STATUS.bands, 3)).toBe('positive'));
});
