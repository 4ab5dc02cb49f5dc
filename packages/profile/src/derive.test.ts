import { describe, expect, it } from 'vitest';
import { breast, doc, f, profileOf, tnm } from './test-helpers.js';

const one = (...fs: ReturnType<typeof f>[]) => profileOf([doc('d', '2024-01-10', breast(...fs))]).derived;

describe('HER2 (ASCO/CAP 2023)', () => {
  it('IHC 3+ is positive', () => expect(one(f('her2_ihc', '3+')).her2Category!.value).toBe('positive'));
  it('IHC 2+ alone is equivocal', () => expect(one(f('her2_ihc', '2+')).her2Status!.value).toBe('equivocal'));
  it('IHC 2+ alone has no category', () => expect(one(f('her2_ihc', '2+')).her2Category).toBeNull());
  it('IHC 2+ resolved by ISH amplified is positive', () => expect(one(f('her2_ihc', '2+'), f('her2_ish', 'amplified')).her2Category!.value).toBe('positive'));
  it('IHC 2+ with ISH not amplified is HER2-low', () => expect(one(f('her2_ihc', '2+'), f('her2_ish', 'not_amplified')).her2Category!.value).toBe('low'));
  it('IHC 1+ is HER2-low', () => expect(one(f('her2_ihc', '1+')).her2Category!.value).toBe('low'));
  it('IHC 0 is HER2-zero', () => expect(one(f('her2_ihc', '0')).her2Category!.value).toBe('zero'));
  it('IHC 0 with faint staining is ultralow', () => expect(one(f('her2_ihc', '0'), f('her2_category', 'ultralow')).her2Category!.value).toBe('ultralow'));
  it('a ratio and copy number alone give ISH amplified', () => expect(one(f('her2_ratio', 3.1), f('her2_copy_number', 6.2)).her2Status!.value).toBe('positive'));
  it('names its rule and source', () => expect(one(f('her2_ihc', '1+')).her2Category).toMatchObject({ rule: 'her2.ihc1', source: expect.stringContaining('ASCO/CAP') }));

  it('ISH in a later report resolves the IHC 2+ of an earlier one', () => {
    const p = profileOf([doc('biopsy', '2024-01-10', breast(f('her2_ihc', '2+'))), doc('fish', '2024-01-20', breast(f('her2_ish', 'not_amplified')))]);
    expect(p.derived.her2Category!.value).toBe('low');
  });

  it('an ISH older than the latest IHC is not paired with it', () => {
    const p = profileOf([doc('primary', '2020-01-10', breast(f('her2_ihc', '2+'), f('her2_ish', 'amplified'))), doc('recurrence', '2024-01-10', breast(f('her2_ihc', '2+')))]);
    expect(p.derived.her2Status!.value).toBe('equivocal');
  });

  it('no low/ultralow category outside breast (gastric scoring differs)', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('cancer_type', 'gastric', { confidence: 3 }), f('her2_ihc', '1+')])]);
    expect(p.derived.her2Category).toBeNull();
  });
});

describe('ER/PR and hormone-receptor status (ASCO/CAP 2020)', () => {
  it('ER 5% is low positive', () => expect(one(f('er_percent', 5)).erStatus!.value).toBe('low_positive'));
  it('ER "positive" at 5% is low positive', () => expect(one(f('er_status', 'positive'), f('er_percent', 5)).erStatus!.value).toBe('low_positive'));
  it('ER <1% is negative', () => expect(one(f('er_percent', 0)).erStatus!.value).toBe('negative'));
  it('Allred 2 is negative', () => expect(one(f('er_allred', 2)).erStatus!.value).toBe('negative'));
  it('ER negative, PR positive is HR-positive', () => expect(one(f('er_status', 'negative'), f('pr_status', 'positive')).hrStatus!.value).toBe('positive'));
  it('ER and PR negative is HR-negative', () => expect(one(f('er_status', 'negative'), f('pr_status', 'negative')).hrStatus!.value).toBe('negative'));
  it('ER negative with PR unknown has no HR status', () => expect(one(f('er_status', 'negative')).hrStatus).toBeNull());
  it('ER-low alone carries the ASCO/CAP note', () => expect(one(f('er_percent', 5), f('pr_status', 'negative')).hrStatus!.note).toMatch(/ER low positive/));
});

describe('breast subtype', () => {
  it('ER+/HER2 1+ is HR+/HER2-', () => expect(one(f('er_status', 'positive'), f('pr_status', 'positive'), f('her2_ihc', '1+')).breastSubtype!.value).toBe('HR+/HER2-'));
  it('ER+/HER2 3+ is HR+/HER2+', () => expect(one(f('er_status', 'positive'), f('pr_status', 'negative'), f('her2_ihc', '3+')).breastSubtype!.value).toBe('HR+/HER2+'));
  it('ER-/PR-/HER2 3+ is HR-/HER2+', () => expect(one(f('er_status', 'negative'), f('pr_status', 'negative'), f('her2_ihc', '3+')).breastSubtype!.value).toBe('HR-/HER2+'));
  it('ER-/PR-/HER2 0 is triple-negative', () => expect(one(f('er_status', 'negative'), f('pr_status', 'negative'), f('her2_ihc', '0')).breastSubtype!.value).toBe('triple-negative'));
  it('HER2 equivocal leaves the subtype open', () => expect(one(f('er_status', 'positive'), f('her2_ihc', '2+')).breastSubtype).toBeNull());
  it('receptor status comes from the latest report only (its percent is not mixed with an older one)', () => {
    const p = profileOf([doc('a', '2020-01-01', breast(f('er_status', 'positive'), f('er_percent', 90))), doc('b', '2024-01-01', breast(f('er_status', 'negative')))]);
    expect(p.derived.erStatus!.value).toBe('negative');
  });
});

describe('stage group (AJCC 8th)', () => {
  it('a reported stage is used as reported', () => expect(one(f('stage_group', 'IIB'), f('ajcc_edition', '8th')).stageGroup).toMatchObject({ value: 'IIB', source: 'As reported (AJCC 8th)' }));
  it('breast pT1c pN0 is IA (cM0 assumed)', () => expect(one(f('tnm_t', tnm('p', 'T1c')), f('tnm_n', tnm('p', 'N0'))).stageGroup!.value).toBe('IA'));
  it('breast pT1 pN1mi is IB', () => expect(one(f('tnm_t', tnm('p', 'T1b')), f('tnm_n', tnm('p', 'N1mi'))).stageGroup!.value).toBe('IB'));
  it('breast pT2 pN1a is IIB', () => expect(one(f('tnm_t', tnm('p', 'T2')), f('tnm_n', tnm('p', 'N1a'))).stageGroup!.value).toBe('IIB'));
  it('breast pT3 pN0 is IIB', () => expect(one(f('tnm_t', tnm('p', 'T3')), f('tnm_n', tnm('p', 'N0'))).stageGroup!.value).toBe('IIB'));
  it('breast N3 is IIIC whatever T', () => expect(one(f('tnm_t', tnm('p', 'T1c')), f('tnm_n', tnm('p', 'N3a'))).stageGroup!.value).toBe('IIIC'));
  it('breast N0(i+) stages as N0', () => expect(one(f('tnm_t', tnm('p', 'T2')), f('tnm_n', tnm('p', 'N0(i+)'))).stageGroup!.value).toBe('IIA'));
  it('M1 is stage IV', () => expect(one(f('tnm_t', tnm('p', 'T2')), f('tnm_n', tnm('p', 'N1')), f('tnm_m', tnm('p', 'M1'))).stageGroup!.value).toBe('IV'));
  it('TX cannot be staged', () => expect(one(f('tnm_t', tnm('p', 'TX')), f('tnm_n', tnm('p', 'N0'))).stageGroup).toBeNull());
  it('the assumption of cM0 is stated', () => expect(one(f('tnm_t', tnm('p', 'T1c')), f('tnm_n', tnm('p', 'N0'))).stageGroup!.note).toMatch(/cM0/));
});

describe('stage across reports', () => {
  it('a stage reported before a newer TNM gives way to the newer TNM', () => {
    const p = profileOf([doc('a', '2020-01-01', breast(f('stage_group', 'IA'))), doc('b', '2024-01-01', breast(f('tnm_t', { prefix: 'p', category: 'T3' }), f('tnm_n', { prefix: 'p', category: 'N1' })))]);
    expect(p.derived.stageGroup!.value).toBe('IIIA');
  });
  it('a stage reported with the latest TNM is used as reported', () => {
    const p = profileOf([doc('a', '2024-01-01', breast(f('stage_group', 'IIA'), f('tnm_t', { prefix: 'p', category: 'T2' }), f('tnm_n', { prefix: 'p', category: 'N0' })))]);
    expect(p.derived.stageGroup!.rule).toBe('stage.reported');
  });
});
