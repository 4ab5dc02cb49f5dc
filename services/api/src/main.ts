// API process entry: `tsx services/api/src/main.ts`.
import { ApiConfig, loadConfig } from '@onco/config';
import { runUntilSignal } from '@onco/config/lifecycle';
import { startApi } from './server.js';

await runUntilSignal(() => startApi(loadConfig(ApiConfig)));
