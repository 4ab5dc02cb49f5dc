import { z } from 'zod';
import { FailureCodeSchema } from './failures.js';

export const API_VERSION = 'v1';

/** Patient ids are chosen by the caller (e.g. the portal's id): a conservative, URL-safe shape. */
export const PatientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'patientId: 1-64 letters, digits, ".", "_" or "-"');

export const DocumentIdSchema = z.uuid();

export const DocumentStatusSchema = z.enum(['queued', 'processing', 'done', 'failed']);
export const DocumentStageSchema = z.enum(['reading', 'extracting', 'storing']);
export const DocumentKindSchema = z.enum(['pdf', 'png', 'jpeg', 'tiff', 'text']);

export const PatientParamsSchema = z.object({ patientId: PatientIdSchema });
export const DocumentParamsSchema = z.object({ documentId: DocumentIdSchema });

/** 202 (new) or 200 (the same bytes were already uploaded for this patient). */
export const UploadResponseSchema = z.object({
  documentId: DocumentIdSchema,
  status: DocumentStatusSchema,
  statusUrl: z.string(),
  duplicate: z.boolean(),
});

export const DocumentStatusResponseSchema = z.object({
  documentId: DocumentIdSchema,
  patientId: PatientIdSchema,
  kind: DocumentKindSchema,
  sizeBytes: z.number().int(),
  status: DocumentStatusSchema,
  /** Present while processing. */
  stage: DocumentStageSchema.nullable(),
  percent: z.number().int().min(0).max(100),
  pageCount: z.number().int().nullable(),
  failure: z.object({ code: FailureCodeSchema, reason: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export type UploadResponse = z.infer<typeof UploadResponseSchema>;
export type DocumentStatusResponse = z.infer<typeof DocumentStatusResponseSchema>;
