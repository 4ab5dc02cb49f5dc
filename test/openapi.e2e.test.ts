// /openapi.json describes every endpoint, and what the API really accepts and returns matches it:
// live responses are validated against the published schemas with a JSON Schema validator.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fixture, newPatientId, patientToken, startSystem, tokenFor, upload, waitForDocument, type System } from './harness.js';

let sys: System;
let spec: any;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
(((formats as any).default ?? formats) as (a: Ajv2020) => void)(ajv);

beforeAll(async () => {
  sys = await startSystem();
  spec = await (await fetch(`${sys.url}/openapi.json`)).json();
  ajv.addSchema(spec.components.schemas.Error, '#/components/schemas/Error');
});
afterAll(async () => {
  await sys?.close();
});

/** Calls the API and checks the answer against the operation's declared response schema. */
async function call(method: string, specPath: string, url: string, init: RequestInit = {}) {
  const res = await fetch(`${sys.url}${url}`, { method: method.toUpperCase(), ...init });
  const op = spec.paths[specPath]?.[method];
  expect(op, `${method} ${specPath} is in /openapi.json`).toBeDefined();
  const declared = op.responses[String(res.status)];
  expect(declared, `${method} ${specPath} declares status ${res.status}`).toBeDefined();
  const body = await res.json();
  const schema = declared.content?.['application/json']?.schema;
  if (schema) {
    const resolved = schema.$ref ? spec.components.schemas.Error : schema;
    const validate = ajv.compile(resolved);
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }
  return { status: res.status, body };
}

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 with bearer security', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every route the API serves', () => {
    const listed = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m} ${p}`));
    expect(listed.sort()).toEqual(
      [
        'get /healthz',
        'post /v1/patients/{patientId}/documents',
        'get /v1/documents/{documentId}',
        'get /v1/patients/{patientId}/documents',
        'post /v1/documents/{documentId}/reprocess',
        'get /v1/patients/{patientId}/profile',
        'get /v1/patients/{patientId}/profile/changes',
        'get /v1/patients/{patientId}/context',
        'get /v1/patients/{patientId}/fhir',
        'post /v1/patients/{patientId}/corrections',
        'get /v1/patients/{patientId}/corrections',
        'post /v1/webhooks',
        'get /v1/webhooks',
        'delete /v1/webhooks/{webhookId}',
        'get /v1/webhooks/{webhookId}/deliveries',
      ].sort(),
    );
  });

  it('has a readable docs page', async () => {
    const html = await (await fetch(`${sys.url}/docs`)).text();
    expect(html).toContain('/v1/patients/{patientId}/profile');
  });
});

describe('live answers match the published schemas', () => {
  const patientId = newPatientId('oa');
  const token = patientToken(patientId);
  let documentId: string;

  it('upload (202, then 200 for the same bytes)', async () => {
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(fixture('samples/breast-report.txt'))]), 'r.txt');
      return f;
    };
    const p = '/v1/patients/{patientId}/documents';
    const first = await call('post', p, `/v1/patients/${patientId}/documents`, { headers: bearer(token), body: form() });
    expect(first.status).toBe(202);
    documentId = first.body.documentId;
    expect((await call('post', p, `/v1/patients/${patientId}/documents`, { headers: bearer(token), body: form() })).status).toBe(200);
    await waitForDocument(sys, documentId, token);
  });

  it('document status and list', async () => {
    expect((await call('get', '/v1/documents/{documentId}', `/v1/documents/${documentId}`, { headers: bearer(token) })).status).toBe(200);
    expect((await call('get', '/v1/patients/{patientId}/documents', `/v1/patients/${patientId}/documents`, { headers: bearer(token) })).status).toBe(200);
  });

  it('profile', async () => {
    const { status, body } = await call('get', '/v1/patients/{patientId}/profile', `/v1/patients/${patientId}/profile`, { headers: bearer(token) });
    expect(status).toBe(200);
    expect(body.version).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['no token', () => ({})],
    ['another patient', () => ({ headers: bearer(patientToken('someone-else')) })],
  ])('errors are the declared Error shape (%s)', async (_l, init) => {
    const { status } = await call('get', '/v1/patients/{patientId}/profile', `/v1/patients/${patientId}/profile`, init());
    expect([401, 403]).toContain(status);
  });

  it('an invalid id is refused as the spec says (400)', async () => {
    const { status } = await call('get', '/v1/documents/{documentId}', '/v1/documents/not-a-uuid', { headers: bearer(tokenFor({ role: 'navigator', sub: 'n' })) });
    expect(status).toBe(400);
  });

  it('the path parameter patterns in the spec are the ones the API enforces', () => {
    const param = spec.paths['/v1/patients/{patientId}/profile'].get.parameters[0];
    const validate = ajv.compile(param.schema);
    expect(validate(patientId)).toBe(true);
    expect(validate('bad id!')).toBe(false);
  });
});

describe('/schemas/profile.schema.json', () => {
  it('is a JSON Schema that the live profile satisfies', async () => {
    const schema = await (await fetch(`${sys.url}/schemas/profile.schema.json`)).json();
    expect(schema.$schema).toMatch(/json-schema.org/);
    const navigator = tokenFor({ role: 'navigator', sub: 'n' });
    const id = newPatientId('schema');
    await upload(sys, id, patientToken(id), fixture('profile/1-core-biopsy.txt'), 'a.txt').then((r) => waitForDocument(sys, r.body.documentId, navigator));
    const profile = await (await fetch(`${sys.url}/v1/patients/${id}/profile`, { headers: bearer(navigator) })).json();
    const { $id: _id, ...rest } = schema;
    const validate = ajv.compile(rest);
    expect(validate(profile), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});

describe('upload errors', () => {
  it('415 for an executable is declared and shaped as the spec says', async () => {
    const id = newPatientId('oa');
    const f = new FormData();
    f.append('file', new Blob([new Uint8Array(fixture('hostile/executable.pdf'))]), 'x.pdf');
    const { status } = await call('post', '/v1/patients/{patientId}/documents', `/v1/patients/${id}/documents`, { headers: bearer(patientToken(id)), body: f });
    expect(status).toBe(415);
  });
  it('the upload helper still works', async () => {
    const id = newPatientId('oa');
    expect((await upload(sys, id, patientToken(id), fixture('samples/breast-report.txt'), 'a.txt')).status).toBe(202);
  });
});
