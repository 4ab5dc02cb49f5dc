// The profile as FHIR R4 (mCODE) through the API, checked by the official R4 JSON Schema and by
// a FHIR validator against the mCODE profiles (both from packages/fhir's test support).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgainstJsonSchema, validateAgainstProfiles } from '../packages/fhir/src/test-support/validators.js';
import { getJson, newPatientId, patientToken, startSystem, tokenFor, uploadAndWait, type System } from './harness.js';

let sys: System;
let bundle: any;
let contentType: string | null;
const patientId = newPatientId('fhir');

beforeAll(async () => {
  sys = await startSystem();
  const token = patientToken(patientId);
  await uploadAndWait(sys, patientId, token, 'profile/1-core-biopsy.txt');
  await uploadAndWait(sys, patientId, token, 'profile/2-resection.txt');
  const res = await fetch(`${sys.url}/v1/patients/${patientId}/fhir`, { headers: { authorization: `Bearer ${tokenFor({ role: 'service', sub: 'ehr' })}` } });
  contentType = res.headers.get('content-type');
  bundle = await res.json();
});
afterAll(async () => {
  await sys?.close();
});

const loinc = (code: string) =>
  bundle.entry.map((e: any) => e.resource).find((r: any) => r.resourceType === 'Observation' && r.code?.coding?.some((c: any) => c.system === 'http://loinc.org' && c.code === code));

describe('GET /v1/patients/{id}/fhir', () => {
  it('is served as FHIR JSON', () => expect(contentType).toMatch(/application\/fhir\+json/));
  it('passes the official FHIR R4 JSON Schema', () => expect(validateAgainstJsonSchema(bundle)).toEqual([]));
  it('passes the FHIR validator against the mCODE profiles', () =>
    expect(validateAgainstProfiles(bundle).filter((i: any) => i.severity === 'error')).toEqual([]));
  it.each([
    ['ER', '85337-4'],
    ['PR', '85339-0'],
    ['HER2 IHC', '85319-2'],
    ['Ki-67', '29593-1'],
  ])('carries %s with LOINC %s', (_m, code) => expect(loinc(code)).toBeDefined());
  it('carries the Ki-67 result', () => {
    const ki67 = bundle.entry.map((e: any) => e.resource).find((r: any) => r.resourceType === 'Observation' && /ki-?67/i.test(JSON.stringify(r.code)));
    expect(ki67?.valueQuantity?.value ?? ki67?.valueInteger).toBe(25);
  });
  it('has a DocumentReference per uploaded document', () =>
    expect(bundle.entry.filter((e: any) => e.resource.resourceType === 'DocumentReference')).toHaveLength(2));
  it('names no patient', () => expect(JSON.stringify(bundle)).not.toMatch(/"(given|family)"/));
  it("is refused to another patient's token", async () => {
    expect((await getJson(sys, `/v1/patients/${patientId}/fhir`, patientToken('intruder'))).status).toBe(403);
  });
});
