// An answer service subscribes; every profile version reaches it exactly once, signed, even though
// its receiver fails the first two attempts of every event.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, newPatientId, patientToken, postJson, startSystem, tokenFor, uploadAndWait, type System } from './harness.js';

let sys: System;
let receiver: http.Server;
let receiverUrl: string;
let secret = '';
const attempts = new Map<string, number>(); // event id -> attempts seen
const accepted: { id: string; patientId: string; version: number }[] = [];
const badSignatures: string[] = [];

function validSignature(header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const mac = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return mac === parts.v1 && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const event = JSON.parse(body);
      if (!validSignature(String(req.headers['x-onco-signature'] ?? ''), body)) {
        badSignatures.push(event.id);
        res.writeHead(401).end();
        return;
      }
      const n = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, n);
      if (n <= 2) {
        res.writeHead(503).end(); // the first two attempts of every event fail
        return;
      }
      accepted.push({ id: event.id, patientId: event.data.patientId, version: event.data.version });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.close();
  await new Promise((r) => receiver.close(r));
});

describe('profile.updated webhooks', () => {
  const service = tokenFor({ role: 'service', sub: 'answers-service' });
  let webhookId: string;

  it('a patient cannot register a webhook', async () => {
    const p = newPatientId('wh');
    expect((await postJson(sys, '/v1/webhooks', patientToken(p), { url: receiverUrl })).status).toBe(403);
  });

  it('a service registers and gets its signing secret once', async () => {
    const { status, body } = await postJson(sys, '/v1/webhooks', service, { url: receiverUrl, events: ['profile.updated'] });
    expect(status).toBe(201);
    expect(body.secret).toMatch(/^[0-9a-f]{64}$/);
    secret = body.secret;
    webhookId = body.id;
    const list = await getJson(sys, '/v1/webhooks', service);
    expect(list.body.webhooks.map((w: any) => w.id)).toContain(webhookId);
    expect(list.body.webhooks[0].secret).toBeUndefined();
  });

  it('every version arrives exactly once despite two failed attempts each', async () => {
    const patientId = newPatientId('wh');
    const token = patientToken(patientId);
    await uploadAndWait(sys, patientId, token, 'profile/1-core-biopsy.txt');
    await uploadAndWait(sys, patientId, token, 'profile/3-recurrence.txt');
    const { version } = (await getJson(sys, `/v1/patients/${patientId}/profile`, service)).body;
    expect(version).toBe(2);

    const deadline = Date.now() + 30_000;
    const mine = () => accepted.filter((e) => e.patientId === patientId);
    while (mine().length < version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up, if any

    expect(mine().map((e) => e.version).sort()).toEqual([1, 2]);
    expect(new Set(mine().map((e) => e.id)).size).toBe(2);
    for (const e of mine()) expect(attempts.get(e.id)).toBe(3);
    expect(badSignatures).toEqual([]);
  });

  it('keeps a delivery log with the failed and the successful attempts', async () => {
    const { body } = await getJson(sys, `/v1/webhooks/${webhookId}/deliveries`, service);
    const byEvent = new Map<string, any[]>();
    for (const d of body.deliveries) byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), d]);
    expect(byEvent.size).toBeGreaterThanOrEqual(2);
    for (const list of byEvent.values()) {
      expect(list.map((d) => [d.attempt, d.ok, d.statusCode]).sort()).toEqual([
        [1, false, 503],
        [2, false, 503],
        [3, true, 204],
      ]);
    }
  });

  it('another service cannot see this subscription', async () => {
    const other = tokenFor({ role: 'service', sub: 'someone-else' });
    expect((await getJson(sys, `/v1/webhooks/${webhookId}/deliveries`, other)).status).toBe(404);
  });

  it('a stopped subscription is listed inactive and gets nothing more', async () => {
    const res = await fetch(`${sys.url}/v1/webhooks/${webhookId}`, { method: 'DELETE', headers: { authorization: `Bearer ${service}` } });
    expect(res.status).toBe(204);
    const { body } = await getJson(sys, '/v1/webhooks', service);
    expect(body.webhooks.find((w: any) => w.id === webhookId).active).toBe(false);
  });
});
