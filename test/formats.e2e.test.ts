// Every kind of file a patient actually sends, through the API and the worker, becomes the same
// profile values. (The text PDF, scanned PDF and photo are in pipeline.e2e.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, getJson, newPatientId, patientToken, startSystem, upload, waitForDocument, type System } from './harness.js';

let sys: System;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.close();
});

const report = fixture('samples/breast-report.txt').toString('utf8');
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]);
const latin1 = Buffer.from(report.replace('Ki-67', 'Ki-67 (prolifération)'), 'latin1');

const CASES: [string, () => Buffer, string, number][] = [
  ['multi-page TIFF fax', () => fixture('samples/breast-report-fax.tif'), 'fax.tif', 2],
  ['mixed PDF (typed cover page, scanned report)', () => fixture('samples/breast-report-mixed.pdf'), 'mixed.pdf', 2],
  ['JPEG stored sideways (EXIF orientation 6)', () => fixture('samples/breast-report-photo-exif6.jpg'), 'sideways.jpg', 1],
  ['plain text, UTF-8', () => fixture('samples/breast-report.txt'), 'report.txt', 1],
  ['plain text, UTF-16 with BOM', () => utf16le, 'report-utf16.txt', 1],
  ['plain text, Latin-1', () => latin1, 'report-latin1.txt', 1],
];

describe.each(CASES)('%s', (_label, bytes, name, pages) => {
  it('reaches done and the profile shows HER2 2+, ER positive and stage IIB with evidence', async () => {
    const patientId = newPatientId('fmt');
    const token = patientToken(patientId);
    const res = await upload(sys, patientId, token, bytes(), name);
    expect(res.status).toBe(202);
    const { final } = await waitForDocument(sys, res.body.documentId, token);
    expect(final.failure).toBeNull();
    expect(final).toMatchObject({ status: 'done', pageCount: pages });
    const { facts } = (await getJson(sys, `/v1/patients/${patientId}/profile`, token)).body;
    expect(facts.her2_ihc.current.value).toBe('2+');
    expect(facts.er_status.current.value).toBe('positive');
    expect(facts.stage_group.current.value).toBe('IIB');
    const ev = facts.stage_group.current.evidence;
    expect(ev.text).toMatch(/IIB/);
    expect(ev.page).toBeGreaterThanOrEqual(1);
  });
});

// Pages scanned upside down, sideways or askew (fixtures/scans, made from fixtures/reports).
const TURNED: [string, string, string][] = [
  ['a page turned 90 degrees', 'scans/breast-her2-2plus-fish-amplified.rotated.png', 'reports/breast-her2-2plus-fish-amplified.expected.json'],
  ['a page turned 180 degrees', 'scans/breast-report.rotated.png', 'samples/expected.json'],
  ['a page turned 270 degrees', 'scans/breast-synoptic-idc-her2-low.rotated.png', 'reports/breast-synoptic-idc-her2-low.expected.json'],
  ['a page skewed 1.9 degrees', 'scans/breast-report.skew.png', 'samples/expected.json'],
];

describe.each(TURNED)('%s', (_label, file, expectedFile) => {
  it('is read upright and gives the same HER2 and ER as its text', async () => {
    const expected = JSON.parse(fixture(expectedFile).toString('utf8'));
    const her2 = expected.summary?.her2.ihc ?? expected.values.her2.ihcScore;
    const er = expected.summary?.er.status ?? expected.values.er.status;
    const patientId = newPatientId('turn');
    const token = patientToken(patientId);
    const res = await upload(sys, patientId, token, fixture(file), file.split('/')[1]!);
    const { final } = await waitForDocument(sys, res.body.documentId, token);
    expect(final.status).toBe('done');
    const { facts } = (await getJson(sys, `/v1/patients/${patientId}/profile`, token)).body;
    expect(facts.her2_ihc.current.value).toBe(her2);
    expect(facts.er_status.current.value).toBe(er);
  });
});
