// The patient's profile: what navigators review and answer services read.
import { PatientParamsSchema, ProfileSchema, type Profile } from '@onco/contract';
import { buildProfile } from '@onco/profile';
import type { ApiDeps } from '../app.js';
import { HttpError } from '../http.js';
import { defineRoute } from '../routing.js';

export type ProfileBody = Omit<Profile, 'version' | 'updatedAt'>;

/** The stored profile; before any document has been processed, a version-0 profile of what is known. */
export async function loadProfile(deps: ApiDeps, patientId: string): Promise<Profile> {
  const stored = await deps.profiles.get<ProfileBody>(patientId);
  if (stored) return { ...stored.data, version: stored.version, updatedAt: stored.updatedAt } as Profile;
  if (!(await deps.profiles.patientExists(patientId))) {
    throw new HttpError(404, 'patient_not_found', 'No records have been uploaded for this patient.');
  }
  const documents = await deps.profiles.documentsWithFindings(patientId);
  return { ...buildProfile({ patientId, documents, corrections: [] }), version: 0, updatedAt: new Date(0).toISOString() } as Profile;
}

export function profileRoutes(deps: ApiDeps) {
  const profile = defineRoute({
    method: 'get',
    path: '/v1/patients/:patientId/profile',
    summary: "The patient's profile",
    description:
      'Every fact with its current value, history and evidence; derived categories with the rule they came from; missing tests; the review state.',
    tags: ['profile'],
    action: 'profile:read',
    params: PatientParamsSchema,
    responses: { 200: { description: 'The profile (contract version in `schemaVersion`).', schema: ProfileSchema } },
    async handler({ params: { patientId }, authorizeFor }) {
      authorizeFor(patientId);
      return { status: 200, body: await loadProfile(deps, patientId) };
    },
  });
  return [profile];
}
