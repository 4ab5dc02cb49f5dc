export { createDb, isUniqueViolation, type Db } from './db.js';
export { migrate, MIGRATIONS_DIR } from './migrate.js';
export { DocumentRepository, type DocumentRow, type NewDocument, type PageRow, type Stage } from './documents.js';
export { FindingRepository } from './findings.js';
export { ProfileRepository, type DocumentFindings, type ProfileSources, type StoredProfile } from './profiles.js';
export { CorrectionRepository, type CorrectionRecord } from './corrections.js';
export { WebhookRepository, type Subscription } from './webhooks.js';
export type { Prisma } from './generated/prisma/client.js';
