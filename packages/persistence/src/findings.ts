// Findings of a document, with their evidence. Reprocessing a document replaces its findings.
import type { Finding } from '@onco/extraction';
import type { Db } from './db.js';
import type { Finding as FindingRow, Prisma } from './generated/prisma/client.js';

type Tx = Prisma.TransactionClient | Db;

export class FindingRepository {
  constructor(private readonly db: Db) {}

  async replaceForDocument(documentId: string, patientId: string, findings: Finding[], tx: Tx = this.db): Promise<void> {
    await tx.finding.deleteMany({ where: { documentId } });
    if (findings.length === 0) return;
    await tx.finding.createMany({
      data: findings.map((f, ordinal) => ({
        documentId,
        patientId,
        ordinal,
        field: f.field,
        raw: f.raw,
        value: f.value as Prisma.InputJsonValue,
        evidenceText: f.evidence.text,
        evidencePage: f.evidence.page,
        evidenceStart: f.evidence.start,
        evidenceEnd: f.evidence.end,
        ruleId: f.evidence.ruleId,
        specimen: f.specimen,
        context: f.context,
        confidence: f.confidence,
        addendum: f.addendum ?? false,
        amended: f.amended ?? false,
        priorSpecimen: f.priorSpecimen ?? false,
      })),
    });
  }

  async forDocument(documentId: string, tx: Tx = this.db): Promise<Finding[]> {
    const rows = await tx.finding.findMany({ where: { documentId }, orderBy: { ordinal: 'asc' } });
    return rows.map(toFinding);
  }
}

export function toFinding(r: FindingRow): Finding {
  return {
    field: r.field as Finding['field'],
    raw: r.raw,
    value: r.value as Finding['value'],
    evidence: { text: r.evidenceText, page: r.evidencePage, start: r.evidenceStart, end: r.evidenceEnd, ruleId: r.ruleId },
    specimen: r.specimen,
    context: r.context as Finding['context'],
    confidence: r.confidence,
    ...(r.addendum ? { addendum: true } : {}),
    ...(r.amended ? { amended: true } : {}),
    ...(r.priorSpecimen ? { priorSpecimen: true } : {}),
  };
}
