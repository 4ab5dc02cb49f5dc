import { z } from 'zod';
import { PatientIdSchema } from './documents.js';

export const RoleSchema = z.enum(['patient', 'navigator', 'service']);
export type Role = z.infer<typeof RoleSchema>;

/** Who a bearer token speaks for. A patient principal is bound to exactly one patient. */
export const PrincipalSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('patient'), sub: z.string().min(1), patientId: PatientIdSchema }),
  z.object({ role: z.literal('navigator'), sub: z.string().min(1) }),
  z.object({ role: z.literal('service'), sub: z.string().min(1) }),
]);
export type Principal = z.infer<typeof PrincipalSchema>;
