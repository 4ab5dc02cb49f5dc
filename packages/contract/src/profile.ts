import { z } from 'zod';
import { DocumentStatusSchema } from './documents.js';

// The patient profile as the API returns it and answer services read it. Bump the version on
// any change a reader could notice (a removed or renamed key, a narrowed enum).
export const PROFILE_SCHEMA_VERSION = '1.0' as const;

const IsoDateTime = z.iso.datetime({ offset: true });

/** A normalized value as extraction produces it: string enum, number, boolean or small object (TNM). */
export const FactScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown())]);
export type FactScalar = z.infer<typeof FactScalarSchema>;

export const FactContextSchema = z.enum(['affirmed', 'negated', 'uncertain', 'pending', 'historical']);

/** Exact text and offsets in the page it came from (1-based page). */
export const FactEvidenceSchema = z.object({
  text: z.string(),
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  ruleId: z.string(),
});

export const FactValueSchema = z.object({
  value: FactScalarSchema,
  raw: z.string(),
  /** null only for a navigator's value that no document carries. */
  documentId: z.string().nullable(),
  /** The report date (ISO) when the report states one. */
  documentDate: z.string().nullable(),
  specimen: z.string().nullable(),
  context: FactContextSchema,
  confidence: z.number(),
  addendum: z.boolean(),
  /** The report quotes a result on an earlier specimen of the same tumour (the core biopsy). */
  priorSpecimen: z.boolean(),
  /** null for values entered by a navigator. */
  evidence: FactEvidenceSchema.nullable(),
  source: z.enum(['extraction', 'correction']),
});
export type FactValue = z.infer<typeof FactValueSchema>;

export const CorrectionActionSchema = z.enum(['accept', 'correct', 'reject']);

/**
 * A navigator's decision on one fact. It applies while extraction still yields the value it was
 * made against (`against`; when omitted, the fact's extracted value from the documents received
 * up to `at`). A new, different extracted value makes it outdated and the fact goes back to review.
 */
export const CorrectionSchema = z
  .object({
    factKey: z.string().min(1),
    action: CorrectionActionSchema,
    /** The right value; required for `correct`. */
    value: FactScalarSchema.optional(),
    /** The extracted value the decision was made against; null = the fact had no value. */
    against: FactScalarSchema.nullable().optional(),
    reason: z.string().min(1),
    author: z.string().min(1),
    at: IsoDateTime,
  })
  .refine((c) => c.action !== 'correct' || c.value !== undefined, { message: 'value is required to correct a fact', path: ['value'] });
export type Correction = z.infer<typeof CorrectionSchema>;

export const AppliedCorrectionSchema = z.object({
  action: CorrectionActionSchema,
  value: FactScalarSchema.optional(),
  against: FactScalarSchema.nullable(),
  reason: z.string(),
  author: z.string(),
  at: IsoDateTime,
  /** false when extraction now yields a different value than the one corrected. */
  applied: z.boolean(),
});
export type AppliedCorrection = z.infer<typeof AppliedCorrectionSchema>;

export const ReviewReasonCodeSchema = z.enum(['low_confidence', 'conflict', 'discordance', 'correction_outdated']);
export const ReviewReasonSchema = z.object({
  code: ReviewReasonCodeSchema,
  factKey: z.string(),
  message: z.string(),
});
export type ReviewReason = z.infer<typeof ReviewReasonSchema>;

export const ProfileFactSchema = z.object({
  key: z.string(),
  /** Affirmed (or navigator-set) value that counts now; never a pending, negated, uncertain or historical one. */
  current: FactValueSchema.nullable(),
  /** Every value seen, oldest first, whatever its context; corrections last. */
  history: z.array(FactValueSchema),
  /** A newer test is awaited (a pending mention with no later result). */
  pending: z.boolean(),
  /** The result class changed between specimens or documents (e.g. primary vs recurrence). */
  discordant: z.boolean(),
  /** Two different affirmed values for the same date and specimen. */
  conflict: z.boolean(),
  needsReview: z.boolean(),
  corrected: AppliedCorrectionSchema.optional(),
});
export type ProfileFact = z.infer<typeof ProfileFactSchema>;

/** A category computed from facts, with the rule and the guideline it follows. */
export const DerivedValueSchema = z.object({
  value: z.string(),
  rule: z.string(),
  source: z.string(),
  /** Fact keys it was computed from. */
  from: z.array(z.string()),
  note: z.string().nullable(),
});
export type DerivedValue = z.infer<typeof DerivedValueSchema>;

export const ProfileDerivedSchema = z.object({
  erStatus: DerivedValueSchema.nullable(),
  prStatus: DerivedValueSchema.nullable(),
  /** positive | negative (ASCO/CAP 2020: ER or PR >= 1% is positive). */
  hrStatus: DerivedValueSchema.nullable(),
  /** positive | negative | equivocal. */
  her2Status: DerivedValueSchema.nullable(),
  /** positive | low | ultralow | zero. */
  her2Category: DerivedValueSchema.nullable(),
  /** HR+/HER2- | HR+/HER2+ | HR-/HER2+ | triple-negative. */
  breastSubtype: DerivedValueSchema.nullable(),
  stageGroup: DerivedValueSchema.nullable(),
});
export type ProfileDerived = z.infer<typeof ProfileDerivedSchema>;

const DiscordantSideSchema = z.object({
  documentId: z.string().nullable(),
  documentDate: z.string().nullable(),
  specimen: z.string().nullable(),
  value: z.string(),
});
export const DiscordanceSchema = z.object({
  marker: z.string(),
  factKeys: z.array(z.string()),
  from: DiscordantSideSchema,
  to: DiscordantSideSchema,
  rule: z.string(),
  source: z.string(),
});
export type Discordance = z.infer<typeof DiscordanceSchema>;

/** not_extracted: the extractor has no rule for this test yet, so its absence says nothing about the report. */
export const MissingReasonSchema = z.enum(['not_reported', 'pending', 'incomplete', 'needs_reflex', 'rejected', 'not_extracted']);
export const BiomarkerTierSchema = z.enum(['core', 'advanced']);
export const MissingBiomarkerSchema = z.object({
  biomarker: z.string(),
  label: z.string(),
  /** core: expected at diagnosis; advanced: for metastatic disease, listed when the stage is IV or unknown. */
  tier: BiomarkerTierSchema,
  reason: MissingReasonSchema,
  fields: z.array(z.string()),
  source: z.string(),
});
export type MissingBiomarker = z.infer<typeof MissingBiomarkerSchema>;

export const ProfileDocumentSchema = z.object({
  documentId: z.string(),
  status: DocumentStatusSchema,
  receivedAt: z.string(),
  reportDate: z.string().nullable(),
  findingCount: z.number().int().min(0),
});

export const ProfileSchema = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  patientId: z.string().min(1),
  /** Increases with every change; assigned by the writer, not by the builder. */
  version: z.number().int().min(0),
  updatedAt: IsoDateTime,
  cancerType: z.string().nullable(),
  facts: z.record(z.string(), ProfileFactSchema),
  derived: ProfileDerivedSchema,
  discordances: z.array(DiscordanceSchema),
  missing: z.array(MissingBiomarkerSchema),
  reviewState: z.enum(['ok', 'needs_review']),
  reviewReasons: z.array(ReviewReasonSchema),
  documents: z.array(ProfileDocumentSchema),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** The compact view answer services read: what matters for this cancer type, present or not. */
export const ProfileContextSchema = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  patientId: z.string(),
  profileVersion: z.number().int().min(0),
  cancerType: z.string().nullable(),
  histology: z.string().nullable(),
  stage: z.object({
    group: z.string().nullable(),
    t: z.string().nullable(),
    n: z.string().nullable(),
    m: z.string().nullable(),
    rule: z.string().nullable(),
    source: z.string().nullable(),
  }),
  biomarkers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      tier: BiomarkerTierSchema,
      status: z.enum(['present', 'pending', 'missing']),
      value: z.string().nullable(),
      category: z.string().nullable(),
      discordant: z.boolean(),
      needsReview: z.boolean(),
      why: z.string(),
    }),
  ),
  discordances: z.array(
    z.object({ marker: z.string(), from: z.string(), to: z.string(), fromDate: z.string().nullable(), toDate: z.string().nullable() }),
  ),
  reviewState: z.enum(['ok', 'needs_review']),
  reviewReasons: z.array(z.object({ code: ReviewReasonCodeSchema, factKey: z.string() })),
  relevantBiomarkers: z.array(z.string()),
});
export type ProfileContext = z.infer<typeof ProfileContextSchema>;
