// Files that pass the upload check but cannot be read end `failed` with a reason a person can
// read, never stuck; the worker goes on with the next document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, getJson, newPatientId, patientToken, startSystem, upload, waitForDocument, type System } from './harness.js';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.close();
});

describe('unreadable documents', () => {
  it.each([
    ['an encrypted PDF', 'hostile/encrypted.pdf', 'encrypted_pdf', /password-protected/],
    ['a truncated PDF', 'hostile/truncated.pdf', 'corrupt_file', /damaged/],
    ['a truncated JPEG', 'hostile/truncated.jpg', 'corrupt_file', /damaged/],
    ['a PDF with zero pages', 'hostile/zero-pages.pdf', 'no_pages', /no pages/],
    ['a decompression-bomb PNG', 'hostile/bomb.png', 'image_too_large', /too many pixels/],
    ['a blank image', 'hostile/blank.png', 'no_text_found', /No readable text/],
    ['a 500-page PDF', '../packages/document-reader/fixtures/hostile/many-pages.pdf', 'too_many_pages', /more pages than/],
  ])('%s ends failed with a readable reason, quickly', async (_label, file, code, reason) => {
    const started = Date.now();
    const patientId = newPatientId('fail');
    const token = patientToken(patientId);
    const res = await upload(sys, patientId, token, fixture(file), file.split('/')[1]!);
    expect(res.status).toBe(202);
    const { final } = await waitForDocument(sys, res.body.documentId, token);
    expect(final.status).toBe('failed');
    expect(final.failure).toMatchObject({ code });
    expect(final.failure!.reason).toMatch(reason);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a good document after a bad one is still processed', async () => {
    const patientId = newPatientId('after');
    const token = patientToken(patientId);
    const bad = await upload(sys, patientId, token, fixture('hostile/encrypted.pdf'), 'bad.pdf');
    const good = await upload(sys, patientId, token, fixture('samples/breast-report.txt'), 'good.txt');
    expect((await waitForDocument(sys, bad.body.documentId, token)).final.status).toBe('failed');
    expect((await waitForDocument(sys, good.body.documentId, token)).final.status).toBe('done');
    const profile = (await getJson(sys, `/v1/patients/${patientId}/profile`, token)).body;
    expect(profile.facts.her2_ihc.current.value).toBe('2+');
    expect(profile.documents.map((d: { status: string }) => d.status).sort()).toEqual(['done', 'failed']);
  });

  it('reports processing stages before done', async () => {
    const patientId = newPatientId('progress');
    const token = patientToken(patientId);
    const res = await upload(sys, patientId, token, fixture('samples/breast-report-photo.jpg'), 'photo.jpg');
    const { seen } = await waitForDocument(sys, res.body.documentId, token);
    expect(seen).toContain('processing:reading');
    expect(seen.at(-1)).toBe('done');
  });
});
