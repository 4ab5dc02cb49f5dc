// Builds the API's dependencies from configuration and listens; close() releases them.
import type { AddressInfo } from 'node:net';
import { type ApiConfig } from '@onco/config';
import { createLogger } from '@onco/config/log';
import { CorrectionRepository, createDb, DocumentRepository, ProfileRepository, WebhookRepository } from '@onco/persistence';
import { createDocumentQueue, createRedis, createWebhookQueue, enqueueProfileUpdated } from '@onco/queue';
import { LocalBlobStore } from '@onco/storage';
import { createApp } from './app.js';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const log = createLogger('api', config.LOG_LEVEL);
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL);
  const queue = createDocumentQueue(redis);
  const webhookQueue = createWebhookQueue(redis);
  const app = createApp({
    db,
    documents: new DocumentRepository(db),
    profiles: new ProfileRepository(db),
    corrections: new CorrectionRepository(db),
    webhooks: new WebhookRepository(db),
    notifyProfileUpdated: (patientId, version) =>
      enqueueProfileUpdated(webhookQueue, patientId, version).catch(() =>
        log.warn('profile event not queued; left for the reconciler', { version }),
      ),
    requireHttpsWebhooks: config.NODE_ENV === 'production',
    storage: new LocalBlobStore(config.STORAGE_DIR),
    queue,
    authSecret: config.AUTH_SECRET,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    log: log.error,
  });
  const server = app.listen(config.PORT, config.HOST);
  // Longer than the clients' and proxies' idle timeouts, so a reused connection is never cut mid-request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  log.info('api listening', { host: config.HOST, port });
  return {
    url: `http://${config.HOST}:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await queue.close();
      await webhookQueue.close();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}
