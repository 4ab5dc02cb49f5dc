// Navigator corrections: kept for ever as the audit trail, and fed to every profile build so a
// correction wins over extraction through reprocessing and later uploads.
import type { Correction } from '@onco/contract';
import type { Db } from './db.js';
import type { Prisma } from './generated/prisma/client.js';

type Tx = Prisma.TransactionClient | Db;

export interface CorrectionRecord extends Correction {
  id: string;
  before: unknown;
  version: number | null;
}

export class CorrectionRepository {
  constructor(private readonly db: Db) {}

  async add(patientId: string, c: Correction, before: unknown, tx: Tx = this.db): Promise<string> {
    const row = await tx.correction.create({
      data: {
        patientId,
        factKey: c.factKey,
        action: c.action,
        value: c.value === undefined ? undefined : (c.value as Prisma.InputJsonValue),
        against: c.against === undefined || c.against === null ? undefined : (c.against as Prisma.InputJsonValue),
        before: before === undefined || before === null ? undefined : (before as Prisma.InputJsonValue),
        reason: c.reason,
        author: c.author,
        at: new Date(c.at),
      },
    });
    return row.id;
  }

  async setVersion(id: string, version: number, tx: Tx = this.db): Promise<void> {
    await tx.correction.update({ where: { id }, data: { version } });
  }

  /** Oldest first: later decisions on the same fact override earlier ones. */
  async forPatient(patientId: string, tx: Tx = this.db): Promise<CorrectionRecord[]> {
    const rows = await tx.correction.findMany({ where: { patientId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    return rows.map((r) => ({
      id: r.id,
      factKey: r.factKey,
      action: r.action as Correction['action'],
      ...(r.value !== null ? { value: r.value as Correction['value'] } : {}),
      against: (r.against ?? null) as Correction['against'],
      reason: r.reason,
      author: r.author,
      at: r.at.toISOString(),
      before: r.before,
      version: r.version,
    }));
  }
}
