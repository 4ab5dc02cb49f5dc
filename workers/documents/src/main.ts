// Documents worker process entry: `tsx workers/documents/src/main.ts`.
import { loadConfig, WorkerConfig } from '@onco/config';
import { runUntilSignal } from '@onco/config/lifecycle';
import { startWorker } from './worker.js';

await runUntilSignal(() => startWorker(loadConfig(WorkerConfig)));
