// Webhooks worker process entry: `tsx workers/webhooks/src/main.ts`.
import { loadConfig, WebhookConfig } from '@onco/config';
import { startWebhookWorker } from './worker.js';

const worker = await startWebhookWorker(loadConfig(WebhookConfig));
let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await worker.close();
    process.exit(0);
  });
}
