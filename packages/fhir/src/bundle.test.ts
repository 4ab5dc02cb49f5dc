import { describe, expect, it } from 'vitest';
import type { Bundle, Condition, DocumentReference, Observation, Patient } from '@medplum/fhirtypes';
import { LOINC_SYSTEM, LOINC_TUMOR_MARKERS, SNOMED_SYSTEM, toFhirBundle } from './index.js';
import { BIOPSY_ID, EVIDENCE, EXCISION_ID, sampleBreastProfile } from './test-support/sample-profile.js';
import { byCode, keysDeep, observations, ofType, references, resources } from './test-support/bundle-helpers.js';

const BASE = 'https://api.example.org';
const bundle = toFhirBundle(sampleBreastProfile(), { baseUrl: BASE });
const loinc = (code: string) => byCode(bundle, LOINC_SYSTEM, code);
const row = (fact: string) => LOINC_TUMOR_MARKERS.find((r) => r.fact === fact)!;
const fullUrlOf = (b: Bundle, r: { id?: string; resourceType: string }) => b.entry!.find((e) => e.resource === r)!.fullUrl!;

describe('bundle shape', () => {
  it('is a collection with one Patient, one Condition, one DocumentReference per document', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(ofType(bundle, 'Patient')).toHaveLength(1);
    expect(ofType(bundle, 'Condition')).toHaveLength(1);
    expect(ofType(bundle, 'DocumentReference').map((d) => d.id)).toEqual([BIOPSY_ID, EXCISION_ID]);
  });

  it('gives every entry a unique urn:uuid fullUrl', () => {
    const urls = bundle.entry!.map((e) => e.fullUrl!);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(u).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is the same for the same profile (ids are name-based)', () => {
    expect(toFhirBundle(sampleBreastProfile(), { baseUrl: BASE })).toEqual(bundle);
  });

  it('gives another patient other fullUrls', () => {
    const other = toFhirBundle(sampleBreastProfile({ patientId: 'patient-0043' }), { baseUrl: BASE });
    const mine = new Set(bundle.entry!.map((e) => e.fullUrl));
    expect(other.entry!.some((e) => mine.has(e.fullUrl))).toBe(false);
  });
});

describe('references', () => {
  it('every reference targets a fullUrl in the bundle', () => {
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const refs = references(bundle);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !urls.has(r.reference))).toEqual([]);
  });

  it('targets have the types R4 allows there', () => {
    const typeOf = new Map(bundle.entry!.map((e) => [e.fullUrl, e.resource!.resourceType]));
    for (const o of observations(bundle)) {
      expect(typeOf.get(o.subject!.reference)).toBe('Patient');
      for (const d of o.derivedFrom ?? []) expect(['DocumentReference', 'Observation']).toContain(typeOf.get(d.reference));
      for (const f of o.focus ?? []) expect(typeOf.get(f.reference)).toBe('Condition');
      for (const m of o.hasMember ?? []) expect(typeOf.get(m.reference)).toBe('Observation');
    }
    const [condition] = ofType(bundle, 'Condition');
    expect(typeOf.get(condition!.stage![0]!.assessment![0]!.reference)).toBe('Observation');
  });
});

describe('Patient', () => {
  const [patient] = ofType(bundle, 'Patient') as Patient[];

  it('has id = patientId and the id as identifier', () => {
    expect(patient!.id).toBe('patient-0042');
    expect(patient!.identifier).toEqual([{ system: `${BASE}/v1/patients`, value: 'patient-0042' }]);
  });

  it('holds no name: only a data-absent-reason, which US Core requires', () => {
    expect(patient!.name).toEqual([{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] }]);
  });

  it('no name parts anywhere in the bundle', () => {
    const keys = keysDeep(bundle);
    for (const k of ['family', 'given', 'prefix', 'suffix', 'birthDate', 'telecom', 'address']) expect(keys.has(k)).toBe(false);
    expect(resources(bundle).every((r) => r.resourceType === 'Patient' || !('name' in r))).toBe(true);
  });

  it('a patient id with "_" (allowed by us, not by FHIR ids) stays in the identifier', () => {
    const b = toFhirBundle(sampleBreastProfile({ patientId: 'clinic_7-0042' }));
    const [p] = ofType(b, 'Patient') as Patient[];
    expect(p!.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(p!.identifier![0]!.value).toBe('clinic_7-0042');
  });
});

describe('tumor markers: LOINC codes', () => {
  it.each([
    ['ER', '85337-4', 'Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain', 'er_status'],
    ['ER %', '85329-1', 'Cells.estrogen receptor/100 cells in Breast cancer specimen by Immune stain', 'er_percent'],
    ['PR', '85339-0', 'Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain', 'pr_status'],
    ['PR %', '85325-9', 'Cells.progesterone receptor/100 cells in Breast cancer specimen by Immune stain', 'pr_percent'],
    ['HER2 IHC', '85319-2', 'HER2 [Presence] in Breast cancer specimen by Immune stain', 'her2_ihc'],
    ['HER2 ISH', '85318-4', 'ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH', 'her2_ish'],
    ['HER2 status', '48676-1', 'HER2 [Interpretation] in Tissue', 'derived.her2Status'],
  ])('%s is LOINC %s as in the table', (_label, code, display, fact) => {
    expect(row(fact).loinc).toEqual({ code, display });
    const obs = loinc(code);
    expect(obs?.code.coding).toEqual([{ system: LOINC_SYSTEM, code, display }]);
  });

  it('Ki-67 is coded with LOINC 29593-1 (outside the mCODE value set, which the binding allows)', () => {
    const ki67 = observations(bundle).find((o) => o.code.text === row('ki67').label);
    expect(ki67?.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '29593-1' });
    expect(ki67?.valueQuantity).toEqual({ value: 20, unit: '%', system: 'http://unitsofmeasure.org', code: '%' });
  });

  it('are mCODE TumorMarkerTests in category laboratory', () => {
    const markers = observations(bundle).filter((o) => o.meta?.profile?.[0]?.endsWith('mcode-tumor-marker-test'));
    expect(markers).toHaveLength(10);
    for (const o of markers) expect(o.category![0]!.coding![0]).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' });
  });
});

describe('tumor markers: values', () => {
  it('ER positive 95%', () => {
    expect(loinc('85337-4')!.valueCodeableConcept).toEqual({ coding: [{ system: SNOMED_SYSTEM, code: '10828004', display: 'Positive (qualifier value)' }], text: 'Positive' });
    expect(loinc('85329-1')!.valueQuantity).toMatchObject({ value: 95, code: '%' });
  });

  it('PR positive 40%', () => {
    expect(loinc('85339-0')!.valueCodeableConcept!.coding![0]!.code).toBe('10828004');
    expect(loinc('85325-9')!.valueQuantity).toMatchObject({ value: 40, code: '%' });
  });

  it('HER2 IHC 2+ is equivocal, keeping the score in the text', () => {
    expect(loinc('85319-2')!.valueCodeableConcept).toEqual({ coding: [{ system: SNOMED_SYSTEM, code: '42425007', display: 'Equivocal (qualifier value)' }], text: 'IHC 2+ (equivocal)' });
  });

  it('HER2 ISH not amplified is negative', () => {
    expect(loinc('85318-4')!.valueCodeableConcept).toEqual({ coding: [{ system: SNOMED_SYSTEM, code: '260385009', display: 'Negative (qualifier value)' }], text: 'Not amplified' });
  });

  it('HER2 status negative, derived from the IHC and ISH observations, with its rule, source and category', () => {
    const her2 = loinc('48676-1')!;
    expect(her2.valueCodeableConcept!.text).toBe('Negative');
    const ihcUrl = fullUrlOf(bundle, loinc('85319-2')!);
    const ishUrl = fullUrlOf(bundle, loinc('85318-4')!);
    expect(her2.derivedFrom!.map((r) => r.reference)).toEqual(expect.arrayContaining([ihcUrl, ishUrl]));
    const notes = her2.note!.map((n) => n.text).join('\n');
    expect(notes).toContain('her2.ihc2_ish_negative');
    expect(notes).toContain('ASCO/CAP');
    expect(notes).toContain('HER2 category: low');
  });

  it('LOINC answer codes on request', () => {
    const b = toFhirBundle(sampleBreastProfile(), { answerCodes: 'loinc' });
    expect(byCode(b, LOINC_SYSTEM, '85337-4')!.valueCodeableConcept!.coding).toEqual([{ system: LOINC_SYSTEM, code: 'LA6576-8', display: 'Positive' }]);
    expect(byCode(b, LOINC_SYSTEM, '85318-4')!.valueCodeableConcept!.coding).toEqual([{ system: LOINC_SYSTEM, code: 'LA6577-6', display: 'Negative' }]);
    // No LOINC answer for equivocal in the sources: SNOMED stays.
    expect(byCode(b, LOINC_SYSTEM, '85319-2')!.valueCodeableConcept!.coding![0]!.system).toBe(SNOMED_SYSTEM);
  });

  it('"<1%" keeps its comparator (extraction stores it as 0)', () => {
    const p = sampleBreastProfile();
    p.facts['er_percent']!.current = { ...p.facts['er_percent']!.current!, value: 0, raw: '<1%' };
    const b = toFhirBundle(p);
    expect(byCode(b, LOINC_SYSTEM, '85329-1')!.valueQuantity).toEqual({ value: 1, comparator: '<', unit: '%', system: 'http://unitsofmeasure.org', code: '%' });
  });

  it('ER low positive is positive, said in the text', () => {
    const p = sampleBreastProfile();
    p.facts['er_status']!.current = { ...p.facts['er_status']!.current!, value: 'low_positive' };
    const cc = byCode(toFhirBundle(p), LOINC_SYSTEM, '85337-4')!.valueCodeableConcept!;
    expect(cc.coding![0]!.code).toBe('10828004');
    expect(cc.text).toBe('Low positive (1-10%)');
  });

  it('a pending test with no value is not exported', () => {
    const p = sampleBreastProfile();
    p.facts['pr_status'] = { ...p.facts['pr_status']!, current: null, pending: true };
    expect(byCode(toFhirBundle(p), LOINC_SYSTEM, '85339-0')).toBeUndefined();
  });
});

describe('evidence on every Observation', () => {
  const docUrls = new Set(bundle.entry!.filter((e) => e.resource!.resourceType === 'DocumentReference').map((e) => e.fullUrl));

  it('references the Patient, carries a note and derives from a DocumentReference', () => {
    const patientUrl = bundle.entry![0]!.fullUrl;
    for (const o of observations(bundle)) {
      expect(o.subject).toEqual({ reference: patientUrl });
      expect(o.note?.length).toBeGreaterThan(0);
      expect(o.derivedFrom?.some((r) => docUrls.has(r.reference))).toBe(true);
    }
  });

  it('the note quotes the report text with page, specimen and rule', () => {
    expect(loinc('85337-4')!.note![0]!.text).toBe(`Estrogen receptor (IHC): "${EVIDENCE.er}" (page 2; rule er.status.pos)`);
    expect(loinc('85318-4')!.note![0]!.text).toContain(`"${EVIDENCE.her2Ish}" (page 3, specimen A, addendum;`);
  });

  it('derives from the document the value came from', () => {
    const excision = bundle.entry!.find((e) => e.resource!.id === EXCISION_ID)!.fullUrl;
    const biopsy = bundle.entry!.find((e) => e.resource!.id === BIOPSY_ID)!.fullUrl;
    expect(loinc('85318-4')!.derivedFrom).toEqual([{ reference: excision }]);
    expect(loinc('85319-2')!.derivedFrom).toEqual([{ reference: biopsy }]);
  });

  it('a value awaiting review is preliminary and says why', () => {
    const p = sampleBreastProfile();
    p.facts['her2_ihc'] = { ...p.facts['her2_ihc']!, conflict: true, needsReview: true };
    const o = byCode(toFhirBundle(p), LOINC_SYSTEM, '85319-2')!;
    expect(o.status).toBe('preliminary');
    expect(o.note!.map((n) => n.text)).toContain('HER2 (IHC): conflicting values in the reports; awaiting navigator review.');
  });

  it("a navigator's correction is amended and keeps the decision", () => {
    const p = sampleBreastProfile();
    const f = p.facts['pr_percent']!;
    p.facts['pr_percent'] = {
      ...f,
      current: { ...f.current!, value: 45, raw: '45', source: 'correction' },
      corrected: { action: 'correct', value: 45, against: 40, reason: 'Addendum page 2 says 45%', author: 'navigator-1', at: '2024-04-20T10:00:00Z', applied: true },
    };
    const o = byCode(toFhirBundle(p), LOINC_SYSTEM, '85325-9')!;
    expect(o.status).toBe('amended');
    expect(o.valueQuantity!.value).toBe(45);
    expect(o.note!.map((n) => n.text)).toContain('Navigator decision (correct) by navigator-1 at 2024-04-20T10:00:00Z: Addendum page 2 says 45%');
  });
});

describe('staging', () => {
  const t = loinc('21899-0');
  const n = loinc('21900-6');
  const m = loinc('21907-1');
  const group = loinc('21902-2');
  const [condition] = ofType(bundle, 'Condition') as Condition[];
  const conditionUrl = fullUrlOf(bundle, condition!);

  it('pT2 pN1a are pathologic categories, cM0 a clinical one (by prefix)', () => {
    expect(t!.code.coding).toEqual([
      { system: SNOMED_SYSTEM, code: '384625004', display: 'pT category' },
      { system: LOINC_SYSTEM, code: '21899-0', display: 'Primary tumor.pathology Cancer' },
    ]);
    expect(t!.valueCodeableConcept).toEqual({ text: 'pT2' });
    expect(n!.valueCodeableConcept).toEqual({ text: 'pN1a' });
    expect(m!.code.coding![0]!.code).toBe('399387003');
    expect(m!.valueCodeableConcept).toEqual({ coding: [{ system: SNOMED_SYSTEM, code: '1229901006', display: 'American Joint Committee on Cancer cM0 (qualifier value)' }], text: 'cM0' });
  });

  it('stage IIB is a pathologic stage group with its T, N and M as members', () => {
    expect(group!.meta!.profile).toEqual(['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-stage-group']);
    expect(group!.code.coding!.map((c) => c.code)).toEqual(['399588009', '21902-2']);
    expect(group!.valueCodeableConcept!.coding![0]!.code).toBe('1222769001');
    expect(group!.hasMember!.map((r) => r.reference)).toEqual([t, n, m].map((o) => fullUrlOf(bundle, o!)));
    expect(group!.focus).toEqual([{ reference: conditionUrl }]);
  });

  it('method is AJCC 8th edition', () => {
    for (const o of [t, n, m, group]) expect(o!.method!.coding![0]!.code).toBe('897275008');
  });

  it('a clinical stage uses the clinical codes', () => {
    const p = sampleBreastProfile();
    p.facts['tnm_t']!.current = { ...p.facts['tnm_t']!.current!, value: { prefix: 'c', category: 'T2' } };
    p.facts['tnm_n']!.current = { ...p.facts['tnm_n']!.current!, value: { prefix: 'c', category: 'N1' } };
    const b = toFhirBundle(p);
    expect(byCode(b, LOINC_SYSTEM, '21905-5')).toBeDefined();
    expect(byCode(b, LOINC_SYSTEM, '21906-3')).toBeDefined();
    expect(byCode(b, LOINC_SYSTEM, '21908-9')!.code.coding![0]!.code).toBe('399537006');
    expect(byCode(b, LOINC_SYSTEM, '21902-2')).toBeUndefined();
  });

  it('mixed or missing prefixes give the "other" stage group type', () => {
    const p = sampleBreastProfile();
    p.facts['tnm_n']!.current = { ...p.facts['tnm_n']!.current!, value: { prefix: 'c', category: 'N1' } };
    expect(byCode(toFhirBundle(p), LOINC_SYSTEM, '21914-7')).toBeDefined();
  });

  it('the Condition carries the stage summary and points at the stage group', () => {
    expect(condition!.stage).toEqual([{ summary: group!.valueCodeableConcept, assessment: [{ reference: fullUrlOf(bundle, group!) }], type: group!.method }]);
  });
});

describe('PrimaryCancerCondition', () => {
  const [condition] = ofType(bundle, 'Condition') as Condition[];

  it('is breast cancer (SNOMED CT 254837009), pathology-confirmed', () => {
    expect(condition!.code!.coding).toEqual([{ system: SNOMED_SYSTEM, code: '254837009', display: 'Malignant neoplasm of breast (disorder)' }]);
    expect(condition!.verificationStatus!.coding![0]!.code).toBe('confirmed');
    expect(condition!.clinicalStatus).toBeUndefined();
  });

  it('histology as ICD-O-3 in the mCODE extension, body site with laterality', () => {
    expect(condition!.extension).toEqual([
      { url: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior', valueCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/icd-o-3', code: '8500/3', display: 'Infiltrating duct carcinoma, NOS' }], text: 'invasive ductal carcinoma' } },
    ]);
    expect(condition!.bodySite![0]!.coding![0]!.code).toBe('76752008');
    expect(condition!.bodySite![0]!.extension![0]!.valueCodeableConcept!.coding![0]!.code).toBe('7771000');
  });

  it('an unknown cancer type falls back to "Malignant neoplastic disease"', () => {
    const b = toFhirBundle(sampleBreastProfile({ cancerType: 'mesothelioma' }));
    const [c] = ofType(b, 'Condition') as Condition[];
    expect(c!.code).toEqual({ coding: [{ system: SNOMED_SYSTEM, code: '363346000', display: 'Malignant neoplastic disease (disorder)' }], text: 'Mesothelioma cancer' });
    expect(c!.bodySite).toBeUndefined();
  });

  it('a profile with no facts has no Condition and no Observations', () => {
    const empty = sampleBreastProfile({ cancerType: null, facts: {}, derived: { erStatus: null, prStatus: null, hrStatus: null, her2Status: null, her2Category: null, breastSubtype: null, stageGroup: null } });
    const b = toFhirBundle(empty);
    expect(resources(b).map((r) => r.resourceType)).toEqual(['Patient', 'DocumentReference', 'DocumentReference']);
  });
});

describe('DocumentReference', () => {
  const docs = ofType(bundle, 'DocumentReference') as DocumentReference[];

  it('is current and links to /v1/documents/{id}', () => {
    expect(docs.map((d) => [d.status, d.content[0]!.attachment.url])).toEqual([
      ['current', `${BASE}/v1/documents/${BIOPSY_ID}`],
      ['current', `${BASE}/v1/documents/${EXCISION_ID}`],
    ]);
  });

  it('is a relative link without baseUrl', () => {
    const [d] = ofType(toFhirBundle(sampleBreastProfile()), 'DocumentReference') as DocumentReference[];
    expect(d!.content[0]!.attachment.url).toBe(`/v1/documents/${BIOPSY_ID}`);
  });

  it('dates: upload time as date, report date as period start', () => {
    expect(docs[0]!.date).toBe('2024-03-05T14:12:09Z');
    expect(docs[0]!.context).toEqual({ period: { start: '2024-03-02' } });
  });

  it('every Observation effective date is a report date', () => {
    const dates = new Set(['2024-03-02', '2024-04-15']);
    for (const o of observations(bundle) as Observation[]) expect(dates.has(o.effectiveDateTime!)).toBe(true);
  });
});
