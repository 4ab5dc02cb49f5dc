// The one job contract shared by the API (producer) and the workers. Payloads carry ids only:
// job data sits in Redis as plain text, so no health data ever goes into it.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE_NAMES = { documents: 'documents' } as const;

export const JOB_PAYLOADS = {
  'document.process': z.object({ documentId: z.uuid() }),
} as const;
export type JobName = keyof typeof JOB_PAYLOADS;
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

/** The job id is the document id, so enqueueing the same document twice is a no-op. */
export async function enqueueDocument(queue: Queue, documentId: string): Promise<void> {
  const payload = JOB_PAYLOADS['document.process'].parse({ documentId });
  await queue.add('document.process', payload, { jobId: documentId });
}
