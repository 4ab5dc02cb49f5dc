// API process entry: `tsx services/api/src/main.ts`.
import { ApiConfig, loadConfig } from '@onco/config';
import { startApi } from './server.js';

const api = await startApi(loadConfig(ApiConfig));
let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await api.close();
    process.exit(0);
  });
}
