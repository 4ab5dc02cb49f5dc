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

describe('ER/PR phrasing classes', () => {
  it('reads "weakly positive" as low positive', () => expect(summaryOf('Estrogen receptor: weakly positive (5%)').er.status).toBe('low_positive'));
  it('any positive focus makes the tumour positive', () => expect(summaryOf('Focus 1: PR negative (0%).\nFocus 2: PR positive (40%).').pr.status).toBe('positive'));
  it('an addendum on another block adds, it does not replace, for ER/PR', () => expect(summaryOf('PR: positive (12%)\nADDENDUM\nBlock A5: PR: negative (0%)').pr.status).toBe('positive'));
  it('an amended report replaces the earlier result', () => expect(summaryOf('ER: positive (5%)\nAMENDED REPORT\nER: negative (0%)').er.status).toBe('negative'));
  it('an interpretation right after the measurement decides', () => expect(summaryOf('Staining is seen only rarely for estrogen receptor (3%). Therefore the estrogen receptor is interpreted as negative.').er.status).toBe('negative'));
  it('reads OCR "negativo" as negative', () => expect(summaryOf('PR: negativo').pr.status).toBe('negative'));
  it('a list of names shares only a value on its line', () => expect(summaryOf('Stains for ER, PR and HER2 were performed on\nblock A2: positive').pr.status).toBeNull());
  it('a list of names shares an adjacent value', () => expect(summaryOf('ER, PR and HER2: pending; ER and PR: positive').pr.status).toBe('positive'));
});

describe('flattened tables', () => {
  it('pairs names stacked under a header line with the values after them', () => expect(summaryOf('RECEPTOR STATUS AND HER2/NEU:\nEstrogen receptors:\nProgesterone receptors:\nHer2/neu:\nPOSITIVE (95%)\nNEGATIVE (0%)\n1+').pr.status).toBe('negative'));
  it('skips a short note between the names and the values', () => expect(summaryOf('Estrogen receptors:\nProgesterone receptors:\nBiomarkers performed on the core biopsy.\n95%\n80%').pr.percent).toBe(80));
  it('pairs nothing when a value line is missing', () => expect(summaryOf('ESTROGEN RECEPTOR\nPROGESTERONE RECEPTOR\nHER2\n90% nuclear staining\n(5% of tumour cells show membranous staining;\nUniformity of staining: absent').pr.percent).toBeNull());
});

describe('positivity cut-offs are not measurements', () => {
  it('reads 75%, not the "≥1 %" threshold', () =>
    expect(
      summaryOf(
        'This tumor is considered positive for estrogen receptor expression (≥1 % of the cells are positive). Approximately 75% of the carcinoma cell nuclei stain with an anti-estrogen receptor antibody.',
      ).er,
    ).toEqual({ status: 'positive', percent: 75 }));
});

describe('positivity cut-offs written out', () => {
  it('reads the quantitation, not "greater than or equal to 1%"', () =>
    expect(summaryOf('ESTROGEN RECEPTOR:\nImmunoreactive tumor cells present (greater than or equal to 1%)\nQuantitation: 75%, positive').er.percent).toBe(75));
  it('still reads "greater than 90%" as a measurement', () => expect(summaryOf('Estrogen receptor: positive in greater than 90% of cells').er.percent).toBe(90));
});
