// The documents worker: BullMQ consumer around the pipeline. Start-up builds everything once
// (database pool, OCR pool) and close() releases it all so the process can exit.
import { type WorkerConfig } from '@onco/config';
import { createLogger } from '@onco/config/log';
import { FAILURE_REASONS } from '@onco/contract';
import { DocumentReader } from '@onco/document-reader';
import { createDb, DocumentRepository, FindingRepository, ProfileRepository } from '@onco/persistence';
import {
  createDocumentQueue,
  createRedis,
  createWebhookQueue,
  enqueueDocument,
  enqueueProfileUpdated,
  JOB_PAYLOADS,
  QUEUE_NAMES,
  type JobsOn,
} from '@onco/queue';
import { LocalBlobStore } from '@onco/storage';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { PermanentFailure, processDocument, type PipelineDeps } from './pipeline.js';

/** A queued document with no job after this long is re-enqueued (its enqueue may have been lost). */
const STALE_QUEUED_MS = 60_000;

export interface RunningWorker {
  close(): Promise<void>;
}

export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const log = createLogger('worker', config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL, config.WORKER_CONCURRENCY + 2);
  const reader = await DocumentReader.create({
    ...(config.OCR_WORKERS ? { ocrWorkers: config.OCR_WORKERS } : {}),
    limits: { maxPages: config.MAX_PAGES, maxPixels: config.MAX_PIXELS, pageTimeoutMs: config.PAGE_TIMEOUT_MS },
  });
  const deps: PipelineDeps = {
    db,
    documents: new DocumentRepository(db),
    findings: new FindingRepository(db),
    profiles: new ProfileRepository(db),
    storage: new LocalBlobStore(config.STORAGE_DIR),
    reader,
  };

  // Documents whose enqueue never reached Redis (API crashed in between) are picked up here.
  const queueConnection = createRedis(config.REDIS_URL);
  const queue = createDocumentQueue(queueConnection, config.JOB_ATTEMPTS);
  const webhooks = createWebhookQueue(queueConnection);

  const handlers = {
    'document.process': async (job: Job) => {
      const { documentId } = JOB_PAYLOADS['document.process'].parse(job.data);
      const started = Date.now();
      try {
        const outcome = await processDocument(deps, documentId);
        const ms = Date.now() - started;
        if (outcome.status === 'skipped') log.info('document skipped', { documentId, why: outcome.why });
        else log.info('document processed', { documentId, ms, pages: outcome.pages, findings: outcome.findings, profileVersion: outcome.profileVersion });
        if (outcome.status === 'done' && outcome.profileChanged) {
          // Lost if Redis fails right here; the webhook worker's reconciler catches such versions.
          await enqueueProfileUpdated(webhooks, outcome.patientId, outcome.profileVersion).catch(() =>
            log.warn('profile event not queued; left for the reconciler', { documentId }),
          );
        }
        return outcome;
      } catch (err) {
        if (err instanceof PermanentFailure) {
          await deps.documents.markFailed(documentId, err.code, err.message);
          log.warn('document failed', { documentId, code: err.code });
          throw new UnrecoverableError(err.code);
        }
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        log.error('document attempt failed', {
          documentId,
          attempt: job.attemptsMade + 1,
          finalAttempt,
          error: err instanceof Error ? err.name : 'unknown',
        });
        if (finalAttempt) await deps.documents.markFailed(documentId, 'internal_error', FAILURE_REASONS.internal_error);
        else await deps.documents.requeue(documentId);
        throw err;
      }
    },
  } satisfies Record<JobsOn<'documents'>, (job: Job) => Promise<unknown>>;

  const connection = createRedis(config.REDIS_URL);
  const worker = new Worker(
    QUEUE_NAMES.documents,
    async (job) => {
      const handler = handlers[job.name as JobsOn<'documents'>];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
      return handler(job);
    },
    { connection, concurrency: config.WORKER_CONCURRENCY },
  );
  worker.on('error', (err) => log.error('worker error', { error: err.name }));
  // A job can also end without our handler finishing it (its worker died and it stalled too
  // often): the document must still end failed, never stay "processing".
  worker.on('failed', (job, err) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const parsed = JOB_PAYLOADS['document.process'].safeParse(job.data);
    if (!parsed.success) return;
    deps.documents
      .failIfUnfinished(parsed.data.documentId, 'internal_error', FAILURE_REASONS.internal_error)
      .catch(() => log.warn('could not mark a failed job', { documentId: parsed.data.documentId, error: err.name }));
  });

  const reconcile = async () => {
    try {
      for (const { id } of await deps.documents.listStaleQueued(STALE_QUEUED_MS)) await enqueueDocument(queue, id);
    } catch (err) {
      log.warn('reconcile failed', { error: err instanceof Error ? err.name : 'unknown' });
    }
  };
  await reconcile();
  const timer = setInterval(reconcile, STALE_QUEUED_MS);
  timer.unref();
  log.info('worker started', { concurrency: config.WORKER_CONCURRENCY });

  return {
    async close() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
      await webhooks.close();
      await Promise.allSettled([reader.close(), db.$disconnect()]);
      connection.disconnect();
      queueConnection.disconnect();
    },
  };
}
