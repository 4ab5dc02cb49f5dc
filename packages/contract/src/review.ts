import { z } from 'zod';
import { CorrectionActionSchema, FactScalarSchema, ProfileSchema } from './profile.js';

/** A navigator's decision, as sent: author and time come from the token and the server clock. */
export const CorrectionRequestSchema = z
  .object({
    factKey: z.string().regex(/^[a-z0-9_]{1,64}$/, 'factKey: a fact key such as her2_ihc'),
    action: CorrectionActionSchema,
    value: FactScalarSchema.optional(),
    reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(2000),
  })
  .refine((c) => c.action !== 'correct' || c.value !== undefined, { message: 'value is required to correct a fact', path: ['value'] });
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

/** One entry of the audit trail: who decided what, when, and the value before and after. */
export const CorrectionRecordSchema = z.object({
  id: z.uuid(),
  factKey: z.string(),
  action: CorrectionActionSchema,
  before: FactScalarSchema.nullable(),
  after: FactScalarSchema.nullable(),
  against: FactScalarSchema.nullable(),
  reason: z.string(),
  author: z.string(),
  at: z.iso.datetime(),
  /** The profile version this decision produced. */
  version: z.number().int().nullable(),
});
export const CorrectionListSchema = z.object({ corrections: z.array(CorrectionRecordSchema) });

export const CorrectionResponseSchema = z.object({ correction: CorrectionRecordSchema, profile: ProfileSchema });

export const ChangesQuerySchema = z.object({ since: z.coerce.number().int().min(0) });
export const ProfileChangesSchema = z.object({
  patientId: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  changed: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  evidenceAdded: z.array(z.string()),
  derivedChanged: z.array(z.string()),
  reviewStateChanged: z.boolean(),
});

export const WEBHOOK_EVENTS = ['profile.updated'] as const;
export const WebhookCreateSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default(['profile.updated']),
});
export const WebhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
/** The signing secret is shown once, at registration. */
export const WebhookCreatedSchema = WebhookSchema.extend({ secret: z.string() });
export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) });
export const WebhookParamsSchema = z.object({ webhookId: z.uuid() });
export const WebhookDeliveryListSchema = z.object({
  deliveries: z.array(
    z.object({
      eventId: z.string(),
      event: z.string(),
      attempt: z.number().int(),
      ok: z.boolean(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      at: z.iso.datetime(),
    }),
  ),
});
