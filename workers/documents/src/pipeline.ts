// One document through the pipeline, top to bottom: read -> extract -> store (findings, profile,
// status in one transaction). Every stage is safe to run twice: pages and findings are replaced
// by document id, and the profile is rebuilt from everything stored.
import { FAILURE_REASONS, type FailureCode } from '@onco/contract';
import { type DocumentReader, ReadError } from '@onco/document-reader';
import { extractReport, type Finding, reportDate } from '@onco/extraction';
import type { Db, DocumentRepository, FindingRepository, ProfileRepository, Stage } from '@onco/persistence';
import { buildProfile } from '@onco/profile';
import type { BlobStore } from '@onco/storage';

export interface PipelineDeps {
  db: Db;
  documents: DocumentRepository;
  findings: FindingRepository;
  profiles: ProfileRepository;
  storage: BlobStore;
  reader: DocumentReader;
}

export type Outcome =
  | { status: 'done'; patientId: string; pages: number; findings: number; profileVersion: number; profileChanged: boolean }
  | { status: 'skipped'; why: 'not_found' | 'already_done' };

/** A failure no retry can fix (the file itself is the problem). */
export class PermanentFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

export async function processDocument(deps: PipelineDeps, documentId: string, signal?: AbortSignal): Promise<Outcome> {
  const doc = await deps.documents.get(documentId);
  if (!doc) return { status: 'skipped', why: 'not_found' };
  if (doc.status === 'done') return { status: 'skipped', why: 'already_done' };

  await deps.documents.startAttempt(documentId);
  // Progress writes are throttled: a page-by-page OCR should not hammer the database.
  let last = { stage: '' as Stage | '', percent: -1, at: 0 };
  const progress = async (stage: Stage, percent: number) => {
    if (stage === last.stage && percent - last.percent < 5 && Date.now() - last.at < 1000) return;
    last = { stage, percent, at: Date.now() };
    await deps.documents.setProgress(documentId, stage, percent);
  };

  // 1. read
  const bytes = await deps.storage.get(doc.storageKey);
  let pending: Promise<void> = Promise.resolve();
  const read = await deps.reader
    .read(bytes, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => {
        pending = pending.then(() => progress('reading', Math.round(p.percent * 0.7))).catch(() => {});
      },
    })
    .catch((err: unknown) => {
      if (err instanceof ReadError && !err.retryable) throw new PermanentFailure(err.code, FAILURE_REASONS[err.code]);
      throw err;
    });
  await pending;
  await deps.documents.savePages(documentId, read.pages);

  // 2. extract
  await progress('extracting', 75);
  const text = { pages: read.pages.map((p) => p.text) };
  const { findings } = extractReport(text);
  const dated = reportDate(text);
  const confident = scaleConfidence(findings, read.pages);

  // 3. store: findings, profile and status land together or not at all.
  await progress('storing', 90);
  const { version, changed } = await deps.db.$transaction(async (tx) => {
    await deps.findings.replaceForDocument(documentId, doc.patientId, confident, tx);
    await deps.documents.markDone(documentId, dated?.value ?? null, tx);
    return deps.profiles.rebuild(
      doc.patientId,
      (sources) => buildProfile({ patientId: doc.patientId, ...sources }),
      tx,
    );
  });
  return {
    status: 'done',
    patientId: doc.patientId,
    pages: read.pages.length,
    findings: findings.length,
    profileVersion: version,
    profileChanged: changed,
  };
}

/** A value read by OCR from a poor page is less certain than the rule alone says. */
function scaleConfidence(findings: Finding[], pages: { page: number; confidence: number | null }[]): Finding[] {
  const pageConfidence = new Map(pages.map((p) => [p.page, p.confidence]));
  return findings.map((f) => {
    const ocr = pageConfidence.get(f.evidence.page);
    return ocr == null ? f : { ...f, confidence: Math.round(f.confidence * Math.min(1, ocr / 90) * 1000) / 1000 };
  });
}
