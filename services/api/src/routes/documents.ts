// Uploading documents and following them through the pipeline.
import { authorize } from '@onco/auth';
import {
  DocumentParamsSchema,
  ErrorResponseSchema,
  DocumentStatusResponseSchema,
  FAILURE_REASONS,
  FailureCodeSchema,
  PatientParamsSchema,
  UploadResponseSchema,
  type DocumentStatusResponse,
} from '@onco/contract';
import { sniff } from '@onco/document-reader';
import type { DocumentRow } from '@onco/persistence';
import { enqueueDocument } from '@onco/queue';
import { documentKey, sha256 } from '@onco/storage';
import multer from 'multer';
import { z } from 'zod';
import type { ApiDeps } from '../app.js';
import { HttpError } from '../http.js';
import { defineRoute, notVisible, type Reply } from '../routing.js';

export const DocumentListSchema = z.object({ documents: z.array(DocumentStatusResponseSchema) });

export function documentRoutes(deps: ApiDeps) {
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10, parts: 12 },
  }).single('file');

  const upload = defineRoute({
    method: 'post',
    path: '/v1/patients/:patientId/documents',
    summary: 'Upload a report',
    description:
      'The type is decided by the bytes (PDF, JPEG, PNG, TIFF, text), never by the name. The same bytes uploaded again for the same patient return the existing document.',
    tags: ['documents'],
    action: 'document:upload',
    params: PatientParamsSchema,
    upload: { field: 'file', description: 'The report: PDF, JPEG, PNG, TIFF or plain text.' },
    before: [
      // Authorize before reading the body, so a refused caller's bytes are never buffered.
      (req, res, next) => {
        const parsed = PatientParamsSchema.safeParse(req.params);
        if (parsed.success) {
          try {
            authorize(res.locals.principal, 'document:upload', parsed.data.patientId);
          } catch (err) {
            return next(err);
          }
        }
        multipart(req, res, (err: unknown) => {
          if (err instanceof multer.MulterError) {
            if (err.code === 'LIMIT_FILE_SIZE') {
              const mb = Math.floor(deps.maxUploadBytes / (1024 * 1024));
              return next(new HttpError(413, 'file_too_large', `${FAILURE_REASONS.file_too_large} The limit is ${mb} MB.`));
            }
            return next(new HttpError(400, 'invalid_upload', `Send one file in the multipart field "file" (${err.code}).`));
          }
          next(err);
        });
      },
    ],
    responses: {
      200: { description: 'The same bytes were already uploaded for this patient.', schema: UploadResponseSchema },
      202: { description: 'Stored and queued.', schema: UploadResponseSchema },
      413: { description: 'Larger than MAX_UPLOAD_BYTES.', schema: ErrorResponseSchema },
      415: { description: 'Not a supported type (by its bytes).', schema: ErrorResponseSchema },
    },
    async handler({ params: { patientId }, req, authorizeFor }) {
      authorizeFor(patientId);
      const file = req.file;
      if (!file) throw new HttpError(400, 'missing_file', 'Send the document in the multipart field "file".');
      if (file.size === 0) throw new HttpError(400, 'empty_file', FAILURE_REASONS.empty_file);
      const type = sniff(file.buffer);
      if (!type.ok) {
        const code = FailureCodeSchema.parse(type.code);
        throw new HttpError(code === 'unsupported_type' ? 415 : 400, code, FAILURE_REASONS[code]);
      }
      const contentHash = sha256(file.buffer);
      const existing = await deps.documents.findByHash(patientId, contentHash);
      if (existing) return uploadReply(existing, true);

      const storageKey = documentKey(patientId, contentHash);
      await deps.storage.put(storageKey, file.buffer);
      const { row, created } = await deps.documents.createQueued({
        patientId,
        contentHash,
        kind: type.kind,
        mimeType: type.mime,
        sizeBytes: file.size,
        storageKey,
        originalName: file.originalname || null,
      });
      if (created) {
        // If Redis is unreachable the document stays queued and the worker's reconciler enqueues it.
        await enqueueDocument(deps.queue, row.id).catch((err: unknown) =>
          deps.log('enqueue failed; left for the reconciler', { documentId: row.id, error: err instanceof Error ? err.name : 'unknown' }),
        );
      }
      return uploadReply(row, !created);
    },
  });

  const status = defineRoute({
    method: 'get',
    path: '/v1/documents/:documentId',
    summary: "A document's processing status",
    tags: ['documents'],
    action: 'document:read',
    params: DocumentParamsSchema,
    responses: { 200: { description: 'Status, stage and percent; the failure reason when it failed.', schema: DocumentStatusResponseSchema } },
    async handler({ params: { documentId }, principal, authorizeFor }) {
      const doc = await deps.documents.get(documentId);
      // Not found and not yours look the same, so ids cannot be probed.
      if (!doc || (principal.role === 'patient' && principal.patientId !== doc.patientId)) throw notVisible('document');
      authorizeFor(doc.patientId);
      return { status: 200, body: documentStatus(doc) };
    },
  });

  const list = defineRoute({
    method: 'get',
    path: '/v1/patients/:patientId/documents',
    summary: "A patient's documents, newest first",
    tags: ['documents'],
    action: 'document:read',
    params: PatientParamsSchema,
    responses: { 200: { description: 'Every document with its status.', schema: DocumentListSchema } },
    async handler({ params: { patientId }, authorizeFor }) {
      authorizeFor(patientId);
      return { status: 200, body: { documents: (await deps.documents.listForPatient(patientId)).map(documentStatus) } };
    },
  });

  return [upload, status, list];
}

function uploadReply(row: DocumentRow, duplicate: boolean): Reply {
  return {
    status: duplicate ? 200 : 202,
    headers: { location: `/v1/documents/${row.id}` },
    body: { documentId: row.id, status: row.status, statusUrl: `/v1/documents/${row.id}`, duplicate },
  };
}

export function documentStatus(doc: DocumentRow): DocumentStatusResponse {
  const code = doc.failureCode ? FailureCodeSchema.catch('internal_error').parse(doc.failureCode) : null;
  return {
    documentId: doc.id,
    patientId: doc.patientId,
    kind: doc.kind as DocumentStatusResponse['kind'],
    sizeBytes: doc.sizeBytes,
    status: doc.status,
    stage: doc.status === 'processing' ? doc.stage : null,
    percent: doc.progress,
    pageCount: doc.pageCount,
    failure: code ? { code, reason: doc.failureReason ?? FAILURE_REASONS[code] } : null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    finishedAt: doc.finishedAt?.toISOString() ?? null,
  };
}
