import { describe, expect, it } from 'vitest';
import { summaryOf, valueOf } from './test-helpers.js';

describe('histology', () => {
  it('normalizes "infiltrating duct carcinoma"', () => expect(summaryOf('Infiltrating duct carcinoma, grade 2').histology).toBe('invasive ductal carcinoma'));
  it('reads "invasive carcinoma of no special type"', () => expect(summaryOf('Invasive carcinoma of no special type (ductal)').histology).toBe('invasive ductal carcinoma'));
  it('reads mixed ductal and lobular', () => expect(summaryOf('Invasive mammary carcinoma with mixed ductal and lobular features').histology).toBe('mixed ductal and lobular carcinoma'));
  it('prefers invasive over in situ', () => expect(summaryOf('Ductal carcinoma in situ. Invasive lobular carcinoma, 1 cm.').histology).toBe('invasive lobular carcinoma'));
  it('reports DCIS when nothing invasive', () => expect(summaryOf('Ductal carcinoma in situ, high grade.').histology).toBe('ductal carcinoma in situ'));
  it('a labelled "Histologic type:" outweighs mentions', () => expect(summaryOf('Ductal carcinoma. Ductal carcinoma.\nHistologic type: Invasive lobular carcinoma').histology).toBe('invasive lobular carcinoma'));
  it('non-mucinous is not mucinous', () => expect(summaryOf('Invasive non-mucinous adenocarcinoma, acinar predominant').histology).toBe('invasive non-mucinous adenocarcinoma'));
});

describe('grade', () => {
  it('reads Nottingham grade', () => expect(summaryOf('Nottingham grade 2 (score 6/9)').grade).toBe('2'));
  it('ignores nuclear grade', () => expect(summaryOf('DCIS, nuclear grade 3').grade).toBeNull());
  it('reads "grade III/III"', () => expect(summaryOf('histologic grade III/III').grade).toBe('3'));
  it('reads the Nottingham score from components', () => expect(valueOf('tubules 3, nuclei 2, mitoses 1', 'nottingham_score')).toBe(6));
  it('derives the grade from the Nottingham score', () => expect(summaryOf('Total score 8/9.').grade).toBe('3'));
  it('reads the prostate Grade Group', () => expect(summaryOf('Gleason score 3+4=7 (Grade Group 2)').grade).toBe('Grade Group 2'));
});

describe('cancer type and laterality', () => {
  it('gastroesophageal junction', () => expect(summaryOf('Gastroesophageal junction, biopsy: adenocarcinoma').cancerType).toBe('gastroesophageal junction'));
  it('mesothelioma outweighs the lung', () => expect(summaryOf('Pleura and lung, resection: epithelioid mesothelioma').cancerType).toBe('mesothelioma'));
  it('reads laterality', () => expect(valueOf('Left breast, lumpectomy', 'laterality')).toBe('left'));
});

describe('OCR damage in grade', () => {
  it('reads "grade llI/Ill" as grade 3', () => expect(summaryOf('Infiltrating ductal carcinoma, histologic grade llI/Ill, measuring 6.2 cm.').grade).toBe('3'));
});

describe('OCR strokes in a grade numeral', () => {
  it('reads "grade IlI" as 3', () => expect(summaryOf('Infiltrating ductal carcinoma, histologic grade IlI/lll.').grade).toBe('3'));
  it('reads "grade I1l" as 3', () => expect(summaryOf('Infiltrating ductal carcinoma, histologic grade I1l/Ill.').grade).toBe('3'));
  it('still reads "grade 1"', () => expect(summaryOf('Invasive ductal carcinoma, Nottingham grade 1.').grade).toBe('1'));
});
