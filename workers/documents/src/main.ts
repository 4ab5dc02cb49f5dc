// Worker process entry: `tsx workers/documents/src/main.ts`.
import { loadConfig, WorkerConfig } from '@onco/config';
import { startWorker } from './worker.js';

const worker = await startWorker(loadConfig(WorkerConfig));
let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await worker.close();
    process.exit(0);
  });
}
