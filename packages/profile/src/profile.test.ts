import { describe, expect, it } from 'vitest';
import { buildProfile } from './index.js';
import { breast, correction, doc, f, profileOf, tnm } from './test-helpers.js';

describe('current value and history', () => {
  it('a later specimen supersedes an earlier one for current', () => {
    const p = profileOf([doc('biopsy', '2024-01-10', breast(f('er_percent', 80))), doc('resection', '2024-02-20', breast(f('er_percent', 95)))]);
    expect(p.facts.er_percent!.current!.value).toBe(95);
  });

  it('the earlier specimen stays in history with its document, date and evidence', () => {
    const p = profileOf([doc('biopsy', '2024-01-10', breast(f('er_percent', 80))), doc('resection', '2024-02-20', breast(f('er_percent', 95)))]);
    expect(p.facts.er_percent!.history.map((h) => [h.value, h.documentId, h.documentDate, h.evidence?.ruleId])).toEqual([
      [80, 'biopsy', '2024-01-10', 'test.er_percent'],
      [95, 'resection', '2024-02-20', 'test.er_percent'],
    ]);
  });

  it('order comes from the report date, not from the upload order', () => {
    const p = profileOf([
      doc('resection', '2024-02-20', breast(f('er_percent', 95)), { receivedAt: '2024-03-01T00:00:00Z' }),
      doc('biopsy', '2024-01-10', breast(f('er_percent', 80)), { receivedAt: '2024-03-02T00:00:00Z' }),
    ]);
    expect(p.facts.er_percent!.current!.documentId).toBe('resection');
  });

  it('same input in another order gives the same profile', () => {
    const docs = [doc('a', '2024-01-10', breast(f('her2_ihc', '1+'))), doc('b', '2024-02-20', breast(f('her2_ihc', '0')))];
    expect(buildProfile({ patientId: 'p', documents: [...docs].reverse(), corrections: [] })).toEqual(buildProfile({ patientId: 'p', documents: docs, corrections: [] }));
  });

  it('documents not yet done contribute nothing', () => {
    const p = profileOf([doc('q', '2024-01-10', breast(f('her2_ihc', '3+')), { status: 'processing' })]);
    expect(p.facts.her2_ihc).toBeUndefined();
  });

  it('a failed document is still listed with its status', () => {
    const p = profileOf([doc('x', null, [], { status: 'failed' })]);
    expect(p.documents).toEqual([{ documentId: 'x', status: 'failed', receivedAt: '2024-06-01T12:00:00Z', reportDate: null, findingCount: 0 }]);
  });
});

describe('context: only affirmed findings become current', () => {
  it('a negated finding does not become current', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('histology', 'invasive lobular carcinoma', { context: 'negated' })))]);
    expect(p.facts.histology!.current).toBeNull();
  });

  it('a historical finding stays in history only', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '3+', { context: 'historical' }), f('her2_ihc', '1+')))]);
    expect(p.facts.her2_ihc!.current!.value).toBe('1+');
  });

  it('an uncertain finding does not become current', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('histology', 'sarcomatoid mesothelioma', { context: 'uncertain' })])]);
    expect(p.facts.histology!.current).toBeNull();
  });

  it('pending shows as pending, not as a value', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ish', 'amplified', { context: 'pending' })))]);
    expect([p.facts.her2_ish!.current, p.facts.her2_ish!.pending]).toEqual([null, true]);
  });

  it('a result in a later report ends pending', () => {
    const p = profileOf([
      doc('biopsy', '2024-01-10', breast(f('her2_ish', 'amplified', { context: 'pending' }))),
      doc('fish', '2024-01-20', breast(f('her2_ish', 'not_amplified'))),
    ]);
    expect(p.facts.her2_ish!.pending).toBe(false);
  });

  it('a retest pending in a later report keeps the earlier value and shows pending', () => {
    const p = profileOf([
      doc('primary', '2020-01-10', breast(f('er_status', 'positive'))),
      doc('recurrence', '2024-01-10', breast(f('er_status', 'positive', { context: 'pending' }))),
    ]);
    expect([p.facts.er_status!.current!.documentId, p.facts.er_status!.pending]).toEqual(['primary', true]);
  });
});

describe('addendum', () => {
  it('an addendum supersedes its own report', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_status', 'negative'), f('er_status', 'positive', { addendum: true })))]);
    expect(p.facts.er_status!.current!.value).toBe('positive');
  });

  it('an addendum and the body it replaces are not a conflict', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_status', 'negative'), f('er_status', 'positive', { addendum: true })))]);
    expect(p.facts.er_status!.conflict).toBe(false);
  });

  it('the original value stays in history', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_status', 'negative'), f('er_status', 'positive', { addendum: true })))]);
    expect(p.facts.er_status!.history.map((h) => [h.value, h.addendum])).toEqual([['negative', false], ['positive', true]]);
  });
});

describe('specimens within one report', () => {
  it('the highest result across parts is current (any positive area is positive)', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '1+', { specimen: 'A' }), f('her2_ihc', '3+', { specimen: 'B' })))]);
    expect(p.facts.her2_ihc!.current!.specimen).toBe('B');
  });

  it('different parts with different results are not a conflict', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '1+', { specimen: 'A' }), f('her2_ihc', '3+', { specimen: 'B' })))]);
    expect(p.facts.her2_ihc!.conflict).toBe(false);
  });

  it('two confident values for the same part are a conflict', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '1+', { specimen: 'A' }), f('her2_ihc', '3+', { specimen: 'A' })))]);
    expect(p.facts.her2_ihc!.conflict).toBe(true);
  });

  it('the IHC work-up and the final status of one report are not a conflict (equivocal, then negative after ISH)', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_status', 'equivocal', { confidence: 0.85 }), f('her2_status', 'negative', { confidence: 0.9 })))]);
    expect(p.facts.her2_status!.current!.value).toBe('negative');
    expect(p.facts.her2_status!.conflict).toBe(false);
    const both = profileOf([doc('d', '2024-01-10', breast(f('her2_status', 'positive', { confidence: 0.9 }), f('her2_status', 'negative', { confidence: 0.9 })))]);
    expect(both.facts.her2_status!.conflict).toBe(true);
  });

  it('two reports of the same date disagreeing for the same specimen are a conflict', () => {
    const p = profileOf([
      doc('copy1', '2024-01-10', breast(f('er_status', 'positive')), { receivedAt: '2024-01-11T00:00:00Z' }),
      doc('copy2', '2024-01-10', breast(f('er_status', 'negative')), { receivedAt: '2024-01-12T00:00:00Z' }),
    ]);
    expect(p.facts.er_status!.conflict).toBe(true);
  });

  it('values of one class are not a conflict (90% and 95% ER are both positive)', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_percent', 90), f('er_percent', 95)))]);
    expect(p.facts.er_percent!.conflict).toBe(false);
  });
});

describe('cancer type', () => {
  it('is chosen by the summed weight of the mentions in a report', () => {
    const p = profileOf([doc('d', '2024-01-10', [f('cancer_type', 'lung', { confidence: 0.3 }), f('cancer_type', 'breast', { confidence: 1.5 }), f('cancer_type', 'lung', { confidence: 0.3 })])]);
    expect(p.cancerType).toBe('breast');
  });

  it('is null with no report naming it', () => {
    expect(profileOf([doc('d', '2024-01-10', [f('her2_ihc', '3+')])]).cancerType).toBeNull();
  });
});

describe('TNM values', () => {
  it('keeps TNM objects as values', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('tnm_t', tnm('p', 'T2'))))]);
    expect(p.facts.tnm_t!.current!.value).toEqual({ prefix: 'p', category: 'T2' });
  });
});

describe('corrections apply to facts with no extraction', () => {
  it('a navigator can add a value no report carries', () => {
    const p = profileOf([doc('d', '2024-01-10', breast())], [correction('nras', 'correct', '2024-02-01T00:00:00Z', { value: 'negative' })]);
    expect([p.facts.nras!.current!.value, p.facts.nras!.current!.source]).toEqual(['negative', 'correction']);
  });
});
