// The webhooks worker: fans each new profile version out to the subscribers, and delivers each
// event with retries and backoff, logging every attempt. Delivery is at least once; the event id
// (the same on every retry) lets a receiver drop a repeat.
import { type WebhookConfig } from '@onco/config';
import { createLogger } from '@onco/config/log';
import { createDb, ProfileRepository, WebhookRepository } from '@onco/persistence';
import {
  createRedis,
  createWebhookQueue,
  enqueueDelivery,
  enqueueProfileUpdated,
  JOB_PAYLOADS,
  QUEUE_NAMES,
  type JobsOn,
} from '@onco/queue';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { sign } from './signature.js';

export { sign, verify, SIGNATURE_HEADER } from './signature.js';

/** A version with no fan-out after this long is fanned out by the reconciler. */
const UNNOTIFIED_MS = 30_000;

export interface RunningWebhookWorker {
  close(): Promise<void>;
}

export async function startWebhookWorker(config: WebhookConfig): Promise<RunningWebhookWorker> {
  const log = createLogger('webhooks', config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL, 4);
  const subscriptions = new WebhookRepository(db);
  const profiles = new ProfileRepository(db);
  const queueConnection = createRedis(config.REDIS_URL);
  const queue = createWebhookQueue(queueConnection, config.WEBHOOK_ATTEMPTS, config.WEBHOOK_BACKOFF_MS);

  const handlers = {
    'profile.updated': async (job: Job) => {
      const { patientId, version } = JOB_PAYLOADS['profile.updated'].parse(job.data);
      for (const s of await subscriptions.activeFor('profile.updated')) await enqueueDelivery(queue, s.id, patientId, version);
      await profiles.markNotified(patientId, version);
      return { fannedOut: true };
    },
    'webhook.deliver': async (job: Job) => {
      const { subscriptionId, eventId, patientId, version } = JOB_PAYLOADS['webhook.deliver'].parse(job.data);
      const sub = await subscriptions.get(subscriptionId);
      if (!sub || !sub.active) return { skipped: 'inactive' };
      // Ids and links only: the receiver fetches the profile with its own token.
      const body = JSON.stringify({
        id: eventId,
        type: 'profile.updated',
        createdAt: new Date(job.timestamp).toISOString(),
        data: {
          patientId,
          version,
          profileUrl: `/v1/patients/${patientId}/profile`,
          changesUrl: `/v1/patients/${patientId}/profile/changes?since=${version - 1}`,
        },
      });
      const attempt = job.attemptsMade + 1;
      const started = Date.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(sub.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-onco-event': 'profile.updated',
            'x-onco-delivery': eventId,
            'x-onco-signature': sign(sub.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(config.WEBHOOK_TIMEOUT_MS),
        });
        statusCode = res.status;
        await res.body?.cancel();
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? err.name : 'request failed';
      }
      await subscriptions.logAttempt({
        subscriptionId,
        eventId,
        event: 'profile.updated',
        attempt,
        ok: error === null,
        statusCode,
        error,
        durationMs: Date.now() - started,
      });
      if (error) throw new Error(`delivery failed: ${error}`);
      return { delivered: true, attempt };
    },
  } satisfies Record<JobsOn<'webhooks'>, (job: Job) => Promise<unknown>>;

  const connection = createRedis(config.REDIS_URL);
  const worker = new Worker(
    QUEUE_NAMES.webhooks,
    async (job) => {
      const handler = handlers[job.name as JobsOn<'webhooks'>];
      if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
      return handler(job);
    },
    { connection, concurrency: 8 },
  );
  worker.on('failed', (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) log.warn('job gave up', { job: job.name, error: err.message });
  });
  worker.on('error', (err) => log.error('worker error', { error: err.name }));

  const reconcile = async () => {
    try {
      for (const v of await profiles.listUnnotified(UNNOTIFIED_MS)) await enqueueProfileUpdated(queue, v.patientId, v.version);
    } catch (err) {
      log.warn('reconcile failed', { error: err instanceof Error ? err.name : 'unknown' });
    }
  };
  await reconcile();
  const timer = setInterval(reconcile, UNNOTIFIED_MS);
  timer.unref();

  return {
    async close() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
      await db.$disconnect();
      connection.disconnect();
      queueConnection.disconnect();
    },
  };
}
