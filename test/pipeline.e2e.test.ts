// A patient uploads the sample report as a text PDF, a scanned PDF and a phone photo; each goes
// through the real API, queue, worker (real OCR) and database, and the profile shows the values
// with the evidence they came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, getJson, newPatientId, patientToken, startSystem, upload, waitForDocument, type System } from './harness.js';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.close();
});

const SAMPLES = [
  ['text-layer PDF', 'samples/breast-report.pdf'],
  ['scanned PDF', 'samples/breast-report-scanned.pdf'],
  ['phone photo (JPEG)', 'samples/breast-report-photo.jpg'],
] as const;

describe.each(SAMPLES)('%s', (_label, file) => {
  const patientId = newPatientId('e2e');
  const token = patientToken(patientId);
  let profile: any;
  let documentId: string;

  beforeAll(async () => {
    const res = await upload(sys, patientId, token, fixture(file), file.split('/')[1]!);
    expect(res.status).toBe(202);
    documentId = res.body.documentId;
    const { final } = await waitForDocument(sys, documentId, token);
    expect(final.failure).toBeNull();
    expect(final.status).toBe('done');
    profile = (await getJson(sys, `/v1/patients/${patientId}/profile`, token)).body;
  });

  it('reaches done with a page count', async () => {
    const { body } = await getJson(sys, `/v1/documents/${documentId}`, token);
    expect(body).toMatchObject({ status: 'done', percent: 100, pageCount: 1, failure: null });
  });

  it.each([
    ['her2_ihc', '2+', /HER\W?2/i], // OCR may read the gap as a glyph
    ['er_status', 'positive', /estrogen|ER/i],
    ['stage_group', 'IIB', /IIB/],
  ])('profile has %s = %s with its evidence', (key, value, evidence) => {
    const current = profile.facts[key]?.current;
    expect(current?.value).toBe(value);
    expect(current.documentId).toBe(documentId);
    expect(current.evidence.text).toMatch(evidence);
    expect(current.evidence.page).toBe(1);
    expect(current.evidence.end - current.evidence.start).toBe(current.evidence.text.length);
  });

  it('profile has the TNM categories', () => {
    expect(profile.facts.tnm_t?.current?.value).toMatchObject({ prefix: 'p', category: 'T2' });
    expect(profile.facts.tnm_n?.current?.value.category).toMatch(/^N1/);
  });

  it('profile is versioned and valid for its patient', () => {
    expect(profile.patientId).toBe(patientId);
    expect(profile.version).toBeGreaterThanOrEqual(1);
  });
});
