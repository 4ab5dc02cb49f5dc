import { describe, expect, it } from 'vitest';
import { ProfileContextSchema } from '@onco/contract';
import { buildContext, diffProfiles } from './index.js';
import { breast, correction, doc, f, profileOf, tnm } from './test-helpers.js';

const base = [doc('biopsy', '2024-01-10', breast(f('histology', 'invasive ductal carcinoma'), f('er_status', 'positive'), f('er_percent', 90), f('pr_status', 'negative'), f('her2_ihc', '2+'), f('her2_ish', 'not_amplified'), f('tnm_t', tnm('p', 'T2')), f('tnm_n', tnm('p', 'N1a'))), { receivedAt: '2024-01-11T00:00:00Z' })];

describe('buildContext', () => {
  const ctx = buildContext(profileOf(base));
  it('validates against the contract', () => expect(() => ProfileContextSchema.parse(ctx)).not.toThrow());
  it('gives the stage', () => expect(ctx.stage).toMatchObject({ group: 'IIB', t: 'pT2', n: 'pN1a' }));
  it('gives HER2 with its category', () => expect(ctx.biomarkers.find((b) => b.id === 'her2')).toMatchObject({ status: 'present', value: 'IHC 2+, ISH not_amplified', category: 'low' }));
  it('gives ER with its percent', () => expect(ctx.biomarkers.find((b) => b.id === 'er')).toMatchObject({ value: 'positive 90%', category: 'positive' }));
  it('marks Ki-67 missing', () => expect(ctx.biomarkers.find((b) => b.id === 'ki67')).toMatchObject({ status: 'missing', value: null }));
  it('lists the relevant biomarkers', () => expect(ctx.relevantBiomarkers).toContain('her2'));
  it('an equivocal HER2 is present with category equivocal', () => {
    const c = buildContext(profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '2+')))]));
    expect(c.biomarkers.find((b) => b.id === 'her2')).toMatchObject({ status: 'present', category: 'equivocal' });
  });
  it('mesothelioma context has no HER2 even when a report mentions it', () => {
    const c = buildContext(profileOf([doc('d', '2024-01-10', [f('cancer_type', 'mesothelioma', { confidence: 3 }), f('her2_ihc', '0')])]));
    expect(c.biomarkers.map((b) => b.id)).not.toContain('her2');
  });
  it('carries discordances', () => {
    const c = buildContext(profileOf([...base, doc('recurrence', '2025-01-10', breast(f('her2_ihc', '3+')))]));
    expect(c.discordances).toEqual([{ marker: 'her2', from: 'low', to: 'positive', fromDate: '2024-01-10', toDate: '2025-01-10' }]);
  });
});

describe('diffProfiles', () => {
  const v1 = profileOf(base);
  it('no change gives no changed keys', () => expect(diffProfiles(v1, profileOf(base)).changed).toEqual([]));
  it('a new report with a new HER2 result changes her2_ihc', () => {
    const v2 = profileOf([...base, doc('recurrence', '2025-01-10', breast(f('her2_ihc', '3+')))]);
    expect(diffProfiles(v1, v2).changed).toContain('her2_ihc');
  });
  it('a new fact is added', () => {
    const v2 = profileOf([...base, doc('later', '2025-01-10', breast(f('ki67', 30)))]);
    expect(diffProfiles(v1, v2).added).toEqual(['ki67']);
  });
  it('a repeat of the same value is new evidence, not a change', () => {
    const v2 = profileOf([...base, doc('copy', '2025-01-10', breast(f('histology', 'invasive ductal carcinoma')))]);
    expect(diffProfiles(v1, v2).evidenceAdded).toContain('histology');
  });
  it('a correction changes the fact', () => {
    const v2 = profileOf(base, [correction('pr_status', 'correct', '2024-02-01T00:00:00Z', { value: 'positive' })]);
    expect(diffProfiles(v1, v2).changed).toEqual(['pr_status']);
  });
  it('reports derived changes', () => {
    const v2 = profileOf(base, [correction('pr_status', 'correct', '2024-02-01T00:00:00Z', { value: 'positive' })]);
    expect(diffProfiles(v1, v2).derivedChanged).toEqual(['prStatus']);
  });
  it('carries the versions', () => expect(diffProfiles({ ...v1, version: 3 }, { ...v1, version: 4 })).toMatchObject({ fromVersion: 3, toVersion: 4 }));
});
