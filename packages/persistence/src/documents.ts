// Document rows and their status state machine: queued -> processing(stage, %) -> done | failed.
import type { Db } from './db.js';
import { isUniqueViolation } from './db.js';
import type { Document, Prisma } from './generated/prisma/client.js';

export type DocumentRow = Document;
export type Stage = 'reading' | 'extracting' | 'storing';

export interface NewDocument {
  patientId: string;
  contentHash: string;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  originalName: string | null;
}

export interface PageRow {
  page: number;
  text: string;
  source: string;
  confidence: number | null;
  width?: number | undefined;
  height?: number | undefined;
  words?: unknown;
}

export class DocumentRepository {
  constructor(private readonly db: Db) {}

  get(id: string): Promise<DocumentRow | null> {
    return this.db.document.findUnique({ where: { id } });
  }

  findByHash(patientId: string, contentHash: string): Promise<DocumentRow | null> {
    return this.db.document.findUnique({ where: { patientId_contentHash: { patientId, contentHash } } });
  }

  /** Creates the row (and the patient on first upload). Returns the existing row if the same bytes raced in. */
  async createQueued(doc: NewDocument): Promise<{ row: DocumentRow; created: boolean }> {
    // ON CONFLICT DO NOTHING: two first uploads for one patient may race here.
    await this.db.patient.createMany({ data: [{ id: doc.patientId }], skipDuplicates: true });
    try {
      return { row: await this.db.document.create({ data: { ...doc, status: 'queued' } }), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const row = await this.findByHash(doc.patientId, doc.contentHash);
      if (!row) throw err;
      return { row, created: false };
    }
  }

  /** A new attempt starts: processing, first stage, 0 %. */
  startAttempt(id: string): Promise<DocumentRow> {
    return this.db.document.update({
      where: { id },
      data: {
        status: 'processing',
        stage: 'reading',
        progress: 0,
        failureCode: null,
        failureReason: null,
        attempts: { increment: 1 },
        startedAt: new Date(),
        finishedAt: null,
      },
    });
  }

  async setProgress(id: string, stage: Stage, percent: number): Promise<void> {
    await this.db.document.update({ where: { id }, data: { stage, progress: Math.max(0, Math.min(100, Math.round(percent))) } });
  }

  async markDone(id: string, reportDate: string | null, tx: Prisma.TransactionClient | Db = this.db): Promise<void> {
    await tx.document.update({
      where: { id },
      data: { status: 'done', stage: null, progress: 100, finishedAt: new Date(), reportDate: reportDate ? new Date(`${reportDate}T00:00:00Z`) : null },
    });
  }

  async markFailed(id: string, code: string, reason: string): Promise<void> {
    await this.db.document.update({
      where: { id },
      data: { status: 'failed', stage: null, failureCode: code, failureReason: reason, finishedAt: new Date() },
    });
  }

  /** Back to queued for another run; returns the run number (part of the new job's id). */
  async requestReprocess(id: string): Promise<number> {
    const row = await this.db.document.update({
      where: { id },
      data: { status: 'queued', stage: null, progress: 0, failureCode: null, failureReason: null, reprocessCount: { increment: 1 } },
    });
    return row.reprocessCount;
  }

  /** A retryable failure: back in the queue, waiting for its next attempt. */
  async requeue(id: string): Promise<void> {
    await this.db.document.update({ where: { id }, data: { status: 'queued', stage: null, progress: 0 } });
  }

  /** Ends a document that is still queued or processing as failed; leaves done/failed ones alone. */
  async failIfUnfinished(id: string, code: string, reason: string): Promise<void> {
    await this.db.document.updateMany({
      where: { id, status: { in: ['queued', 'processing'] } },
      data: { status: 'failed', stage: null, failureCode: code, failureReason: reason, finishedAt: new Date() },
    });
  }

  /** Replaces the document's pages: reprocessing the same document is an overwrite, not a duplicate. */
  async savePages(id: string, pages: PageRow[]): Promise<void> {
    await this.db.$transaction([
      this.db.documentPage.deleteMany({ where: { documentId: id } }),
      this.db.documentPage.createMany({
        data: pages.map((p) => ({
          documentId: id,
          page: p.page,
          text: p.text,
          source: p.source,
          confidence: p.confidence,
          width: p.width ?? null,
          height: p.height ?? null,
          words: (p.words ?? undefined) as Prisma.InputJsonValue | undefined,
        })),
      }),
      this.db.document.update({ where: { id }, data: { pageCount: pages.length } }),
    ]);
  }

  listForPatient(patientId: string): Promise<DocumentRow[]> {
    return this.db.document.findMany({ where: { patientId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** Documents still queued after `olderThanMs`: their job may have been lost before it reached Redis. */
  listStaleQueued(olderThanMs: number, limit = 500): Promise<Pick<DocumentRow, 'id'>[]> {
    return this.db.document.findMany({
      where: { status: 'queued', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
      select: { id: true },
      take: limit,
    });
  }
}
