// The patient profile as an HL7 FHIR R4 Bundle (type "collection") following mCODE STU4 profiles.
// Pure: same profile and options, same bundle (ids are name-based UUIDs; no clock, no I/O).
import type {
  Annotation,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Condition,
  DocumentReference,
  Extension,
  Observation,
  Patient,
  Quantity,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { DerivedValue, FactValue, Profile, ProfileFact } from '@onco/contract';
import { FHIR_ID, dayOrMore, instant, uuid5 } from './ids.js';
import {
  LOINC_SYSTEM,
  LOINC_TUMOR_MARKERS,
  SNOMED_SYSTEM,
  STAGING_TYPE_BY_PREFIX,
  TNM_CODES,
  UCUM_SYSTEM,
  type StagingType,
  type TnmPart,
  type TumorMarkerRow,
} from './tables/loinc.js';
import {
  AJCC_EDITION_METHOD,
  AJCC_VALUES,
  CANCER_TYPES,
  DOCUMENT_TYPE,
  HISTOLOGY_ICD_O_3,
  ICD_O_3_SYSTEM,
  LATERALITY,
  MALIGNANT_NEOPLASTIC_DISEASE,
  RESULT_ANSWERS,
  RESULT_CLASS,
} from './tables/terminology.js';

export interface FhirBundleOptions {
  /**
   * Origin of our API (e.g. "https://api.example.org"). Document attachments link to
   * `{baseUrl}/v1/documents/{id}` (a relative URL when omitted) and the patient identifier uses
   * `{baseUrl}/v1/patients` as its system.
   */
  baseUrl?: string;
  /** Coding of positive/negative/equivocal values: SNOMED CT (default, US Core us-core-4) or LOINC answers. */
  answerCodes?: 'snomed' | 'loinc';
}

const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition';
/** Canonical URLs of the mCODE STU4 profiles each resource claims in `meta.profile`. */
export const MCODE_PROFILES = {
  bundle: `${MCODE}/mcode-patient-bundle`,
  patient: `${MCODE}/mcode-cancer-patient`,
  primaryCancerCondition: `${MCODE}/mcode-primary-cancer-condition`,
  tumorMarkerTest: `${MCODE}/mcode-tumor-marker-test`,
  stageGroup: `${MCODE}/mcode-tnm-stage-group`,
  t: `${MCODE}/mcode-tnm-primary-tumor-category`,
  n: `${MCODE}/mcode-tnm-regional-nodes-category`,
  m: `${MCODE}/mcode-tnm-distant-metastases-category`,
} as const;

const EXT = {
  histology: `${MCODE}/mcode-histology-morphology-behavior`,
  laterality: `${MCODE}/mcode-laterality-qualifier`,
  relatedCondition: `${MCODE}/mcode-related-condition`,
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
} as const;

/** Placeholder identifier system when no baseUrl is given (US Core requires a system). */
export const DEFAULT_PATIENT_ID_SYSTEM = 'urn:onco-profile:patient-id';

const LABORATORY: CodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }],
};

interface Ctx {
  profile: Profile;
  answerCodes: 'snomed' | 'loinc';
  patient: Reference<Patient>;
  /** fullUrl of the Condition, when one is exported. */
  condition: string | null;
  /** documentId -> fullUrl of its DocumentReference. */
  docs: Map<string, string>;
  /** Fact key -> fullUrl of the Observation exported for it. */
  factObservations: Map<string, string>;
}

const urn = (...parts: (string | number)[]) => `urn:uuid:${uuid5(parts.join('\u0000'))}`;
const idOf = (fullUrl: string) => fullUrl.slice('urn:uuid:'.length);
const ref = <T extends Resource = any>(fullUrl: string): Reference<T> => ({ reference: fullUrl });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The profile as a FHIR R4 collection Bundle: Patient, PrimaryCancerCondition, Observations, DocumentReferences. */
export function toFhirBundle(profile: Profile, opts: FhirBundleOptions = {}): Bundle {
  const baseUrl = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const pid = profile.patientId;
  const patientUrl = urn(pid, 'Patient');
  const docs = new Map(profile.documents.map((d) => [d.documentId, urn(pid, 'DocumentReference', d.documentId)]));
  const hasCancer = profile.cancerType != null || current(profile, 'histology') != null || stageValue(profile) != null || tnmOf(profile, 'tnm_t') != null;
  const ctx: Ctx = {
    profile,
    answerCodes: opts.answerCodes ?? 'snomed',
    patient: ref(patientUrl),
    condition: hasCancer ? urn(pid, 'Condition', 'primary') : null,
    docs,
    factObservations: new Map(),
  };

  const markers = LOINC_TUMOR_MARKERS.map((row) => markerObservation(ctx, row)).filter((e): e is BundleEntry<Observation> => e != null);
  const staging = stagingObservations(ctx);
  const entries: BundleEntry[] = [{ fullUrl: patientUrl, resource: patientResource(profile, patientUrl, baseUrl) }];
  if (ctx.condition) entries.push({ fullUrl: ctx.condition, resource: conditionResource(ctx, staging.group) });
  entries.push(...markers, ...staging.entries);
  for (const d of profile.documents) entries.push({ fullUrl: docs.get(d.documentId)!, resource: documentReference(ctx, d, baseUrl) });

  return {
    resourceType: 'Bundle',
    id: uuid5([pid, 'Bundle', profile.version].join('\u0000')),
    meta: { profile: [MCODE_PROFILES.bundle], ...(instant(profile.updatedAt) ? { lastUpdated: profile.updatedAt } : {}) },
    type: 'collection',
    ...(instant(profile.updatedAt) ? { timestamp: profile.updatedAt } : {}),
    entry: entries,
  };
}

// ---------------------------------------------------------------------------------------------
// Patient

function patientResource(profile: Profile, fullUrl: string, baseUrl: string): Patient {
  return {
    resourceType: 'Patient',
    // The brief: id = patientId. Our ids may contain "_", which FHIR ids do not allow.
    id: FHIR_ID.test(profile.patientId) ? profile.patientId : idOf(fullUrl),
    meta: { profile: [MCODE_PROFILES.patient] },
    identifier: [{ system: baseUrl ? `${baseUrl}/v1/patients` : DEFAULT_PATIENT_ID_SYSTEM, value: profile.patientId }],
    // We never hold names. US Core requires a name element; it carries only "masked" (us-core-6).
    name: [{ extension: [{ url: EXT.dataAbsentReason, valueCode: 'masked' }] }],
    // Not in the reports we read; FHIR's "unknown" says so (US Core requires gender).
    gender: 'unknown',
  };
}

// ---------------------------------------------------------------------------------------------
// Facts and evidence

function current(profile: Profile, key: string): FactValue | null {
  return profile.facts[key]?.current ?? null;
}

function docRef(ctx: Ctx, fv: FactValue | null | undefined): string | null {
  return fv?.documentId ? (ctx.docs.get(fv.documentId) ?? null) : null;
}

const uniq = <T>(xs: (T | null | undefined)[]): T[] => [...new Set(xs.filter((x): x is T => x != null))];

/** What a fact rests on: the report text (with page, specimen and rule), navigator decisions, review flags. */
function factNotes(label: string, fact: ProfileFact | undefined, fv: FactValue): Annotation[] {
  const notes: Annotation[] = [];
  if (fv.evidence) {
    const where = [`page ${fv.evidence.page}`, fv.specimen ? `specimen ${fv.specimen}` : null, fv.addendum ? 'addendum' : null, fv.priorSpecimen ? 'quoted from an earlier specimen' : null].filter(Boolean).join(', ');
    notes.push({ text: `${label}: "${fv.evidence.text}" (${where}; rule ${fv.evidence.ruleId})` });
  } else {
    notes.push({ text: `${label}: set by a navigator; no report text.` });
  }
  const c = fact?.corrected;
  if (c?.applied) notes.push({ text: `Navigator decision (${c.action}) by ${c.author} at ${c.at}: ${c.reason}` });
  const flags = [fact?.conflict ? 'conflicting values in the reports' : null, fact?.discordant ? 'result changed between specimens or reports' : null, fact?.needsReview ? 'awaiting navigator review' : null].filter(Boolean);
  if (flags.length) notes.push({ text: `${label}: ${flags.join('; ')}.` });
  return notes;
}

function observationStatus(fact: ProfileFact | undefined, fv: FactValue | null): Observation['status'] {
  if (fv?.source === 'correction') return 'amended';
  return fact?.needsReview ? 'preliminary' : 'final';
}

// ---------------------------------------------------------------------------------------------
// Values

function answer(ctx: Ctx, key: string): CodeableConcept | null {
  const row = RESULT_CLASS.rows[key];
  if (!row) return null;
  const a = RESULT_ANSWERS.rows[row.class];
  const coding = ctx.answerCodes === 'loinc' && a.loinc ? { system: LOINC_SYSTEM, ...a.loinc } : { system: SNOMED_SYSTEM, code: a.snomed.code, display: a.snomed.display };
  return { coding: [coding], text: row.text };
}

/** A percent; "<1%" or ">90%" keep their comparator (extraction stores "<1%" as 0). */
function percent(value: number, raw: string): Quantity {
  const lt = /(?:<|less\s+than|under)\s*(\d+(?:\.\d+)?)/i.exec(raw);
  const gt = /(?:>|greater\s+than|more\s+than)\s*(\d+(?:\.\d+)?)/i.exec(raw);
  const q: Quantity = { value, unit: '%', system: UCUM_SYSTEM, code: '%' };
  if (lt) return { ...q, comparator: '<', value: Number(lt[1]) };
  if (gt) return { ...q, comparator: '>', value: Number(gt[1]) };
  return q;
}

type ObservationValue = Pick<Observation, 'valueQuantity' | 'valueCodeableConcept' | 'valueString'>;

function markerValue(ctx: Ctx, row: TumorMarkerRow, value: unknown, raw: string): ObservationValue {
  const v = String(value);
  let cc: CodeableConcept | null = null;
  switch (row.value) {
    case 'receptor_presence':
    case 'her2_ish':
    case 'her2_status':
      cc = answer(ctx, v);
      break;
    case 'her2_ihc':
      cc = answer(ctx, `ihc:${v}`);
      break;
    case 'percent':
      if (typeof value === 'number') return { valueQuantity: percent(value, raw) };
      break;
    case 'ratio':
      if (typeof value === 'number') return { valueQuantity: { value, unit: 'ratio', system: UCUM_SYSTEM, code: '{ratio}' } };
      break;
    case 'copies_per_nucleus':
      if (typeof value === 'number') return { valueQuantity: { value, unit: 'copies per nucleus', system: UCUM_SYSTEM, code: '{copies}/{nucleus}' } };
      break;
  }
  // A value the table cannot code is kept as written (TumorMarkerTest allows a string).
  return cc ? { valueCodeableConcept: cc } : { valueString: raw || v };
}

function markerCode(row: TumorMarkerRow): CodeableConcept {
  return row.loinc ? { coding: [{ system: LOINC_SYSTEM, code: row.loinc.code, display: row.loinc.display }], text: row.label } : { text: row.label };
}

function relatedCondition(ctx: Ctx): Extension[] {
  return ctx.condition ? [{ url: EXT.relatedCondition, valueReference: ref(ctx.condition) }] : [];
}

// ---------------------------------------------------------------------------------------------
// Tumor markers

function markerObservation(ctx: Ctx, row: TumorMarkerRow): BundleEntry<Observation> | null {
  const { profile } = ctx;
  const fullUrl = urn(profile.patientId, 'Observation', row.id);
  const base = {
    resourceType: 'Observation' as const,
    id: idOf(fullUrl),
    meta: { profile: [MCODE_PROFILES.tumorMarkerTest] },
    category: [LABORATORY],
    code: markerCode(row),
    subject: ctx.patient,
  };
  let obs: Observation;
  if (row.fact.startsWith('derived.')) {
    const d = profile.derived[row.fact.slice('derived.'.length) as keyof Profile['derived']];
    if (!d) return null;
    obs = { ...base, ...derivedObservationParts(ctx, row, d) };
  } else {
    const fact = profile.facts[row.fact];
    const fv = fact?.current;
    if (!fact || !fv) return null;
    const effective = dayOrMore(fv.documentDate);
    const doc = docRef(ctx, fv);
    obs = {
      ...base,
      extension: relatedCondition(ctx),
      status: observationStatus(fact, fv),
      ...(effective ? { effectiveDateTime: effective } : {}),
      ...markerValue(ctx, row, fv.value, fv.raw),
      note: factNotes(row.label, fact, fv),
      ...(doc ? { derivedFrom: [ref(doc)] } : {}),
    };
  }
  if (!obs.extension?.length) delete obs.extension;
  ctx.factObservations.set(row.fact, fullUrl);
  return { fullUrl, resource: obs };
}

/** A category computed by the profile (e.g. HER2 status): its rule, source and the facts it came from. */
function derivedObservationParts(ctx: Ctx, row: TumorMarkerRow, d: DerivedValue): Omit<Observation, 'resourceType' | 'code'> {
  const { profile } = ctx;
  const facts = d.from.map((k) => ({ key: k, fact: profile.facts[k], fv: profile.facts[k]?.current ?? null }));
  const dates = facts.map((f) => dayOrMore(f.fv?.documentDate)).filter((x): x is string => x != null).sort();
  const category = row.fact === 'derived.her2Status' ? profile.derived.her2Category : null;
  const notes: Annotation[] = [
    { text: `${row.label}: ${d.value}, derived by rule ${d.rule} (${d.source}) from ${d.from.join(', ')}.${d.note ? ` ${d.note}` : ''}` },
    ...(category ? [{ text: `HER2 category: ${category.value} (rule ${category.rule}, ${category.source}).` }] : []),
    ...facts.flatMap((f) => (f.fv?.evidence ? [{ text: `${f.key}: "${f.fv.evidence.text}" (page ${f.fv.evidence.page}; rule ${f.fv.evidence.ruleId})` }] : [])),
  ];
  const reviewed = facts.some((f) => f.fact?.needsReview);
  const from = uniq([...d.from.map((k) => ctx.factObservations.get(k)), ...facts.map((f) => docRef(ctx, f.fv))]);
  return {
    extension: relatedCondition(ctx),
    status: reviewed ? 'preliminary' : 'final',
    ...(dates.length ? { effectiveDateTime: dates.at(-1)! } : {}),
    ...markerValue(ctx, row, d.value, d.value),
    note: notes,
    ...(from.length ? { derivedFrom: from.map(ref) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Staging

interface Tnm {
  prefix: string;
  category: string;
}

function tnmOf(profile: Profile, key: string): (Tnm & { fv: FactValue; fact: ProfileFact }) | null {
  const fact = profile.facts[key];
  const v = fact?.current?.value;
  if (!fact || !v || typeof v !== 'object') return null;
  const { prefix, category } = v as { prefix?: unknown; category?: unknown };
  if (typeof category !== 'string') return null;
  return { prefix: typeof prefix === 'string' ? prefix.toLowerCase() : '', category, fv: fact.current!, fact };
}

function stageValue(profile: Profile): { value: string; derived: DerivedValue | null; fv: FactValue | null } | null {
  const d = profile.derived.stageGroup;
  const fv = current(profile, 'stage_group');
  if (d) return { value: d.value, derived: d, fv: d.rule === 'stage.reported' ? fv : null };
  return typeof fv?.value === 'string' ? { value: fv.value, derived: null, fv } : null;
}

const stagingType = (prefix: string): StagingType => STAGING_TYPE_BY_PREFIX.prefixes[prefix] ?? 'other';

function stagingCode(type: StagingType, part: TnmPart): CodeableConcept {
  const row = TNM_CODES.rows[type][part];
  return {
    coding: [
      { system: SNOMED_SYSTEM, code: row.snomed.code, display: row.snomed.display },
      { system: LOINC_SYSTEM, code: row.loinc.code, display: row.loinc.display },
    ],
  };
}

function ajccValue(text: string): CodeableConcept {
  const row = AJCC_VALUES.rows[text];
  return row ? { coding: [{ system: SNOMED_SYSTEM, code: row.code, display: row.display }], text } : { text };
}

/** AJCC edition as stated, else the edition of the table the stage was derived with. */
function stagingMethod(profile: Profile): CodeableConcept {
  const stated = current(profile, 'ajcc_edition')?.value;
  const fromTable = /AJCC[^,;]*\b(6th|7th|8th)\b/.exec(profile.derived.stageGroup?.source ?? '')?.[1];
  const edition = typeof stated === 'string' ? stated : fromTable;
  const row = edition ? AJCC_EDITION_METHOD.rows[edition] : undefined;
  return row ? { coding: [{ system: SNOMED_SYSTEM, code: row.code, display: row.display }], text: `AJCC ${edition} edition` } : { text: 'AJCC TNM staging (edition not stated)' };
}

function stagingObservations(ctx: Ctx): { entries: BundleEntry<Observation>[]; group: { fullUrl: string; obs: Observation } | null } {
  const { profile } = ctx;
  const pid = profile.patientId;
  const method = stagingMethod(profile);
  const focus = ctx.condition ? { focus: [ref(ctx.condition)] } : {};
  const entries: BundleEntry<Observation>[] = [];
  const parts = [
    ['t', 'tnm_t'],
    ['n', 'tnm_n'],
    ['m', 'tnm_m'],
  ] as const;
  const members: string[] = [];
  const types: Partial<Record<'t' | 'n', StagingType>> = {};
  for (const [part, key] of parts) {
    const tnm = tnmOf(profile, key);
    if (!tnm) continue;
    const type = stagingType(tnm.prefix);
    if (part !== 'm') types[part] = type;
    const fullUrl = urn(pid, 'Observation', key);
    const effective = dayOrMore(tnm.fv.documentDate);
    const doc = docRef(ctx, tnm.fv);
    const text = `${tnm.prefix}${tnm.category}`;
    entries.push({
      fullUrl,
      resource: {
        resourceType: 'Observation',
        id: idOf(fullUrl),
        meta: { profile: [MCODE_PROFILES[part]] },
        status: observationStatus(tnm.fact, tnm.fv),
        category: [LABORATORY],
        code: stagingCode(type, part),
        subject: ctx.patient,
        ...focus,
        ...(effective ? { effectiveDateTime: effective } : {}),
        valueCodeableConcept: ajccValue(text),
        method,
        note: factNotes(`${part.toUpperCase()} category`, tnm.fact, tnm.fv),
        ...(doc ? { derivedFrom: [ref(doc)] } : {}),
      },
    });
    ctx.factObservations.set(key, fullUrl);
    members.push(fullUrl);
  }

  const stage = stageValue(profile);
  if (!stage) return { entries, group: null };
  // Stage type by prefix: T and N of one type (N may be missing), else "other".
  const type: StagingType = types.t && (!types.n || types.n === types.t) ? types.t : 'other';
  const fullUrl = urn(pid, 'Observation', 'stage_group');
  const d = stage.derived;
  const from = d ? d.from : ['stage_group'];
  const sourceFacts = from.map((k) => profile.facts[k]?.current ?? null);
  const dates = sourceFacts.map((fv) => dayOrMore(fv?.documentDate)).filter((x): x is string => x != null).sort();
  const notes: Annotation[] = [];
  if (d) notes.push({ text: `Stage group ${d.value}: rule ${d.rule} (${d.source}) from ${d.from.join(', ')}.${d.note ? ` ${d.note}` : ''}` });
  if (stage.fv) notes.push(...factNotes('Stage group', profile.facts['stage_group'], stage.fv));
  const reviewed = from.some((k) => profile.facts[k]?.needsReview);
  const derivedFrom = uniq([...sourceFacts.map((fv) => docRef(ctx, fv)), docRef(ctx, stage.fv)]);
  const obs: Observation = {
    resourceType: 'Observation',
    id: idOf(fullUrl),
    meta: { profile: [MCODE_PROFILES.stageGroup] },
    status: stage.fv?.source === 'correction' ? 'amended' : reviewed ? 'preliminary' : 'final',
    category: [LABORATORY],
    code: stagingCode(type, 'group'),
    subject: ctx.patient,
    ...focus,
    ...(dates.length ? { effectiveDateTime: dates.at(-1)! } : {}),
    valueCodeableConcept: ajccValue(stage.value),
    method,
    ...(members.length ? { hasMember: members.map(ref) } : {}),
    note: notes,
    ...(derivedFrom.length ? { derivedFrom: derivedFrom.map(ref) } : {}),
  };
  entries.push({ fullUrl, resource: obs });
  return { entries, group: { fullUrl, obs } };
}

// ---------------------------------------------------------------------------------------------
// Condition

function conditionResource(ctx: Ctx, group: { fullUrl: string; obs: Observation } | null): Condition {
  const { profile } = ctx;
  const type = profile.cancerType;
  const row = type ? CANCER_TYPES[type] : undefined;
  const disorder = row?.disorder ?? MALIGNANT_NEOPLASTIC_DISEASE;
  const histology = current(profile, 'histology');
  const laterality = current(profile, 'laterality');
  const histologyText = typeof histology?.value === 'string' ? histology.value : null;
  const icdo = histologyText ? HISTOLOGY_ICD_O_3.rows[histologyText] : undefined;
  const side = typeof laterality?.value === 'string' ? LATERALITY.rows[laterality.value] : undefined;

  const extension: Extension[] = histologyText
    ? [{ url: EXT.histology, valueCodeableConcept: { ...(icdo ? { coding: [{ system: ICD_O_3_SYSTEM, code: icdo.code, display: icdo.display }] } : {}), text: histologyText } }]
    : [];
  const bodySite = row?.bodySite
    ? [
        {
          ...(side ? { extension: [{ url: EXT.laterality, valueCodeableConcept: { coding: [{ system: SNOMED_SYSTEM, code: side.code, display: side.display }] } }] } : {}),
          coding: [{ system: SNOMED_SYSTEM, code: row.bodySite.code, display: row.bodySite.display }],
        },
      ]
    : undefined;
  const evidenceFacts = [
    ['Cancer type', 'cancer_type'],
    ['Histology', 'histology'],
    ['Laterality', 'laterality'],
  ] as const;
  const notes = evidenceFacts.flatMap(([label, key]) => {
    const fv = current(profile, key);
    return fv ? factNotes(label, profile.facts[key], fv) : [];
  });
  const docs = uniq(evidenceFacts.map(([, key]) => docRef(ctx, current(profile, key))));
  return {
    resourceType: 'Condition',
    id: idOf(ctx.condition!),
    meta: { profile: [MCODE_PROFILES.primaryCancerCondition] },
    ...(extension.length ? { extension } : {}),
    // clinicalStatus is left out: a pathology report does not say whether the cancer is still active.
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed', display: 'Confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: { coding: [{ system: SNOMED_SYSTEM, code: disorder.code, display: disorder.display }], text: type ? `${cap(type)} cancer` : 'Malignant neoplasm, primary site not stated' },
    ...(bodySite ? { bodySite } : {}),
    subject: ctx.patient,
    ...(group
      ? { stage: [{ ...(group.obs.valueCodeableConcept ? { summary: group.obs.valueCodeableConcept } : {}), assessment: [ref(group.fullUrl)], ...(group.obs.method ? { type: group.obs.method } : {}) }] }
      : {}),
    ...(docs.length ? { evidence: [{ detail: docs.map(ref) }] } : {}),
    ...(notes.length ? { note: notes } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// DocumentReference

function documentReference(ctx: Ctx, d: Profile['documents'][number], baseUrl: string): DocumentReference {
  const fullUrl = ctx.docs.get(d.documentId)!;
  const date = instant(d.receivedAt);
  const reportDate = dayOrMore(d.reportDate);
  return {
    resourceType: 'DocumentReference',
    id: FHIR_ID.test(d.documentId) ? d.documentId : idOf(fullUrl),
    ...(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(d.documentId) ? { identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${d.documentId}` }] } : {}),
    status: 'current',
    type: { coding: [{ system: LOINC_SYSTEM, code: DOCUMENT_TYPE.code.code, display: DOCUMENT_TYPE.code.display }], text: 'Uploaded report' },
    subject: ctx.patient,
    ...(date ? { date } : {}),
    description: `Uploaded report; processing ${d.status}; ${d.findingCount} finding${d.findingCount === 1 ? '' : 's'} extracted.`,
    content: [{ attachment: { url: `${baseUrl}/v1/documents/${encodeURIComponent(d.documentId)}`, ...(reportDate ? { creation: reportDate } : {}) } }],
    ...(reportDate ? { context: { period: { start: reportDate } } } : {}),
  };
}
