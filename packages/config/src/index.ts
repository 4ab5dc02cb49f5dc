// Configuration is parsed once per process from the environment; a bad value stops start-up
// with a message naming every offending key.
import { z } from 'zod';

export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const keys = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${keys}`);
  }
  return parsed.data;
}

const intFrom = (def: number) => z.coerce.number().int().positive().default(def);

/** Settings every process shares. */
export const CommonConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().startsWith('postgres'),
  REDIS_URL: z.string().startsWith('redis'),
  STORAGE_DIR: z.string().default('.data/uploads'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export const ApiConfig = CommonConfig.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** HMAC key for bearer tokens; at least 32 characters. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  MAX_UPLOAD_BYTES: intFrom(25 * 1024 * 1024),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

export const WorkerConfig = CommonConfig.extend({
  /** Documents processed at once by this worker process. */
  WORKER_CONCURRENCY: intFrom(2),
  /** tesseract.js workers in this process; default: one per core. */
  OCR_WORKERS: z.coerce.number().int().positive().optional(),
  MAX_PAGES: intFrom(200),
  MAX_PIXELS: intFrom(100_000_000),
  PAGE_TIMEOUT_MS: intFrom(60_000),
  JOB_ATTEMPTS: intFrom(3),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

export const WebhookConfig = CommonConfig.extend({
  WEBHOOK_ATTEMPTS: intFrom(8),
  /** First retry delay; doubles on each attempt. */
  WEBHOOK_BACKOFF_MS: intFrom(2000),
  WEBHOOK_TIMEOUT_MS: intFrom(10_000),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;
