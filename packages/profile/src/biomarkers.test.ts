import { describe, expect, it } from 'vitest';
import { relevantBiomarkers } from './index.js';
import { doc, f, profileOf, tnm } from './test-helpers.js';

const ids = (t: string | null) => relevantBiomarkers(t).map((b) => b.id);
const missingOf = (cancer: string, ...fs: ReturnType<typeof f>[]) =>
  profileOf([doc('d', '2024-01-10', [f('cancer_type', cancer, { confidence: 3 }), ...fs])]).missing.map((m) => m.biomarker);

describe('relevantBiomarkers', () => {
  it('HER2 drives treatment in breast', () => expect(ids('breast')).toContain('her2'));
  it('HER2 drives treatment in gastric', () => expect(ids('gastric')).toContain('her2'));
  it('HER2 is not a mesothelioma biomarker', () => expect(ids('mesothelioma')).not.toContain('her2'));
  it('mesothelioma: histologic type, BAP1 and PD-L1', () => expect(ids('mesothelioma')).toEqual(['histologic_type', 'bap1', 'pdl1_tps']));
  it('gastroesophageal junction uses the gastric panel', () => expect(ids('gastroesophageal junction')).toEqual(ids('gastric')));
  it('lung lists the driver genes and PD-L1', () => expect(ids('lung')).toEqual(expect.arrayContaining(['egfr', 'alk', 'ros1', 'kras', 'braf', 'pdl1_tps'])));
  it('colorectal lists MMR/MSI and RAS/BRAF', () => expect(ids('colorectal')).toEqual(expect.arrayContaining(['mmr_msi', 'kras', 'nras', 'braf'])));
  it('an unknown type has none', () => expect(ids('thyroid')).toEqual([]));
  it('null has none', () => expect(ids(null)).toEqual([]));
  it('each entry names its source', () => expect(relevantBiomarkers('lung').every((b) => b.source.includes('NCCN'))).toBe(true));
});

describe('missing', () => {
  it('breast without HER2 lists HER2', () => expect(missingOf('breast', f('er_status', 'positive'), f('pr_status', 'positive'))).toContain('her2'));
  it('breast with ER, PR, HER2 and Ki-67 at stage IA lists nothing', () =>
    expect(missingOf('breast', f('er_status', 'positive'), f('pr_status', 'positive'), f('her2_ihc', '1+'), f('ki67', 10), f('tnm_t', tnm('p', 'T1c')), f('tnm_n', tnm('p', 'N0')))).toEqual([]));
  it('advanced-tier tests are listed when the stage is unknown', () => expect(missingOf('breast')).toContain('pik3ca'));
  it('mesothelioma without BAP1 or PD-L1 lists both', () => expect(missingOf('mesothelioma', f('histology', 'epithelioid mesothelioma'))).toEqual(['bap1', 'pdl1_tps']));
  it('mesothelioma without its subtype lists the histologic type', () => expect(missingOf('mesothelioma', f('histology', 'mesothelioma'))).toContain('histologic_type'));
  it('gastric lists HER2, PD-L1 CPS, MMR/MSI, CLDN18.2', () => expect(missingOf('gastric')).toEqual(expect.arrayContaining(['her2', 'pdl1_cps', 'mmr_msi', 'cldn18'])));
  it('MSI alone answers MMR/MSI', () => expect(missingOf('colorectal', f('msi', 'MSS'))).not.toContain('mmr_msi'));
  it('two of four MMR proteins is incomplete', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('cancer_type', 'colorectal', { confidence: 3 }), f('mlh1', 'intact'), f('pms2', 'intact')])]);
    expect(p.missing.find((m) => m.biomarker === 'mmr_msi')!.reason).toBe('incomplete');
  });
  it('a test the extractor cannot read is reported as not_extracted', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('cancer_type', 'colorectal', { confidence: 3 })])]);
    expect(p.missing.find((m) => m.biomarker === 'nras')!.reason).toBe('not_extracted');
  });
  it('a pending test shows as pending', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('cancer_type', 'gastric', { confidence: 3 }), f('cldn18', 'positive', { context: 'pending' })])]);
    expect(p.missing.find((m) => m.biomarker === 'cldn18')!.reason).toBe('pending');
  });
  it('nothing is listed when the cancer type is unknown', () => expect(profileOf([doc('d', '2024-01-10', [f('her2_ihc', '3+')])]).missing).toEqual([]));
});
