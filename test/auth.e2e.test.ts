// Every endpoint needs a bearer token, and a patient reaches only their own records.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fixture, getJson, newPatientId, patientToken, startSystem, tokenFor, upload, type System } from './harness.js';

let sys: System;
const A = newPatientId('A');
const B = newPatientId('B');
let bDocument: string;

beforeAll(async () => {
  sys = await startSystem({ worker: false });
  const res = await upload(sys, B, patientToken(B), fixture('samples/breast-report.txt'), 'b.txt');
  expect(res.status).toBe(202);
  bDocument = res.body.documentId;
});
afterAll(async () => {
  await sys?.close();
});

describe('authentication', () => {
  it.each([
    ['GET', () => `/v1/patients/${A}/profile`],
    ['GET', () => `/v1/documents/${bDocument}`],
    ['POST', () => `/v1/patients/${A}/documents`],
  ])('%s %s without a token is 401', async (method, p) => {
    const res = await fetch(`${sys.url}${p()}`, { method });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('a token signed with another secret is 401', async () => {
    const res = await fetch(`${sys.url}/v1/patients/${A}/profile`, { headers: bearer(`${patientToken(A).slice(0, -4)}AAAA`) });
    expect(res.status).toBe(401);
  });
});

describe("patient A's token on patient B's records", () => {
  const tokenA = patientToken(A);
  it('is refused on the profile', async () => {
    const { status, body } = await getJson(sys, `/v1/patients/${B}/profile`, tokenA);
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });
  it('is refused on a document (as if it did not exist)', async () => {
    const { status } = await getJson(sys, `/v1/documents/${bDocument}`, tokenA);
    expect(status).toBe(404);
  });
  it('is refused on upload, and nothing is stored', async () => {
    const res = await upload(sys, B, tokenA, fixture('samples/breast-report.pdf'), 'x.pdf');
    expect(res.status).toBe(403);
    expect(fs.readdirSync(path.join(sys.storageDir, 'patients', B))).toHaveLength(1);
  });
  it("B's own token reads B's document", async () => {
    const { status, body } = await getJson(sys, `/v1/documents/${bDocument}`, patientToken(B));
    expect(status).toBe(200);
    expect(body.patientId).toBe(B);
  });
});

describe('roles', () => {
  it('a navigator reads any patient', async () => {
    const { status } = await getJson(sys, `/v1/documents/${bDocument}`, tokenFor({ role: 'navigator', sub: 'n1' }));
    expect(status).toBe(200);
  });
  it('a service may read but not upload', async () => {
    const service = tokenFor({ role: 'service', sub: 'answers' });
    expect((await getJson(sys, `/v1/documents/${bDocument}`, service)).status).toBe(200);
    expect((await upload(sys, B, service, fixture('samples/breast-report.pdf'), 'x.pdf')).status).toBe(403);
  });
  it('a profile for a patient with no records is 404', async () => {
    const nobody = newPatientId('none');
    const { status, body } = await getJson(sys, `/v1/patients/${nobody}/profile`, patientToken(nobody));
    expect(status).toBe(404);
    expect(body.error.code).toBe('patient_not_found');
  });
});
