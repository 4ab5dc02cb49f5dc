import type { Finding } from '@onco/extraction';
import type { Correction, Profile } from '@onco/contract';

export type { Correction } from '@onco/contract';

export interface ProfileDocumentInput {
  id: string;
  /** ISO upload time. */
  receivedAt: string;
  /** ISO date the report was issued, when it states one. */
  reportDate: string | null;
  status: 'queued' | 'processing' | 'done' | 'failed';
  findings: Finding[];
}

export interface ProfileInput {
  patientId: string;
  documents: ProfileDocumentInput[];
  corrections: Correction[];
}

/** What buildProfile returns: the writer adds version and updatedAt. */
export type ProfileBody = Omit<Profile, 'version' | 'updatedAt'>;

/** A document placed in time: `order` 0 is the oldest. */
export interface Doc {
  id: string;
  receivedAt: string;
  receivedMs: number;
  reportDate: string | null;
  /** Report date, or upload date when the report states none. */
  dateKey: string;
  order: number;
  findings: Finding[];
}

/** The value one document gives for one field. */
export interface DocPick {
  doc: Doc;
  finding: Finding;
  /** The value that counts (a navigator's correction may replace the finding's). */
  value: Finding['value'];
  /** Confidence, or the summed weight of the mentions for voted fields. */
  support: number;
  /** Two different confident values for one specimen of this document. */
  conflict: boolean;
}
