// Test helpers: a finding, a document, a profile in one line each.
import type { Finding, FieldName } from '@onco/extraction';
import { ProfileSchema, type Correction, type Profile } from '@onco/contract';
import { buildProfile } from './index.js';
import type { ProfileDocumentInput } from './types.js';

let pos = 0;
export function f(field: FieldName, value: Finding['value'], opts: Partial<Omit<Finding, 'field' | 'value'>> = {}): Finding {
  const raw = opts.raw ?? String(typeof value === 'object' ? JSON.stringify(value) : value);
  const start = (pos += 10);
  return {
    field,
    value,
    raw,
    evidence: { text: raw, page: 1, start, end: start + raw.length, ruleId: `test.${field}` },
    specimen: null,
    context: 'affirmed',
    confidence: 0.95,
    ...opts,
  };
}

export function doc(id: string, reportDate: string | null, findings: Finding[], opts: Partial<ProfileDocumentInput> = {}): ProfileDocumentInput {
  return { id, receivedAt: `${reportDate ?? '2024-06-01'}T12:00:00Z`, reportDate, status: 'done', findings, ...opts };
}

export const tnm = (prefix: string, category: string) => ({ prefix, category });

export function correction(factKey: string, action: Correction['action'], at: string, extra: Partial<Correction> = {}): Correction {
  return { factKey, action, reason: 'checked against the report', author: 'navigator-1', at, ...extra };
}

/** Builds and validates against the public schema, as the writer will. */
export function profileOf(documents: ProfileDocumentInput[], corrections: Correction[] = []): Profile {
  return ProfileSchema.parse({ ...buildProfile({ patientId: 'patient-1', documents, corrections }), version: 1, updatedAt: '2024-07-01T00:00:00Z' });
}

export const breast = (...more: Finding[]) => [f('cancer_type', 'breast', { confidence: 3 }), ...more];
