// Builds the API's dependencies from configuration and listens; close() releases them.
import type { AddressInfo } from 'node:net';
import { type ApiConfig } from '@onco/config';
import { createLogger } from '@onco/config/log';
import { createDb, DocumentRepository, ProfileRepository } from '@onco/persistence';
import { createDocumentQueue, createRedis } from '@onco/queue';
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
  const app = createApp({
    documents: new DocumentRepository(db),
    profiles: new ProfileRepository(db),
    storage: new LocalBlobStore(config.STORAGE_DIR),
    queue,
    authSecret: config.AUTH_SECRET,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    log: log.error,
  });
  const server = app.listen(config.PORT, config.HOST);
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
      redis.disconnect();
      await db.$disconnect();
    },
  };
}
