// Answer services subscribe to profile events. Each subscription belongs to the token's subject.
import { randomBytes } from 'node:crypto';
import { WebhookCreatedSchema, WebhookCreateSchema, WebhookDeliveryListSchema, WebhookListSchema, WebhookParamsSchema } from '@onco/contract';
import type { Subscription } from '@onco/persistence';
import type { ApiDeps } from '../app.js';
import { HttpError } from '../http.js';
import { defineRoute, notVisible } from '../routing.js';

const out = (s: Subscription) => ({ id: s.id, url: s.url, events: s.events, active: s.active, createdAt: s.createdAt.toISOString() });

export function webhookRoutes(deps: ApiDeps) {
  const base = { tags: ['webhooks'], action: 'webhook:manage' as const };
  // A service only ever sees its own subscriptions; `authorizeFor` has no patient here.
  const owned = async (id: string, owner: string) => {
    const s = await deps.webhooks.get(id);
    if (!s || s.owner !== owner) throw notVisible('webhook');
    return s;
  };

  const create = defineRoute({
    ...base,
    method: 'post',
    path: '/v1/webhooks',
    summary: 'Subscribe to profile events',
    description:
      'Events are POSTed as JSON with `X-Onco-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`, retried with exponential backoff until acknowledged with a 2xx; `id` is the same on every retry.',
    body: WebhookCreateSchema,
    responses: { 201: { description: 'Created; the secret is shown only now.', schema: WebhookCreatedSchema } },
    async handler({ body, principal }) {
      if (deps.requireHttpsWebhooks && !body.url.startsWith('https://')) {
        throw new HttpError(400, 'insecure_url', 'Webhook URLs must use https.');
      }
      const secret = randomBytes(32).toString('hex');
      const s = await deps.webhooks.create({ owner: principal.sub, url: body.url, secret, events: body.events });
      return { status: 201, body: { ...out(s), secret } };
    },
  });

  const list = defineRoute({
    ...base,
    method: 'get',
    path: '/v1/webhooks',
    summary: "The caller's subscriptions",
    responses: { 200: { description: 'Subscriptions (without secrets).', schema: WebhookListSchema } },
    async handler({ principal }) {
      return { status: 200, body: { webhooks: (await deps.webhooks.listForOwner(principal.sub)).map(out) } };
    },
  });

  const remove = defineRoute({
    ...base,
    method: 'delete',
    path: '/v1/webhooks/:webhookId',
    summary: 'Stop a subscription',
    params: WebhookParamsSchema,
    responses: { 204: { description: 'Stopped; no further deliveries.' } },
    async handler({ params: { webhookId }, principal }) {
      await owned(webhookId, principal.sub);
      await deps.webhooks.deactivate(webhookId);
      return { status: 204, body: undefined };
    },
  });

  const deliveries = defineRoute({
    ...base,
    method: 'get',
    path: '/v1/webhooks/:webhookId/deliveries',
    summary: 'The delivery log of a subscription',
    params: WebhookParamsSchema,
    responses: { 200: { description: 'Every attempt, newest first.', schema: WebhookDeliveryListSchema } },
    async handler({ params: { webhookId }, principal }) {
      await owned(webhookId, principal.sub);
      const rows = await deps.webhooks.deliveries(webhookId);
      return { status: 200, body: { deliveries: rows.map((d) => ({ ...d, at: d.at.toISOString() })) } };
    },
  });

  return [create, list, remove, deliveries];
}
