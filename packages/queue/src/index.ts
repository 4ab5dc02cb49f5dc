// The one job contract shared by the API (producer) and the workers. Payloads carry ids only:
// job data sits in Redis as plain text, so no health data ever goes into it.
import { createHash } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE_NAMES = { documents: 'documents', webhooks: 'webhooks' } as const;

export const JOB_PAYLOADS = {
  'document.process': z.object({ documentId: z.uuid() }),
  /** Fan-out of one profile version to every subscriber. */
  'profile.updated': z.object({ patientId: z.string(), version: z.number().int().positive() }),
  /** One event to one subscriber. */
  'webhook.deliver': z.object({ subscriptionId: z.uuid(), eventId: z.string(), patientId: z.string(), version: z.number().int().positive() }),
} as const;

/** Which queue carries each job. */
export const JOB_QUEUE = {
  'document.process': 'documents',
  'profile.updated': 'webhooks',
  'webhook.deliver': 'webhooks',
} as const satisfies Record<keyof typeof JOB_PAYLOADS, keyof typeof QUEUE_NAMES>;
export type JobName = keyof typeof JOB_PAYLOADS;
/** The jobs one queue carries: a worker's handler table must cover exactly these. */
export type JobsOn<Q extends keyof typeof QUEUE_NAMES> = { [J in JobName]: (typeof JOB_QUEUE)[J] extends Q ? J : never }[JobName];
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;

/** Redis connection for BullMQ. Blocking connections (workers) need maxRetriesPerRequest: null. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

export const DOCUMENT_JOB_DEFAULTS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createDocumentQueue(connection: Redis, attempts = 3): Queue {
  return new Queue(QUEUE_NAMES.documents, {
    connection,
    defaultJobOptions: { ...DOCUMENT_JOB_DEFAULTS, attempts },
  });
}

/**
 * The job id is derived from the document id, so enqueueing the same document twice is a no-op;
 * a reprocess request (`run` > 0) is a new job.
 */
export async function enqueueDocument(queue: Queue, documentId: string, run = 0): Promise<void> {
  const payload = JOB_PAYLOADS['document.process'].parse({ documentId });
  await queue.add('document.process', payload, { jobId: run === 0 ? documentId : `${documentId}-r${run}` });
}

export function createWebhookQueue(connection: Redis, attempts = 8, backoffMs = 2000): Queue {
  return new Queue(QUEUE_NAMES.webhooks, {
    connection,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

/** Stable id of the profile.updated event of one version: the same for every retry and subscriber. */
export const profileEventId = (patientId: string, version: number) =>
  createHash('sha256').update(`profile.updated\n${patientId}\n${version}`).digest('hex').slice(0, 32);

/** Idempotent: one fan-out job per (patient, version), whoever calls it and however often. */
export async function enqueueProfileUpdated(queue: Queue, patientId: string, version: number): Promise<void> {
  const payload = JOB_PAYLOADS['profile.updated'].parse({ patientId, version });
  await queue.add('profile.updated', payload, { jobId: `pu-${profileEventId(patientId, version)}`, attempts: 20 });
}

export async function enqueueDelivery(queue: Queue, subscriptionId: string, patientId: string, version: number): Promise<void> {
  const eventId = profileEventId(patientId, version);
  const payload = JOB_PAYLOADS['webhook.deliver'].parse({ subscriptionId, eventId, patientId, version });
  await queue.add('webhook.deliver', payload, { jobId: `wd-${subscriptionId}-${eventId}` });
}
