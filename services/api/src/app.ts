// The HTTP API. Routes parse their inputs with the contract's schemas, authorize against the
// patient they touch, and answer through the same schemas.
import { authorize } from '@onco/auth';
import {
  DocumentParamsSchema,
  DocumentStatusResponseSchema,
  FAILURE_REASONS,
  FailureCodeSchema,
  PatientParamsSchema,
  ProfileSchema,
  UploadResponseSchema,
  type DocumentStatusResponse,
  type Profile,
} from '@onco/contract';
import { sniff } from '@onco/document-reader';
import type { DocumentRepository, DocumentRow, ProfileRepository } from '@onco/persistence';
import { buildProfile } from '@onco/profile';
import { enqueueDocument } from '@onco/queue';
import { type BlobStore, documentKey, sha256 } from '@onco/storage';
import type { Logger } from '@onco/config/log';
import type { Queue } from 'bullmq';
import express, { type Express } from 'express';
import multer from 'multer';
import { authenticate, errorHandler, HttpError, parse, principalOf, route, send } from './http.js';

export interface ApiDeps {
  documents: DocumentRepository;
  profiles: ProfileRepository;
  storage: BlobStore;
  queue: Queue;
  authSecret: string;
  maxUploadBytes: number;
  log: Logger['error'];
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  // Liveness only: no data, so it is the one route without a token (for orchestrators).
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const v1 = express.Router();
  v1.use(authenticate(deps.authSecret));

  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.maxUploadBytes, files: 1, fields: 10, parts: 12 },
  }).single('file');

  v1.post(
    '/patients/:patientId/documents',
    (req, res, next) => {
      const { patientId } = parse(PatientParamsSchema, req.params, 'path');
      authorize(principalOf(res), 'document:upload', patientId);
      upload(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') {
            const mb = Math.floor(deps.maxUploadBytes / (1024 * 1024));
            return next(new HttpError(413, 'file_too_large', `${FAILURE_REASONS.file_too_large} The limit is ${mb} MB.`));
          }
          return next(new HttpError(400, 'invalid_upload', `Upload must be one file in the multipart field "file" (${err.code}).`));
        }
        next(err);
      });
    },
    route(async (req, res) => {
      const { patientId } = parse(PatientParamsSchema, req.params, 'path');
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
      if (existing) return sendUpload(res, existing, true);

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
      sendUpload(res, row, !created);
    }),
  );

  v1.get(
    '/documents/:documentId',
    route(async (req, res) => {
      const { documentId } = parse(DocumentParamsSchema, req.params, 'path');
      const doc = await deps.documents.get(documentId);
      // Not found and not yours look the same, so ids cannot be probed.
      const principal = principalOf(res);
      if (!doc || (principal.role === 'patient' && principal.patientId !== doc.patientId)) {
        throw new HttpError(404, 'document_not_found', 'No such document.');
      }
      authorize(principal, 'document:read', doc.patientId);
      send(res, 200, DocumentStatusResponseSchema, documentStatus(doc));
    }),
  );

  v1.get(
    '/patients/:patientId/profile',
    route(async (req, res) => {
      const { patientId } = parse(PatientParamsSchema, req.params, 'path');
      authorize(principalOf(res), 'profile:read', patientId);
      send(res, 200, ProfileSchema, await loadProfile(deps, patientId));
    }),
  );

  app.use('/v1', express.json({ limit: '100kb' }), v1);
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'No such endpoint.')));
  app.use(errorHandler(deps.log));
  return app;
}

function sendUpload(res: express.Response, row: DocumentRow, duplicate: boolean): void {
  send(res, duplicate ? 200 : 202, UploadResponseSchema, {
    documentId: row.id,
    status: row.status,
    statusUrl: `/v1/documents/${row.id}`,
    duplicate,
  });
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

/** The stored profile; before any document has been processed, a version-0 profile of what is known. */
async function loadProfile(deps: ApiDeps, patientId: string): Promise<Profile> {
  const stored = await deps.profiles.get<Omit<Profile, 'version' | 'updatedAt'>>(patientId);
  if (stored) return { ...stored.data, version: stored.version, updatedAt: stored.updatedAt } as Profile;
  if (!(await deps.profiles.patientExists(patientId))) {
    throw new HttpError(404, 'patient_not_found', 'No records have been uploaded for this patient.');
  }
  const documents = await deps.profiles.documentsWithFindings(patientId);
  return { ...buildProfile({ patientId, documents, corrections: [] }), version: 0, updatedAt: new Date().toISOString() } as Profile;
}
