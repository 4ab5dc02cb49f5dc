// The patient's profile: what navigators review and answer services read.
import {
  ChangesQuerySchema,
  PatientParamsSchema,
  ProfileChangesSchema,
  ProfileContextSchema,
  ProfileSchema,
  type Profile,
} from '@onco/contract';
import type { Prisma } from '@onco/persistence';
import { toFhirBundle } from '@onco/fhir';
import { buildContext, buildProfile, diffProfiles } from '@onco/profile';
import { z } from 'zod';
import type { ApiDeps } from '../app.js';
import { HttpError } from '../http.js';
import { defineRoute } from '../routing.js';

/** The envelope we promise; the resources follow FHIR R4 and mCODE STU4 (validated in packages/fhir). */
const FhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string() }) })),
});

export type ProfileBody = Omit<Profile, 'version' | 'updatedAt'>;

/** The stored profile; before any document has been processed, a version-0 profile of what is known. */
export async function loadProfile(deps: ApiDeps, patientId: string): Promise<Profile> {
  const stored = await deps.profiles.get<ProfileBody>(patientId);
  if (stored) return { ...stored.data, version: stored.version, updatedAt: stored.updatedAt } as Profile;
  if (!(await deps.profiles.patientExists(patientId))) {
    throw new HttpError(404, 'patient_not_found', 'No records have been uploaded for this patient.');
  }
  const sources = await deps.profiles.sources(patientId);
  return { ...buildProfile({ patientId, ...sources }), version: 0, updatedAt: new Date(0).toISOString() } as Profile;
}

export function rebuildProfile(deps: ApiDeps, patientId: string, tx: Prisma.TransactionClient) {
  return deps.profiles.rebuild(patientId, (sources) => buildProfile({ patientId, ...sources }), tx);
}

export function profileRoutes(deps: ApiDeps) {
  const patientRoute = { tags: ['profile'], action: 'profile:read' as const, params: PatientParamsSchema };

  const profile = defineRoute({
    ...patientRoute,
    method: 'get',
    path: '/v1/patients/:patientId/profile',
    summary: "The patient's profile",
    description:
      'Every fact with its current value, history and evidence; derived categories with the rule they came from; discordances; missing tests; the review state.',
    responses: { 200: { description: 'The profile (contract version in `schemaVersion`).', schema: ProfileSchema } },
    async handler({ params: { patientId }, authorizeFor }) {
      authorizeFor(patientId);
      return { status: 200, body: await loadProfile(deps, patientId) };
    },
  });

  const context = defineRoute({
    ...patientRoute,
    method: 'get',
    path: '/v1/patients/:patientId/context',
    summary: 'The compact view for personalizing an answer',
    description:
      'Cancer type, stage, each biomarker that matters for this cancer type (present, pending or missing, with its category), discordances and the review state.',
    responses: { 200: { description: 'The context.', schema: ProfileContextSchema } },
    async handler({ params: { patientId }, authorizeFor }) {
      authorizeFor(patientId);
      return { status: 200, body: buildContext(await loadProfile(deps, patientId)) };
    },
  });

  const changes = defineRoute({
    ...patientRoute,
    method: 'get',
    path: '/v1/patients/:patientId/profile/changes',
    summary: 'What changed since a version',
    query: ChangesQuerySchema,
    responses: { 200: { description: 'Fact keys changed between version `since` and the current one.', schema: ProfileChangesSchema } },
    async handler({ params: { patientId }, query: { since }, authorizeFor }) {
      authorizeFor(patientId);
      const current = await loadProfile(deps, patientId);
      if (since > current.version) throw new HttpError(400, 'invalid_version', `Version ${since} is newer than the current ${current.version}.`);
      const old = since === 0 ? null : await deps.profiles.getVersion<ProfileBody>(patientId, since);
      if (since > 0 && !old) throw new HttpError(404, 'version_not_found', `No version ${since}.`);
      const base: ProfileBody = old?.data ?? { ...buildProfile({ patientId, documents: [], corrections: [] }) };
      const diff = diffProfiles({ ...base, version: since }, current);
      return { status: 200, body: { patientId, ...diff, fromVersion: since, toVersion: current.version } };
    },
  });

  const fhir = defineRoute({
    ...patientRoute,
    method: 'get',
    path: '/v1/patients/:patientId/fhir',
    summary: 'The profile as an HL7 FHIR R4 Bundle (mCODE)',
    description:
      'Patient, primary cancer condition, tumor marker Observations (LOINC), TNM and stage group, and a DocumentReference per source document; each Observation quotes its evidence.',
    responses: {
      200: { description: 'A FHIR R4 collection Bundle.', schema: FhirBundleSchema, contentType: 'application/fhir+json' },
    },
    async handler({ params: { patientId }, authorizeFor, req }) {
      authorizeFor(patientId);
      return { status: 200, body: toFhirBundle(await loadProfile(deps, patientId), { baseUrl: `${req.protocol}://${req.get('host')}` }) };
    },
  });

  return [profile, context, changes, fhir];
}
