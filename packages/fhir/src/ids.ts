// Stable ids: the same profile gives the same bundle, so a receiver can upsert by id.
import { createHash } from 'node:crypto';

/** Namespace of this package's name-based UUIDs (RFC 9562 version 5). */
const NAMESPACE = '6f1c9a52-3d0e-4c8b-9f5e-2a7d4b1e8c30';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');

/** A version-5 (SHA-1, name-based) UUID of `name`. */
export function uuid5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** FHIR R4 `id`: 1-64 of A-Z a-z 0-9 - . (our patient ids may also contain "_"). */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** FHIR `date`/`dateTime` with at least a day (US Core us-core-1), or null. */
export function dayOrMore(s: string | null | undefined): string | null {
  if (!s) return null;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)) return s;
  return instant(s);
}

/** FHIR `instant` (full date-time with a time zone), or null. */
export function instant(s: string | null | undefined): string | null {
  if (!s) return null;
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/.test(s) ? s : null;
}
