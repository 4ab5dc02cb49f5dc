// The HTTP API: the route table (routes/*), mounted with authentication, validation and one error
// mapping, and published as OpenAPI from the same table.
import type { Logger } from '@onco/config/log';
import { PROFILE_SCHEMA_VERSION, ProfileContextSchema, ProfileSchema } from '@onco/contract';
import type { CorrectionRepository, Db, DocumentRepository, ProfileRepository, WebhookRepository } from '@onco/persistence';
import type { BlobStore } from '@onco/storage';
import type { Queue } from 'bullmq';
import express, { type Express } from 'express';
import { z } from 'zod';
import { docsPage } from './docs.js';
import { authenticate, errorHandler, HttpError } from './http.js';
import { documentRoutes } from './routes/documents.js';
import { profileRoutes } from './routes/profile.js';
import { reviewRoutes } from './routes/review.js';
import { webhookRoutes } from './routes/webhooks.js';
import { defineRoute, mountRoutes, openApiDocument, type RouteDef } from './routing.js';

export interface ApiDeps {
  db: Db;
  documents: DocumentRepository;
  profiles: ProfileRepository;
  corrections: CorrectionRepository;
  webhooks: WebhookRepository;
  /** Queues the profile.updated event of a new version (idempotent; the reconciler backs it up). */
  notifyProfileUpdated(patientId: string, version: number): Promise<void>;
  requireHttpsWebhooks: boolean;
  storage: BlobStore;
  queue: Queue;
  authSecret: string;
  maxUploadBytes: number;
  log: Logger['error'];
}

export const API_INFO = {
  title: 'onco-profile',
  version: '1.0.0',
  description: 'Upload pathology reports; read the patient profile built from them, with the evidence for every value.',
};

export function apiRoutes(deps: ApiDeps): RouteDef[] {
  return [...documentRoutes(deps), ...profileRoutes(deps), ...reviewRoutes(deps), ...webhookRoutes(deps)];
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  const routes = apiRoutes(deps);
  const publicRoutes = [
    // Liveness only: no data, so no token (for orchestrators).
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness',
      tags: ['meta'],
      action: null,
      responses: { 200: { description: 'The API process is up.', schema: z.object({ ok: z.literal(true) }) } },
      handler: async () => ({ status: 200, body: { ok: true } }),
    }),
  ];
  const all = [...publicRoutes, ...routes];
  const openapi = openApiDocument(all, API_INFO);
  const docs = docsPage(openapi);
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/docs', (_req, res) => {
    res.type('html').send(docs);
  });
  // The profile contract as plain JSON Schema, for consumers that do not read OpenAPI.
  const schemas: Record<string, unknown> = {
    'profile.schema.json': { $id: '/schemas/profile.schema.json', title: `Profile ${PROFILE_SCHEMA_VERSION}`, ...z.toJSONSchema(ProfileSchema, { io: 'output' }) },
    'context.schema.json': { $id: '/schemas/context.schema.json', title: `Profile context ${PROFILE_SCHEMA_VERSION}`, ...z.toJSONSchema(ProfileContextSchema, { io: 'output' }) },
  };
  app.get('/schemas/:name', (req, res, next) => {
    const schema = schemas[req.params.name];
    if (!schema) return next();
    res.type('application/schema+json').send(JSON.stringify(schema));
  });

  const router = express.Router();
  mountRoutes(router, all, authenticate(deps.authSecret));
  app.use(router);
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'No such endpoint.')));
  app.use(errorHandler(deps.log));
  return app;
}
