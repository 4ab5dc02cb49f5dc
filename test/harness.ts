// End-to-end harness: the real API and the real worker, in this process, against the throwaway
// Redis and PostgreSQL that `npm test` started (DATABASE_URL, REDIS_URL). Nothing is mocked.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken } from '@onco/auth';
import { ApiConfig, loadConfig, WebhookConfig, WorkerConfig } from '@onco/config';
import type { DocumentStatusResponse, Principal } from '@onco/contract';
import { startApi, type RunningApi } from '../services/api/src/server.js';
import { startWorker, type RunningWorker } from '../workers/documents/src/worker.js';
import { startWebhookWorker, type RunningWebhookWorker } from '../workers/webhooks/src/worker.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const AUTH_SECRET = 'e2e-secret-0123456789-0123456789-0123456789';
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export interface System {
  url: string;
  storageDir: string;
  close(): Promise<void>;
}

function baseEnv(): NodeJS.ProcessEnv {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error('End-to-end tests need DATABASE_URL and REDIS_URL: run them with `npm test`.');
  }
  // One storage root for every test file: a job may be picked up by any file's worker.
  const storageDir = path.join(process.env.ONCO_STACK_DIR ?? os.tmpdir(), 'e2e-uploads');
  return {
    ...process.env,
    STORAGE_DIR: storageDir,
    AUTH_SECRET,
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    PORT: '0',
    LOG_LEVEL: 'warn',
    // Fast retries, so the webhook tests see several attempts in seconds.
    WEBHOOK_BACKOFF_MS: '200',
  };
}

export async function startSystem(opts: { worker?: boolean } = {}): Promise<System> {
  const env = baseEnv();
  const api: RunningApi = await startApi(loadConfig(ApiConfig, env));
  const worker: RunningWorker | null = opts.worker === false ? null : await startWorker(loadConfig(WorkerConfig, env));
  const webhooks: RunningWebhookWorker | null = opts.worker === false ? null : await startWebhookWorker(loadConfig(WebhookConfig, env));
  return {
    url: api.url,
    storageDir: env.STORAGE_DIR!,
    async close() {
      await webhooks?.close();
      await worker?.close();
      await api.close();
    },
  };
}

/** A patient id no other test uses. */
export const newPatientId = (label = 'p') => `${label}-${randomUUID().slice(0, 8)}`;

export const tokenFor = (p: Principal) => issueToken(p, AUTH_SECRET);
export const patientToken = (patientId: string) => tokenFor({ role: 'patient', sub: `patient:${patientId}`, patientId });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function upload(sys: System, patientId: string, token: string, bytes: Uint8Array, name: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${sys.url}/v1/patients/${patientId}/documents`, { method: 'POST', headers: bearer(token), body: form });
  return { status: res.status, body: await res.json() };
}

export const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel));

export async function getJson(sys: System, urlPath: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sys.url}${urlPath}`, { headers: bearer(token) });
  return { status: res.status, body: await res.json() };
}

export async function postJson(sys: System, urlPath: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sys.url}${urlPath}`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** Uploads a fixture and waits until it is done; fails the test if it fails. */
export async function uploadAndWait(sys: System, patientId: string, token: string, rel: string): Promise<string> {
  const res = await upload(sys, patientId, token, fixture(rel), path.basename(rel));
  if (res.status !== 202 && res.status !== 200) throw new Error(`upload of ${rel}: ${res.status} ${JSON.stringify(res.body)}`);
  const { final } = await waitForDocument(sys, res.body.documentId, token);
  if (final.status !== 'done') throw new Error(`${rel} ended ${final.status}: ${final.failure?.code}`);
  return res.body.documentId;
}

/** Polls a document until it is done or failed; returns every distinct status seen on the way. */
export async function waitForDocument(sys: System, documentId: string, token: string, timeoutMs = 90_000) {
  const seen: string[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { body } = await getJson(sys, `/v1/documents/${documentId}`, token);
    const s = body as DocumentStatusResponse;
    const label = s.status === 'processing' ? `processing:${s.stage}` : s.status;
    if (seen.at(-1) !== label) seen.push(label);
    if (s.status === 'done' || s.status === 'failed') return { final: s, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`document ${documentId} did not finish within ${timeoutMs} ms (seen: ${seen.join(' > ')})`);
}
