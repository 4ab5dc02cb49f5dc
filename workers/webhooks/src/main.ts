// Webhooks worker process entry: `tsx workers/webhooks/src/main.ts`.
import { loadConfig, WebhookConfig } from '@onco/config';
import { runUntilSignal } from '@onco/config/lifecycle';
import { startWebhookWorker } from './worker.js';

await runUntilSignal(() => startWebhookWorker(loadConfig(WebhookConfig)));
