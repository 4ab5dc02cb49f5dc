// The profile over months of records, through the API and the worker: history and current
// values, discordance between primary and recurrence, ISH resolving IHC 2+, an addendum, navigator
// corrections that survive reprocessing and new uploads, and the review state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getJson,
  newPatientId,
  patientToken,
  postJson,
  startSystem,
  tokenFor,
  uploadAndWait,
  waitForDocument,
  type System,
} from './harness.js';

let sys: System;
const navigator = tokenFor({ role: 'navigator', sub: 'navigator:alice' });
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.close();
});

const profileOf = async (patientId: string) => (await getJson(sys, `/v1/patients/${patientId}/profile`, navigator)).body;

describe('biopsy, then resection, then a recurrence with a HER2 change', () => {
  const patientId = newPatientId('course');
  const token = patientToken(patientId);
  const docs: string[] = [];
  let profile: any;

  beforeAll(async () => {
    for (const f of ['1-core-biopsy.txt', '2-resection.txt', '3-recurrence.txt']) docs.push(await uploadAndWait(sys, patientId, token, `profile/${f}`));
    profile = await profileOf(patientId);
  });

  it('keeps every HER2 result in history, oldest first', () => {
    expect(profile.facts.her2_ihc.history.map((v: any) => [v.value, v.documentId])).toEqual([
      ['3+', docs[0]],
      ['3+', docs[1]],
      ['1+', docs[2]],
    ]);
  });
  it('shows the recurrence result as current', () => {
    expect(profile.facts.her2_ihc.current).toMatchObject({ value: '1+', documentId: docs[2] });
  });
  it('flags the HER2 change as discordance rather than overwriting it silently', () => {
    expect(profile.facts.her2_ihc.discordant).toBe(true);
    expect(profile.discordances.some((d: any) => d.factKeys.includes('her2_ihc') && d.to.documentId === docs[2])).toBe(true);
  });
  it('derives the current HER2 category (HER2-low) with its rule and source', () => {
    expect(profile.derived.her2Category).toMatchObject({ value: 'low' });
    expect(profile.derived.her2Category.source).toMatch(/ASCO\/CAP/);
  });
  it('puts the profile in needs_review because of the discordance', () => {
    expect(profile.reviewState).toBe('needs_review');
    expect(profile.reviewReasons.some((r: any) => r.code === 'discordance')).toBe(true);
  });
  it('keeps the stage from the resection', () => {
    expect(profile.facts.stage_group.current).toMatchObject({ value: 'IIA', documentId: docs[1] });
  });
  it('tells an answer service what matters, with the discordance, in the context view', async () => {
    const { status, body } = await getJson(sys, `/v1/patients/${patientId}/context`, tokenFor({ role: 'service', sub: 'answers' }));
    expect(status).toBe(200);
    expect(body.cancerType).toBe('breast');
    expect(body.relevantBiomarkers).toContain('her2');
    expect(body.discordances.length).toBeGreaterThan(0);
    expect(body.reviewState).toBe('needs_review');
  });
  it('answers what changed since an earlier version', async () => {
    const { body } = await getJson(sys, `/v1/patients/${patientId}/profile/changes?since=2`, navigator);
    expect(body.toVersion).toBe(profile.version);
    expect(body.changed).toContain('her2_ihc');
  });
});

describe('HER2 IHC 2+ resolved by ISH', () => {
  it('the FISH result decides the HER2 status and category', async () => {
    const patientId = newPatientId('ish');
    const token = patientToken(patientId);
    await uploadAndWait(sys, patientId, token, 'profile/4-her2-equivocal.txt');
    const before = await profileOf(patientId);
    expect(before.derived.her2Status?.value).toBe('equivocal');
    await uploadAndWait(sys, patientId, token, 'profile/5-her2-fish.txt');
    const after = await profileOf(patientId);
    expect(after.facts.her2_ihc.current.value).toBe('2+');
    expect(after.derived.her2Status.value).toBe('positive');
    expect(after.derived.her2Category.value).toBe('positive');
  });
});

describe('an addendum', () => {
  it('supersedes its own report', async () => {
    const patientId = newPatientId('add');
    await uploadAndWait(sys, patientId, patientToken(patientId), 'profile/6-addendum.txt');
    const profile = await profileOf(patientId);
    expect(profile.facts.er_status.current).toMatchObject({ value: 'positive', addendum: true });
    expect(profile.facts.er_status.history.map((v: any) => v.value)).toContain('negative');
    expect(profile.derived.erStatus.value).toBe('positive');
  });
});

describe('navigator corrections', () => {
  const patientId = newPatientId('corr');
  const token = patientToken(patientId);
  let documentId: string;

  beforeAll(async () => {
    documentId = await uploadAndWait(sys, patientId, token, 'profile/2-resection.txt');
  });

  it('a patient may not correct their own profile', async () => {
    const { status } = await postJson(sys, `/v1/patients/${patientId}/corrections`, token, { factKey: 'ki67', action: 'correct', value: 10, reason: 'I think so' });
    expect(status).toBe(403);
  });

  it('a correction needs a reason', async () => {
    const { status, body } = await postJson(sys, `/v1/patients/${patientId}/corrections`, navigator, { factKey: 'tnm_t', action: 'correct', value: 'x' });
    expect(status).toBe(400);
    expect(body.error.details.some((d: any) => d.path === 'body.reason')).toBe(true);
  });

  it('wins over extraction and is audited with who, when, before and after', async () => {
    const before = await profileOf(patientId);
    const { status, body } = await postJson(sys, `/v1/patients/${patientId}/corrections`, navigator, {
      factKey: 'stage_group',
      action: 'correct',
      value: 'IB',
      reason: 'Prognostic stage group per the tumour board, not the anatomic one.',
    });
    expect(status).toBe(201);
    expect(body.profile.facts.stage_group.current).toMatchObject({ value: 'IB', source: 'correction' });
    expect(body.profile.version).toBe(before.version + 1);
    const audit = (await getJson(sys, `/v1/patients/${patientId}/corrections`, navigator)).body.corrections;
    expect(audit.at(-1)).toMatchObject({ factKey: 'stage_group', before: 'IIA', after: 'IB', author: 'navigator:alice', version: before.version + 1 });
  });

  it('survives reprocessing of the same document', async () => {
    const res = await postJson(sys, `/v1/documents/${documentId}/reprocess`, navigator, {});
    expect(res.status).toBe(202);
    const { final } = await waitForDocument(sys, documentId, token);
    expect(final.status).toBe('done');
    expect((await profileOf(patientId)).facts.stage_group.current.value).toBe('IB');
  });

  it('survives a later upload', async () => {
    await uploadAndWait(sys, patientId, token, 'profile/1-core-biopsy.txt');
    const profile = await profileOf(patientId);
    expect(profile.documents).toHaveLength(2);
    expect(profile.facts.stage_group.current.value).toBe('IB');
  });
});

describe('needs_review set and cleared', () => {
  it('accepting the discordant value clears the review', async () => {
    const patientId = newPatientId('rev');
    const token = patientToken(patientId);
    await uploadAndWait(sys, patientId, token, 'profile/1-core-biopsy.txt');
    await uploadAndWait(sys, patientId, token, 'profile/3-recurrence.txt');
    const flagged = await profileOf(patientId);
    expect(flagged.reviewState).toBe('needs_review');
    for (const r of flagged.reviewReasons) {
      const res = await postJson(sys, `/v1/patients/${patientId}/corrections`, navigator, {
        factKey: r.factKey,
        action: 'accept',
        reason: 'Reviewed: the recurrence was retested; the change is real.',
      });
      expect(res.status).toBe(201);
    }
    const cleared = await profileOf(patientId);
    expect(cleared.reviewState).toBe('ok');
    expect(cleared.facts.her2_ihc.current.value).toBe('1+');
  });
});
