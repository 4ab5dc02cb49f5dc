import { describe, expect, it } from 'vitest';
import { findingsOf, summaryOf, valueOf } from './test-helpers.js';

describe('HER2 IHC score', () => {
  it('reads "HER2: 3+"', () => expect(summaryOf('HER2: 3+').her2.ihc).toBe('3+'));
  it('reads "HER-2/neu: score 2+ (equivocal)"', () => expect(summaryOf('HER-2/neu: score 2+ (equivocal)').her2.ihc).toBe('2+'));
  it('reads "c-erbB-2 oncoprotein: +2"', () => expect(summaryOf('c-erbB-2 oncoprotein: score +2').her2.ihc).toBe('2+'));
  it('reads "Her 2 ... 1+"', () => expect(summaryOf('Her 2 immunostain: negative (1+)').her2.ihc).toBe('1+'));
  it('reads "was 1 on a scale of 0-3"', () => expect(summaryOf('HER2/neu oncoprotein. The staining intensity of this carcinoma was 1 on a scale of 0-3.').her2.ihc).toBe('1+'));
  it('reads "score 0" before a full stop', () => expect(summaryOf('HER2: Negative, score 0.').her2.ihc).toBe('0'));
  it('tolerates OCR "l+" for 1+', () => expect(summaryOf('HER2: l+').her2.ihc).toBe('1+'));
  it('reads the explicit score after the word ("EQUIVOCAL, score 2+") at full confidence', () => {
    const ihc = findingsOf('HER2 (immunohistochemistry): EQUIVOCAL, score 2+', 'her2_ihc');
    expect(ihc.map((x) => [x.value, x.confidence])).toEqual([['2+', 0.95]]);
  });
  it('reads "HER2 (FISH, reflex): NOT AMPLIFIED"', () => expect(summaryOf('HER2 (FISH, reflex): NOT AMPLIFIED; HER2/CEP17 ratio 1.3').her2.ish).toBe('not_amplified'));
  it('does not read a result across a section heading ("HER2 scored per ...\nCOMMENT\n... receptor positive")', () =>
    expect(findingsOf('HER2 scored per ASCO/CAP 2023 guideline.\nCOMMENT\nThe carcinoma is hormone receptor positive.', 'her2_status')).toEqual([]));
  it('reads a value on the line after the name even when the name line ends in a heading-like word', () =>
    expect(summaryOf('HER2 (4B5) immunohistochemistry\nResult\n3+').her2.ihc).toBe('3+'));
  it('reads "HER2 by IHC: positive" as 3+', () => expect(summaryOf('HER 2 NEU by IHC: POSITIVE.').her2.ihc).toBe('3+'));
  it('does not read the scale "0 to 3+" as a score', () => expect(summaryOf('HER2 staining is interpreted on a scale of 0 to 3+.').her2.ihc).toBeNull());
  it('ignores a score legend', () => expect(summaryOf('HER2/neu: 0,1=NEGATIVE FOR OVEREXPRESSION, 2=INDETERMINATE, 3=POSITIVE').her2.ihc).toBeNull());
  it('does not read a positive from the next paragraph', () =>
    expect(findingsOf('HER2 scored per ASCO/CAP 2023 guideline.\n\nCOMMENT\nThe carcinoma is hormone receptor positive.', 'her2_status')).toEqual([]));
  it('reads a value set after a blank line', () => expect(summaryOf('HER2/neu:\n\n3+').her2.ihc).toBe('3+'));
  it('ignores control cell lines', () => expect(summaryOf('Controls for HER2 are provided within a kit (score 0 MCF-7, score 3+ BT-474).').her2.ihc).toBeNull());
  it('ignores a legend sentence naming HER2', () => expect(summaryOf('Carcinomas with staining intensity scores of 3 are considered positive for over-expression of HER2/neu oncoprotein.').her2.status).toBeNull());
});

describe('HER2 ISH', () => {
  it('reads "HER2 FISH: not amplified"', () => expect(summaryOf('HER2 FISH: not amplified').her2.ish).toBe('not_amplified'));
  it('reads "HER2: Positive by FISH"', () => expect(summaryOf('HER2: Positive by FISH').her2.ish).toBe('amplified'));
  it('reads "no amplification of the HER-2/neu gene"', () => expect(summaryOf('The tumor cells demonstrated no amplification of the HER-2/neu gene copy levels.').her2.ish).toBe('not_amplified'));
  it('reads "HER-2 gene AMPLIFICATION NOT FOUND"', () => expect(summaryOf('HER-2 gene AMPLIFICATION NOT FOUND').her2.ish).toBe('not_amplified'));
  it('reads the HER2/CEP17 ratio', () => expect(valueOf('HER2 ISH: amplified; HER2/CEP17 ratio 2.9, average HER2 copy number 6.8.', 'her2_ratio')).toBe(2.9));
  it('reads the mean copy number', () => expect(valueOf('HER2 ISH: amplified; HER2/CEP17 ratio 2.9, average HER2 copy number 6.8.', 'her2_copy_number')).toBe(6.8));
  it('reads the ASCO/CAP ISH group', () => expect(valueOf('HER2 dual ISH: not amplified (ASCO/CAP group 5).', 'her2_ish_group')).toBe('5'));
  it('derives not amplified from a ratio alone (group 5)', () => expect(summaryOf('HER2/CEP17 ratio: 1.2').her2.ish).toBe('not_amplified'));
  it('ignores the ratio threshold legend', () => expect(summaryOf('HER2 gene status is reported as non-amplified (HER2/Chr17 < 2.0) or amplified (HER2/Chr17 >= 2.0).').her2.ish).toBeNull());
});

describe('HER2 status and category (ASCO/CAP 2023)', () => {
  it('IHC 3+ is positive', () => expect(summaryOf('HER2: 3+').her2.category).toBe('positive'));
  it('IHC 2+ with ISH amplified is positive', () => expect(summaryOf('HER2 IHC: 2+. HER2 FISH: amplified.').her2.status).toBe('positive'));
  it('IHC 2+ with ISH not amplified is HER2-low', () => expect(summaryOf('HER2 IHC: 2+. HER2 FISH: not amplified.').her2.category).toBe('low'));
  it('IHC 2+ without ISH is equivocal', () => expect(summaryOf('HER2 IHC: 2+.').her2.status).toBe('equivocal'));
  it('IHC 1+ is HER2-low', () => expect(summaryOf('HER2: 1+').her2.category).toBe('low'));
  it('IHC 0 is zero', () => expect(summaryOf('HER2: 0').her2.category).toBe('zero'));
  it('IHC 0 with faint membrane staining is ultralow', () => expect(summaryOf('HER2: 0 with membrane staining (faint, incomplete, 5% of cells)').her2.category).toBe('ultralow'));
  it('ultralow keeps the IHC score 0', () => expect(summaryOf('HER2: 0 with membrane staining (faint, incomplete, 5% of cells)').her2.ihc).toBe('0'));
  it('an explicit status without score is kept', () => expect(summaryOf('HER2/neu: negative').her2.status).toBe('negative'));
});

describe('HER2 phrasing classes', () => {
  it('reads "HER2 IHC - equivocal" as 2+ (ASCO/CAP: equivocal IHC is 2+)', () => expect(summaryOf('HER2 IHC\n-\nEQUIVOCAL').her2.ihc).toBe('2+'));
  it('reads "HER2 by immunohistochemistry: positive" as 3+', () => expect(summaryOf('HER2 by immunohistochemistry: positive').her2.ihc).toBe('3+'));
  it('"Her2/neu: 1+ negative" reads 1+', () => expect(summaryOf('Her2/neu: 1+ negative').her2.ihc).toBe('1+'));
  it('"HER2 (score 2+)" reads 2+', () => expect(summaryOf('HER2 (score 2+), FISH to follow.').her2.ihc).toBe('2+'));
  it('reads c-erbB-2', () => expect(summaryOf('c-erbB-2: 3+').her2.ihc).toBe('3+'));
  it('"zero or 1+" gives no single score', () => expect(summaryOf('HER2/NEU: zero or 1+').her2.ihc).toBeNull());
  it('"zero or 1+" is negative', () => expect(summaryOf('HER2/NEU: zero or 1+').her2.status).toBe('negative'));
  it('"0-1+" gives no single score', () => expect(summaryOf('HER2: negative (0-1+)').her2.ihc).toBeNull());
  it('"amplification by FISH" is amplified', () => expect(summaryOf('The core showed HER2 at 2+ and amplification by FISH.').her2.ish).toBe('amplified'));
  it('"no amplification by FISH" is not amplified', () => expect(summaryOf('HER2 2+ with no amplification by FISH.').her2.ish).toBe('not_amplified'));
  it('"Controls are satisfactory" does not end the result window', () => expect(summaryOf('HER2/NEU (HERCEPTEST):\nCONTROLS ARE SATISFACTORY.\nNEGATIVE (STAINING INTENSITY OF 0).').her2.ihc).toBe('0'));
  it('a control legend still ends it', () => expect(summaryOf('HER2: controls for HER2 are provided within a kit (score 3+ BT-474).').her2.ihc).toBeNull());
});

describe('OCR damage in the HER2 name', () => {
  it('reads "HER?2 IHC: 3+"', () => expect(summaryOf('HER?2 IHC (4B5): 3+ (positive)').her2.ihc).toBe('3+'));
});
