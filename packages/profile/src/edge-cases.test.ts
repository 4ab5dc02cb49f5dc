// The named scenarios a pathologist would check first.
import { describe, expect, it } from 'vitest';
import { breast, correction, doc, f, profileOf } from './test-helpers.js';

describe('biopsy, then resection, then recurrence with a HER2 change', () => {
  const docs = [
    doc('biopsy', '2019-03-01', breast(f('her2_ihc', '3+'), f('er_status', 'positive'), f('er_percent', 90))),
    doc('resection', '2019-04-15', breast(f('her2_ihc', '3+'), f('er_status', 'positive'), f('er_percent', 95))),
    doc('recurrence', '2023-09-10', breast(f('her2_ihc', '1+'), f('er_status', 'negative'), f('er_percent', 0))),
  ];
  const p = profileOf(docs);

  it('the recurrence value is current', () => expect(p.facts.her2_ihc!.current!.documentId).toBe('recurrence'));
  it('all three values stay in history', () => expect(p.facts.her2_ihc!.history.map((h) => h.value)).toEqual(['3+', '3+', '1+']));
  it('HER2 positive to low is a discordance', () => expect(p.discordances.find((d) => d.marker === 'her2')).toMatchObject({ from: { value: 'positive', documentId: 'resection' }, to: { value: 'low', documentId: 'recurrence' } }));
  it('ER positive to negative is a discordance', () => expect(p.discordances.find((d) => d.marker === 'er')).toMatchObject({ from: { value: 'positive' }, to: { value: 'negative' } }));
  it('the HER2 fact is flagged discordant', () => expect(p.facts.her2_ihc!.discordant).toBe(true));
  it('the profile needs review', () => expect(p.reviewState).toBe('needs_review'));
  it('the reasons name the discordant facts', () => expect(p.reviewReasons.filter((r) => r.code === 'discordance').map((r) => r.factKey).sort()).toEqual(['er_status', 'her2_ihc']));
  it('the derived category follows the recurrence, not a blend', () => expect(p.derived.her2Category!.value).toBe('low'));
  it('biopsy to resection with the same result is not discordant', () => {
    expect(profileOf(docs.slice(0, 2)).discordances).toEqual([]);
  });
  it('ER 90% then 95% is not discordant', () => expect(p.discordances.some((d) => d.marker === 'er' && d.from.documentId === 'biopsy')).toBe(false));
});

describe('IHC 2+ resolved by ISH', () => {
  it('in the same report: positive', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '2+'), f('her2_ish', 'amplified')))]);
    expect(p.derived.her2Category!.value).toBe('positive');
  });

  it('IHC 2+ then a separate FISH report is not a discordance', () => {
    const p = profileOf([doc('biopsy', '2024-01-10', breast(f('her2_ihc', '2+'))), doc('fish', '2024-01-18', breast(f('her2_ish', 'amplified')))]);
    expect(p.discordances).toEqual([]);
  });

  it('IHC 2+ without ISH lists HER2 as needing the reflex test', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '2+')))]);
    expect(p.missing.find((m) => m.biomarker === 'her2')!.reason).toBe('needs_reflex');
  });

  it('IHC 2+ with FISH pending lists HER2 as pending', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '2+'), f('her2_ish', 'amplified', { context: 'pending' })))]);
    expect(p.missing.find((m) => m.biomarker === 'her2')!.reason).toBe('pending');
  });
});

describe('addendum', () => {
  it('a FISH addendum turns an equivocal report positive', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('her2_ihc', '2+'), f('her2_status', 'equivocal'), f('her2_ish', 'amplified', { addendum: true }), f('her2_status', 'positive', { addendum: true })))]);
    expect(p.derived.her2Status!.value).toBe('positive');
  });

  it('an addendum correcting ER is not a discordance (same report)', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_status', 'negative'), f('er_status', 'positive', { addendum: true })))]);
    expect(p.discordances).toEqual([]);
  });
});

describe('a correction survives reprocessing and later uploads', () => {
  const wrong = doc('biopsy', '2024-01-10', breast(f('her2_ihc', '3+')), { receivedAt: '2024-01-11T00:00:00Z' });
  const fix = correction('her2_ihc', 'correct', '2024-01-12T09:00:00Z', { value: '1+', reason: 'OCR read 1+ as 3+' });

  it('the corrected value is current', () => expect(profileOf([wrong], [fix]).facts.her2_ihc!.current!.value).toBe('1+'));
  it('the current value says it came from a correction', () => expect(profileOf([wrong], [fix]).facts.her2_ihc!.current!.source).toBe('correction'));
  it('derived categories use the corrected value', () => expect(profileOf([wrong], [fix]).derived.her2Category!.value).toBe('low'));
  it('reprocessing the same report (same value) keeps the correction', () => {
    const reprocessed = { ...wrong, findings: breast(f('her2_ihc', '3+', { confidence: 0.9 })) };
    expect(profileOf([reprocessed], [fix]).facts.her2_ihc!.current!.value).toBe('1+');
  });
  it('a later upload that does not report HER2 keeps the correction', () => {
    expect(profileOf([wrong, doc('notes', '2024-02-01', breast(f('grade', '2')))], [fix]).facts.her2_ihc!.current!.value).toBe('1+');
  });
  it('a later upload repeating the corrected value keeps the correction', () => {
    expect(profileOf([wrong, doc('copy', '2024-02-01', breast(f('her2_ihc', '3+')))], [fix]).facts.her2_ihc!.current!.value).toBe('1+');
  });
  it('a later upload with a new value wins and the correction is marked outdated', () => {
    const p = profileOf([wrong, doc('recurrence', '2025-02-01', breast(f('her2_ihc', '0')))], [fix]);
    expect([p.facts.her2_ihc!.current!.value, p.facts.her2_ihc!.corrected!.applied]).toEqual(['0', false]);
  });
  it('an outdated correction sends the fact back to review', () => {
    const p = profileOf([wrong, doc('recurrence', '2025-02-01', breast(f('her2_ihc', '0')))], [fix]);
    expect(p.reviewReasons.some((r) => r.code === 'correction_outdated' && r.factKey === 'her2_ihc')).toBe(true);
  });
  it('the navigator value stays in history', () => {
    expect(profileOf([wrong], [fix]).facts.her2_ihc!.history.map((h) => [h.value, h.source])).toEqual([['3+', 'extraction'], ['1+', 'correction']]);
  });
});

describe('needs_review set and cleared', () => {
  const low = [doc('d', '2024-01-10', breast(f('her2_ihc', '3+', { confidence: 0.8 })))];

  it('a low-confidence value sets needs_review', () => expect(profileOf(low).reviewState).toBe('needs_review'));
  it('the reason says low confidence on that fact', () => expect(profileOf(low).reviewReasons).toEqual([{ code: 'low_confidence', factKey: 'her2_ihc', message: expect.any(String) }]));
  it('the fact carries the flag', () => expect(profileOf(low).facts.her2_ihc!.needsReview).toBe(true));
  it('a navigator accept clears it', () => expect(profileOf(low, [correction('her2_ihc', 'accept', '2024-02-01T00:00:00Z')]).reviewState).toBe('ok'));
  it('an accept keeps the extracted value', () => expect(profileOf(low, [correction('her2_ihc', 'accept', '2024-02-01T00:00:00Z')]).facts.her2_ihc!.current!.source).toBe('extraction'));
  it('a reject clears it and leaves no current value', () => {
    const p = profileOf(low, [correction('her2_ihc', 'reject', '2024-02-01T00:00:00Z')]);
    expect([p.reviewState, p.facts.her2_ihc!.current]).toEqual(['ok', null]);
  });
  it('a rejected HER2 is listed as missing (rejected)', () => {
    const p = profileOf(low, [correction('her2_ihc', 'reject', '2024-02-01T00:00:00Z')]);
    expect(p.missing.find((m) => m.biomarker === 'her2')!.reason).toBe('rejected');
  });
  it('a conflict sets needs_review', () => {
    const p = profileOf([doc('d', '2024-01-10', breast(f('er_status', 'positive'), f('er_status', 'negative')))]);
    expect(p.reviewReasons.map((r) => r.code)).toEqual(['conflict']);
  });
  it('an equivocal IHC next to the final HER2 status is the work-up, not a conflict', () => {
    const twoCopies = ['pdf', 'photo'].map((id, i) =>
      doc(id, null, breast(f('her2_status', 'equivocal', { confidence: i ? 0.9 : 0.8 }), f('her2_status', 'negative', { confidence: i ? 0.8 : 0.9 })), { receivedAt: '2024-01-10T00:00:00Z' }),
    );
    const p = profileOf(twoCopies);
    expect([p.facts.her2_status!.current!.value, p.facts.her2_status!.conflict]).toEqual(['negative', false]);
  });
  it('accepting the recurrence value clears a discordance', () => {
    const docs = [doc('primary', '2019-03-01', breast(f('her2_ihc', '3+'))), doc('recurrence', '2023-09-10', breast(f('her2_ihc', '1+')), { receivedAt: '2023-09-11T00:00:00Z' })];
    expect(profileOf(docs, [correction('her2_ihc', 'accept', '2023-09-12T00:00:00Z')]).reviewState).toBe('ok');
  });
  it('the discordance itself stays recorded after an accept', () => {
    const docs = [doc('primary', '2019-03-01', breast(f('her2_ihc', '3+'))), doc('recurrence', '2023-09-10', breast(f('her2_ihc', '1+')), { receivedAt: '2023-09-11T00:00:00Z' })];
    expect(profileOf(docs, [correction('her2_ihc', 'accept', '2023-09-12T00:00:00Z')]).facts.her2_ihc!.discordant).toBe(true);
  });
  it('an accept made before the recurrence was uploaded does not clear its discordance', () => {
    const docs = [doc('primary', '2019-03-01', breast(f('her2_ihc', '3+')), { receivedAt: '2019-03-02T00:00:00Z' }), doc('recurrence', '2023-09-10', breast(f('her2_ihc', '1+')), { receivedAt: '2023-09-11T00:00:00Z' })];
    expect(profileOf(docs, [correction('her2_ihc', 'accept', '2020-01-01T00:00:00Z')]).reviewState).toBe('needs_review');
  });
  it('an explicit `against` binds the correction to that value', () => {
    const p = profileOf(low, [correction('her2_ihc', 'correct', '2020-01-01T00:00:00Z', { value: '2+', against: '3+' })]);
    expect(p.facts.her2_ihc!.current!.value).toBe('2+');
  });
});

describe('more discordance and correction cases', () => {
  it('ER positive then ER low positive is not a discordance (both >= 1%)', () => {
    const p = profileOf([doc('a', '2020-01-01', breast(f('er_status', 'positive'))), doc('b', '2024-01-01', breast(f('er_percent', 5)))]);
    expect(p.discordances).toEqual([]);
  });
  it('HER2 zero then ultralow is a discordance (ASCO/CAP 2023 categories)', () => {
    const p = profileOf([doc('a', '2020-01-01', breast(f('her2_ihc', '0'))), doc('b', '2024-01-01', breast(f('her2_ihc', '0'), f('her2_category', 'ultralow')))]);
    expect(p.discordances.map((d) => [d.from.value, d.to.value])).toEqual([['zero', 'ultralow']]);
  });
  it('MSS then MSI-H is a discordance', () => {
    const p = profileOf([doc('a', '2020-01-01', [f('msi', 'MSS')]), doc('b', '2024-01-01', [f('msi', 'MSI-H')])]);
    expect(p.discordances.map((d) => d.marker)).toEqual(['msi']);
  });
  it('PD-L1 TPS 60% then 30% crosses the 50% cut-off', () => {
    const p = profileOf([doc('a', '2020-01-01', [f('pdl1_tps', 60)]), doc('b', '2024-01-01', [f('pdl1_tps', 30)])]);
    expect(p.discordances[0]!.to.value).toBe('TPS 1-49%');
  });
  it('reports naming different primary sites are a discordance', () => {
    const p = profileOf([doc('a', '2020-01-01', [f('cancer_type', 'breast', { confidence: 3 })]), doc('b', '2024-01-01', [f('cancer_type', 'lung', { confidence: 3 })])]);
    expect(p.reviewReasons.map((r) => [r.code, r.factKey])).toEqual([['discordance', 'cancer_type']]);
  });
  it('one report naming two sites strongly is a conflict', () => {
    const p = profileOf([doc('a', '2020-01-01', [f('cancer_type', 'ovarian', { confidence: 1.5 }), f('cancer_type', 'endometrial', { confidence: 1.5 })])]);
    expect(p.facts.cancer_type!.conflict).toBe(true);
  });
  it('a passing mention of another site is not a conflict', () => {
    const p = profileOf([doc('a', '2020-01-01', [f('cancer_type', 'colorectal', { confidence: 0.3 }), f('cancer_type', 'colorectal', { confidence: 0.3 }), f('cancer_type', 'ovarian', { confidence: 0.3 })])]);
    expect(p.facts.cancer_type!.conflict).toBe(false);
  });
  it('a later report agreeing with the navigator keeps the correction standing', () => {
    const first = doc('a', '2024-01-10', breast(f('her2_ihc', '3+')), { receivedAt: '2024-01-11T00:00:00Z' });
    const p = profileOf([first, doc('b', '2024-03-01', breast(f('her2_ihc', '1+')))], [correction('her2_ihc', 'correct', '2024-01-12T00:00:00Z', { value: '1+' })]);
    expect([p.facts.her2_ihc!.corrected!.applied, p.reviewState]).toEqual([true, 'ok']);
  });
  it('PD-L1 clone pending shows PD-L1 as pending', () => {
    const p = profileOf([doc('a', '2024-01-10', [f('cancer_type', 'gastric', { confidence: 3 }), f('pdl1_clone', '22C3', { context: 'pending' })])]);
    expect(p.missing.find((m) => m.biomarker === 'pdl1_cps')!.reason).toBe('pending');
  });
});

describe('a correction fixes every report giving the corrected value', () => {
  it('a misread primary corrected to the recurrence value leaves no discordance', () => {
    const first = doc('a', '2024-01-10', breast(f('her2_ihc', '3+')), { receivedAt: '2024-01-11T00:00:00Z' });
    const p = profileOf([first, doc('b', '2024-03-01', breast(f('her2_ihc', '1+')))], [correction('her2_ihc', 'correct', '2024-01-12T00:00:00Z', { value: '1+' })]);
    expect(p.discordances).toEqual([]);
  });
});

describe('a result quoted from an earlier specimen', () => {
  const resection = doc('resection', '2024-02-01', breast(f('er_status', 'negative'), f('er_status', 'positive', { priorSpecimen: true })));
  it('the current specimen outranks the quoted biopsy', () => expect(profileOf([resection]).facts.er_status!.current!.value).toBe('negative'));
  it('the quoted biopsy stays in history, marked', () => expect(profileOf([resection]).facts.er_status!.history.filter((h) => h.priorSpecimen).map((h) => h.value)).toEqual(['positive']));
  it('biopsy positive quoted in a negative resection is a discordance', () => expect(profileOf([resection]).discordances.map((d) => [d.marker, d.from.value, d.to.value])).toEqual([['er', 'positive', 'negative']]));
  it('a report quoting only the biopsy gives that value', () => {
    const p = profileOf([doc('r', '2024-02-01', breast(f('her2_ihc', '1+', { priorSpecimen: true })))]);
    expect(p.facts.her2_ihc!.current!.value).toBe('1+');
  });
  it('an amended section replaces the rest of its report', () => {
    const p = profileOf([doc('r', '2024-02-01', breast(f('her2_ihc', '3+'), f('her2_ihc', '1+', { amended: true, addendum: true })))]);
    expect(p.facts.her2_ihc!.current!.value).toBe('1+');
  });
});
