import { describe, expect, it } from 'vitest';
import { summaryOf, valueOf } from './test-helpers.js';

describe('ER / PR', () => {
  it('reads "ER: Positive (95%)"', () => expect(summaryOf('ER: Positive (95%)').er).toEqual({ status: 'positive', percent: 95 }));
  it('reads "Estrogen receptor (ER): Positive, 80% of tumor cells"', () => expect(summaryOf('Estrogen receptor (ER): Positive, 80% of tumor cells').er.percent).toBe(80));
  it('keeps negation on ER in "ER negative, PR positive"', () => expect(summaryOf('ER negative, PR positive.').er.status).toBe('negative'));
  it('keeps PR positive in "ER negative, PR positive"', () => expect(summaryOf('ER negative, PR positive.').pr.status).toBe('positive'));
  it('reports 1-10% as low positive (ASCO/CAP 2020)', () => expect(summaryOf('ER: positive, 5%').er.status).toBe('low_positive'));
  it('reads "<1%" as 0 percent and negative', () => expect(summaryOf('PR: <1%').pr).toEqual({ status: 'negative', percent: 0 }));
  it('takes the upper bound of a range', () => expect(summaryOf('ER: positive, 71-80%').er.percent).toBe(80));
  it('reads "positive for estrogen and progesterone receptors"', () => expect(summaryOf('The tumor is positive for estrogen and progesterone receptors.').pr.status).toBe('positive'));
  it('reads "The test for estrogen receptors is negative"', () => expect(summaryOf('The test for estrogen receptors is negative. There is no nuclear staining in any tumor cells.').er.status).toBe('negative'));
  it('reads "no nuclear staining in 100%" as 0 percent', () => expect(summaryOf('The test for progesterone receptors is negative. There is no nuclear staining in 100% of tumor cells.').pr.percent).toBe(0));
  it('derives status from an Allred score', () => expect(summaryOf('Estrogen receptor: Allred score 7').er.status).toBe('positive'));
  it('reads the Allred score', () => expect(valueOf('Estrogen receptor: Allred score 7/8', 'er_allred')).toBe(7));
  it('reads intensity', () => expect(valueOf('PR: positive, 40%, moderate intensity', 'pr_intensity')).toBe('moderate'));
  it('tolerates OCR "POSlTIVE"', () => expect(summaryOf('ESTROGEN RECEPTOR: POSlTIVE (9O%)').er).toEqual({ status: 'positive', percent: 90 }));
  it('does not read the barcode suffix "-PR" as progesterone receptor', () => expect(summaryOf('TCGA-XX-0000-01A-PR\nNegative lymph nodes.').pr.status).toBeNull());
  it('ignores the interpretation legend', () => expect(summaryOf('Estrogen receptor and progesterone receptor: <1%=NEGATIVE, 1-10% WEAK POSITIVE, >10% POSITIVE').er.status).toBeNull());
  it('a blank form states nothing', () => expect(summaryOf('Estrogen receptors:\nProgesterone receptors:\nHer2/neu:\n').er.status).toBeNull());
  it('only a ticked checkbox is a value', () => expect(summaryOf('ER Status\n☐ Positive ☒ Negative').er.status).toBe('negative'));
  it('unticked checkboxes state nothing', () => expect(summaryOf('ER\n☐ Negative □ Positive').er.status).toBeNull());
  it('pairs a stacked OCR table line by line', () => expect(summaryOf('ESTROGEN RECEPTOR\nPROGESTERONE RECEPTOR\nPositive (85%)\nNegative (0%)\n').pr.status).toBe('negative'));
});
