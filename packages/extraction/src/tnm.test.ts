import { describe, expect, it } from 'vitest';
import { summaryOf } from './test-helpers.js';

describe('TNM', () => {
  it('reads "pT2 pN1a M0"', () => expect(summaryOf('pT2 pN1a M0').tnm).toEqual({ prefix: 'p', t: 'T2', n: 'N1a', m: 'M0' }));
  it('reads the compact "pT1cN0MX"', () => expect(summaryOf('AJCC/UICC stage: pT1cN0MX.').tnm).toEqual({ prefix: 'p', t: 'T1c', n: 'N0', m: 'MX' }));
  it('keeps (i+) on N0', () => expect(summaryOf('pT1c pN0(i+)(sn)').tnm.n).toBe('N0(i+)'));
  it('drops (sn) and node counts', () => expect(summaryOf('pT2 pN0(sn) (0/3)').tnm.n).toBe('N0'));
  it('reads N1mi', () => expect(summaryOf('pT1b pN1mi').tnm.n).toBe('N1mi'));
  it('reads T1mi', () => expect(summaryOf('pT1mi pN0').tnm.t).toBe('T1mi'));
  it('reads the yp prefix', () => expect(summaryOf('ypT1a ypN0').tnm.prefix).toBe('yp'));
  it('tolerates OCR "pNla" and "MO"', () => expect(summaryOf('pT2 pNla MO').tnm).toEqual({ prefix: 'p', t: 'T2', n: 'N1a', m: 'M0' }));
  it('tolerates OCR "PT2NOMX"', () => expect(summaryOf('AJCC/UICC stage: PT2NOMX.').tnm.n).toBe('N0'));
  it('reads "pT2pN0(0/10)LOVORO"', () => expect(summaryOf('pT2pN0(0/10)LOVORO').tnm.n).toBe('N0'));
  it('does not read a bare "T2" as a stage', () => expect(summaryOf('T2-weighted MRI images').tnm.t).toBeNull());
  it('stages several tumors by the largest', () => expect(summaryOf('Tumor 1 (pT1c). Tumor 2 (pT3).').tnm.t).toBe('T3'));
  it('prefers the pathologic over the clinical stage', () => expect(summaryOf('Clinical stage cT3 cN1. Pathologic stage pT2 pN0.').tnm.prefix).toBe('p'));
  it('reads the stage group', () => expect(summaryOf('Stage group: IIIA').stage.group).toBe('IIIA'));
  it('reads the AJCC edition', () => expect(summaryOf('pT2 pN0 (AJCC 8th edition)').stage.edition).toBe('8th'));
  it('reads "Tumor Extent: T1"', () => expect(summaryOf('Tumor Extent: T1 tumor size 2 cm or less').tnm.t).toBe('T1'));
});

describe('OCR damage in TNM', () => {
  it('reads "pN1la" (a stray l) as N1a', () => expect(summaryOf('pT2 pN1la cM0').tnm.n).toBe('N1a'));
  it('reads "pT1lc" as T1c', () => expect(summaryOf('pT1lc pN0').tnm.t).toBe('T1c'));
});

describe('more OCR damage', () => {
  it('reads "cMO0" (zero read twice) as M0', () => expect(summaryOf('pT3 pN2a cMO0').tnm.m).toBe('M0'));
  it('reads OCR "ypTla" as T1a', () => expect(summaryOf('Pathologic stage (AJCC 8th): ypTla ypNO(sn)').tnm).toEqual({ prefix: 'yp', t: 'T1a', n: 'N0', m: null }));
  it('reads a T read as l or 1 when a prefixed N follows ("pl2 pNla", "p13 pN2")', () => {
    expect(summaryOf('in 2 of 14 axillary lymph nodes (2/14). pl2 pNla').tnm).toEqual({ prefix: 'p', t: 'T2', n: 'N1a', m: null });
    expect(summaryOf('- p13 pN2 (AJCC 8th edition)').tnm.t).toBe('T3');
  });
  it('does not read protein names as T ("p16 pN0", "p12 protein")', () => {
    expect(summaryOf('p16 pN0').tnm.t).toBeNull();
    expect(summaryOf('p12 protein, pN0').tnm.t).toBeNull();
  });
});

describe('OCR damage in stage group', () => {
  it('reads "Stage group: llIA" as IIIA', () => expect(summaryOf('TNM (AJCC 7th edition): pT3 pN2a cM0. Stage group: llIA.').stage.group).toBe('IIIA'));
  it('reads "stage llIB" as IIIB', () => expect(summaryOf('AJCC 8th edition: pT3 pN1b, stage llIB.').stage.group).toBe('IIIB'));
});
