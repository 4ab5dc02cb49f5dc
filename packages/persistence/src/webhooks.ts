// Webhook subscriptions of answer services and the log of every delivery attempt.
import type { Db } from './db.js';

export interface Subscription {
  id: string;
  owner: string;
  url: string;
  secret: string;
  events: string[];
  active: boolean;
  createdAt: Date;
}

export interface DeliveryAttempt {
  subscriptionId: string;
  eventId: string;
  event: string;
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export class WebhookRepository {
  constructor(private readonly db: Db) {}

  create(s: { owner: string; url: string; secret: string; events: string[] }): Promise<Subscription> {
    return this.db.webhookSubscription.create({ data: s });
  }

  get(id: string): Promise<Subscription | null> {
    return this.db.webhookSubscription.findUnique({ where: { id } });
  }

  listForOwner(owner: string): Promise<Subscription[]> {
    return this.db.webhookSubscription.findMany({ where: { owner }, orderBy: { createdAt: 'asc' } });
  }

  activeFor(event: string): Promise<Subscription[]> {
    return this.db.webhookSubscription.findMany({ where: { active: true, events: { has: event } } });
  }

  async deactivate(id: string): Promise<void> {
    await this.db.webhookSubscription.update({ where: { id }, data: { active: false } });
  }

  async logAttempt(a: DeliveryAttempt): Promise<void> {
    await this.db.webhookDelivery.create({ data: a });
  }

  deliveries(subscriptionId: string, limit = 200) {
    return this.db.webhookDelivery.findMany({ where: { subscriptionId }, orderBy: { at: 'desc' }, take: limit });
  }
}
