// Bad input gets a clear 4xx and leaves nothing behind: no stored file, no row, no job.
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '@onco/persistence';
import { createRedis, QUEUE_NAMES } from '@onco/queue';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, MAX_UPLOAD_BYTES, newPatientId, patientToken, startSystem, upload, type System } from './harness.js';

let sys: System;
const db = createDb(process.env.DATABASE_URL!);
const redis = createRedis(process.env.REDIS_URL!);
const queue = new Queue(QUEUE_NAMES.documents, { connection: redis });

beforeAll(async () => {
  // API only: nothing may reach a worker, and we look at what is queued.
  sys = await startSystem({ worker: false });
});
afterAll(async () => {
  await sys?.close();
  await queue.close();
  redis.disconnect();
  await db.$disconnect();
});

async function expectNothingKept(patientId: string) {
  expect(await db.document.count({ where: { patientId } })).toBe(0);
  expect(fs.existsSync(path.join(sys.storageDir, 'patients', patientId))).toBe(false);
  const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
  const ids = new Set((await db.document.findMany({ where: { patientId }, select: { id: true } })).map((d) => d.id));
  expect(jobs.filter((j) => ids.has(j.data.documentId))).toHaveLength(0);
}

describe('refused uploads', () => {
  it.each([
    ['a 0-byte file', () => Buffer.alloc(0), 'empty.pdf', 400, 'empty_file', /empty/],
    ['an executable renamed .pdf', () => fixture('hostile/executable.pdf'), 'report.pdf', 415, 'unsupported_type', /not supported/],
    ['an HTML page', () => fixture('hostile/page.html'), 'report.pdf', 415, 'unsupported_type', /not supported/],
    ['a JPEG that is also a PDF', () => fixture('../packages/document-reader/fixtures/hostile/polyglot-pdf-in-jpeg.jpg'), 'photo.jpg', 415, 'unsupported_type', /not supported/],
    ['a PDF with a zip archive appended', () => fixture('../packages/document-reader/fixtures/hostile/polyglot-zip-after-pdf.pdf'), 'report.pdf', 415, 'unsupported_type', /not supported/],
    ['a file over the size limit', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20)]), 'big.pdf', 413, 'file_too_large', /larger than the upload limit/],
  ])('%s gets a clear error and nothing is stored or queued', async (_label, bytes, name, status, code, message) => {
    const patientId = newPatientId('bad');
    const res = await upload(sys, patientId, patientToken(patientId), bytes(), name);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    await expectNothingKept(patientId);
  });

  it('a request without the file field is refused', async () => {
    const patientId = newPatientId('bad');
    const res = await fetch(`${sys.url}/v1/patients/${patientId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${patientToken(patientId)}` },
      body: new FormData(),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('missing_file');
  });

  it('a malformed patient id is refused with the field named', async () => {
    const res = await upload(sys, 'bad id!', patientToken('x'), fixture('samples/breast-report.pdf'), 'r.pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('path.patientId');
  });
});

describe('accepted uploads', () => {
  it('stores the file, creates a queued document and enqueues one job by document id', async () => {
    const patientId = newPatientId('ok');
    const res = await upload(sys, patientId, patientToken(patientId), fixture('samples/breast-report.pdf'), 'r.pdf');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', duplicate: false, statusUrl: `/v1/documents/${res.body.documentId}` });
    const job = await queue.getJob(res.body.documentId);
    expect(job?.data).toEqual({ documentId: res.body.documentId });
    expect(fs.readdirSync(path.join(sys.storageDir, 'patients', patientId))).toHaveLength(1);
  });

  it('the same bytes twice for one patient are one document, processed once', async () => {
    const patientId = newPatientId('dup');
    const token = patientToken(patientId);
    const first = await upload(sys, patientId, token, fixture('samples/breast-report.txt'), 'a.txt');
    const second = await upload(sys, patientId, token, fixture('samples/breast-report.txt'), 'renamed.txt');
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ documentId: first.body.documentId, duplicate: true });
    expect(await db.document.count({ where: { patientId } })).toBe(1);
  });

  it('the same bytes raced in concurrently still make one document', async () => {
    const patientId = newPatientId('race');
    const token = patientToken(patientId);
    const results = await Promise.all([1, 2, 3].map(() => upload(sys, patientId, token, fixture('samples/breast-report-photo.jpg'), 'p.jpg')));
    expect(new Set(results.map((r) => r.body.documentId)).size).toBe(1);
    expect(results.filter((r) => r.status === 202)).toHaveLength(1);
    expect(await db.document.count({ where: { patientId } })).toBe(1);
  });
});
