// @onco/profile: findings of every document + navigator corrections in, the patient profile out.
// Pure: no clock, no randomness, no I/O; the caller assigns version and updatedAt.
import type { Finding } from '@onco/extraction';
import { PROFILE_SCHEMA_VERSION, type Correction, type FactValue, type Profile, type ProfileFact } from '@onco/contract';

export type { Correction } from '@onco/contract';

export interface ProfileDocumentInput {
  id: string;
  /** ISO upload time. */
  receivedAt: string;
  /** ISO date the report was signed/issued, when known. */
  reportDate: string | null;
  status: 'queued' | 'processing' | 'done' | 'failed';
  findings: Finding[];
}

export interface ProfileInput {
  patientId: string;
  documents: ProfileDocumentInput[];
  corrections: Correction[];
}

export type ProfileBody = Omit<Profile, 'version' | 'updatedAt'>;

const docKey = (d: ProfileDocumentInput) => `${(d.reportDate ?? d.receivedAt).slice(0, 10)}|${d.receivedAt}|${d.id}`;

export function buildProfile(input: ProfileInput): ProfileBody {
  const docs = [...input.documents].sort((a, b) => (docKey(a) < docKey(b) ? -1 : docKey(a) > docKey(b) ? 1 : 0));
  const facts: Record<string, ProfileFact> = {};
  for (const d of docs) {
    if (d.status !== 'done') continue;
    for (const f of d.findings) {
      const v: FactValue = {
        value: f.value, raw: f.raw, documentId: d.id, documentDate: d.reportDate, specimen: f.specimen,
        context: f.context, confidence: f.confidence, addendum: f.addendum === true, evidence: { ...f.evidence }, source: 'extraction',
      };
      const fact = (facts[f.field] ??= { key: f.field, current: null, history: [], pending: false, discordant: false, conflict: false, needsReview: false });
      fact.history.push(v);
      if (f.context === 'affirmed') fact.current = v;
    }
  }
  const ct = facts['cancer_type']?.current?.value;
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    patientId: input.patientId,
    cancerType: typeof ct === 'string' ? ct : null,
    facts,
    derived: { erStatus: null, prStatus: null, hrStatus: null, her2Status: null, her2Category: null, breastSubtype: null, stageGroup: null },
    discordances: [],
    missing: [],
    reviewState: 'ok',
    reviewReasons: [],
    documents: docs.map((d) => ({ documentId: d.id, status: d.status, receivedAt: d.receivedAt, reportDate: d.reportDate, findingCount: d.findings.length })),
  };
}
