// Navigator review: corrections (with their audit trail) and reprocessing a document.
import {
  CorrectionListSchema,
  CorrectionRequestSchema,
  CorrectionResponseSchema,
  DocumentParamsSchema,
  ErrorResponseSchema,
  PatientParamsSchema,
  UploadResponseSchema,
  type FactScalar,
  type Profile,
} from '@onco/contract';
import type { CorrectionRecord } from '@onco/persistence';
import { enqueueDocument } from '@onco/queue';
import type { ApiDeps } from '../app.js';
import { HttpError } from '../http.js';
import { defineRoute, notVisible } from '../routing.js';
import { loadProfile, rebuildProfile } from './profile.js';

const recordOut = (c: CorrectionRecord) => ({
  id: c.id,
  factKey: c.factKey,
  action: c.action,
  before: (c.before ?? null) as FactScalar | null,
  after: c.action === 'correct' ? (c.value ?? null) : c.action === 'reject' ? null : ((c.before ?? null) as FactScalar | null),
  against: c.against ?? null,
  reason: c.reason,
  author: c.author,
  at: c.at,
  version: c.version,
});

export function reviewRoutes(deps: ApiDeps) {
  const correct = defineRoute({
    method: 'post',
    path: '/v1/patients/:patientId/corrections',
    summary: 'Accept, correct or reject a fact',
    description:
      'A navigator decision wins over extraction, survives reprocessing and later uploads while extraction still yields the value it was made against, and is kept in the audit trail.',
    tags: ['review'],
    action: 'profile:correct',
    params: PatientParamsSchema,
    body: CorrectionRequestSchema,
    responses: { 201: { description: 'Recorded; the new profile version.', schema: CorrectionResponseSchema } },
    async handler({ params: { patientId }, body, principal, authorizeFor }) {
      authorizeFor(patientId);
      const current: Profile = await loadProfile(deps, patientId);
      const fact = current.facts[body.factKey];
      if (!fact && body.action !== 'correct') {
        throw new HttpError(400, 'unknown_fact', `The profile has no fact "${body.factKey}" to ${body.action}.`);
      }
      // The extracted value the decision is about: what extraction shows, not an earlier correction.
      const against = fact?.corrected?.against ?? (fact?.current?.source === 'extraction' ? fact.current.value : null);
      const at = new Date().toISOString();
      const { id, version, changed } = await deps.db.$transaction(async (tx) => {
        const id = await deps.corrections.add(
          patientId,
          { ...body, against, author: principal.sub, at },
          fact?.current?.value ?? null,
          tx,
        );
        const result = await rebuildProfile(deps, patientId, tx);
        await deps.corrections.setVersion(id, result.version, tx);
        return { id, ...result };
      });
      if (changed) await deps.notifyProfileUpdated(patientId, version);
      const record = (await deps.corrections.forPatient(patientId)).find((c) => c.id === id)!;
      return { status: 201, body: { correction: recordOut(record), profile: await loadProfile(deps, patientId) } };
    },
  });

  const audit = defineRoute({
    method: 'get',
    path: '/v1/patients/:patientId/corrections',
    summary: 'The audit trail of corrections',
    tags: ['review'],
    action: 'profile:read',
    params: PatientParamsSchema,
    responses: { 200: { description: 'Every decision, oldest first: who, when, before, after, why.', schema: CorrectionListSchema } },
    async handler({ params: { patientId }, authorizeFor }) {
      authorizeFor(patientId);
      return { status: 200, body: { corrections: (await deps.corrections.forPatient(patientId)).map(recordOut) } };
    },
  });

  const reprocess = defineRoute({
    method: 'post',
    path: '/v1/documents/:documentId/reprocess',
    summary: 'Read and extract a document again',
    description: 'For example after the extractor improved. Corrections made on the profile still apply.',
    tags: ['review'],
    action: 'document:reprocess',
    params: DocumentParamsSchema,
    responses: {
      202: { description: 'Queued again.', schema: UploadResponseSchema },
      409: { description: 'Already queued or being processed.', schema: ErrorResponseSchema },
    },
    async handler({ params: { documentId }, authorizeFor }) {
      const doc = await deps.documents.get(documentId);
      if (!doc) throw notVisible('document');
      authorizeFor(doc.patientId);
      if (doc.status === 'queued' || doc.status === 'processing') {
        throw new HttpError(409, 'already_in_progress', 'The document is already queued or being processed.');
      }
      const run = await deps.documents.requestReprocess(documentId);
      await enqueueDocument(deps.queue, documentId, run);
      return {
        status: 202,
        body: { documentId, status: 'queued', statusUrl: `/v1/documents/${documentId}`, duplicate: false },
      };
    },
  });

  return [correct, audit, reprocess];
}
