// The stored profile: one current row per patient plus every version. Rebuilt from all of the
// patient's documents under a row lock, so concurrent workers on one patient serialise and
// every change gets exactly one new version number.
import { isDeepStrictEqual } from 'node:util';
import type { Finding } from '@onco/extraction';
import type { Db } from './db.js';
import { type CorrectionRecord, CorrectionRepository } from './corrections.js';
import { toFinding } from './findings.js';
import type { Prisma } from './generated/prisma/client.js';

type Tx = Prisma.TransactionClient | Db;

export interface DocumentFindings {
  id: string;
  receivedAt: string;
  reportDate: string | null;
  status: 'queued' | 'processing' | 'done' | 'failed';
  findings: Finding[];
}

export interface ProfileSources {
  documents: DocumentFindings[];
  corrections: CorrectionRecord[];
}

export interface StoredProfile<T> {
  version: number;
  updatedAt: string;
  data: T;
}

export class ProfileRepository {
  constructor(private readonly db: Db) {}

  /** All the patient's documents with their findings, oldest first: the input of a profile build. */
  async documentsWithFindings(patientId: string, tx: Tx = this.db): Promise<DocumentFindings[]> {
    const docs = await tx.document.findMany({
      where: { patientId },
      include: { findings: { orderBy: { ordinal: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return docs.map((d) => ({
      id: d.id,
      receivedAt: d.createdAt.toISOString(),
      reportDate: d.reportDate?.toISOString().slice(0, 10) ?? null,
      status: d.status,
      findings: d.findings.map(toFinding),
    }));
  }

  /**
   * Locks the patient, builds the profile body from the current documents and, if it differs from
   * the stored one, stores it as the next version. Must run inside a transaction (`tx`).
   */
  async rebuild<T extends object>(
    patientId: string,
    build: (input: ProfileSources) => T,
    tx: Prisma.TransactionClient,
    now = new Date(),
  ): Promise<{ version: number; changed: boolean }> {
    await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ${patientId} FOR UPDATE`;
    const body = build(await this.sources(patientId, tx));
    const current = await tx.profile.findUnique({ where: { patientId } });
    if (current && isDeepStrictEqual(current.data, JSON.parse(JSON.stringify(body)))) {
      return { version: current.version, changed: false };
    }
    const version = (current?.version ?? 0) + 1;
    const data = body as Prisma.InputJsonValue;
    await tx.profile.upsert({
      where: { patientId },
      create: { patientId, version, data, updatedAt: now },
      update: { version, data, updatedAt: now },
    });
    await tx.profileVersion.create({ data: { patientId, version, data, createdAt: now } });
    return { version, changed: true };
  }

  /** Everything a profile is built from: documents with findings, and the navigators' corrections. */
  async sources(patientId: string, tx: Tx = this.db): Promise<ProfileSources> {
    return {
      documents: await this.documentsWithFindings(patientId, tx),
      corrections: await new CorrectionRepository(this.db).forPatient(patientId, tx),
    };
  }

  async getVersion<T>(patientId: string, version: number): Promise<StoredProfile<T> | null> {
    const row = await this.db.profileVersion.findUnique({ where: { patientId_version: { patientId, version } } });
    return row ? { version: row.version, updatedAt: row.createdAt.toISOString(), data: row.data as T } : null;
  }

  /** Versions whose profile.updated event has not been fanned out yet (oldest first). */
  listUnnotified(olderThanMs: number, limit = 500): Promise<{ patientId: string; version: number }[]> {
    return this.db.profileVersion.findMany({
      where: { notifiedAt: null, createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      select: { patientId: true, version: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  async markNotified(patientId: string, version: number): Promise<void> {
    await this.db.profileVersion.update({ where: { patientId_version: { patientId, version } }, data: { notifiedAt: new Date() } });
  }

  async get<T>(patientId: string): Promise<StoredProfile<T> | null> {
    const row = await this.db.profile.findUnique({ where: { patientId } });
    return row ? { version: row.version, updatedAt: row.updatedAt.toISOString(), data: row.data as T } : null;
  }

  async patientExists(patientId: string): Promise<boolean> {
    return (await this.db.patient.count({ where: { id: patientId } })) > 0;
  }
}
