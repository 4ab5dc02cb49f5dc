// Bearer tokens: compact HS256 JWTs signed with AUTH_SECRET, and the role policy.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PrincipalSchema, type Principal, type Role } from '@onco/contract';

export class AuthError extends Error {
  constructor(
    public readonly code: 'unauthenticated' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest();

export function issueToken(principal: Principal, secret: string, ttlSeconds = 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const body = b64url(JSON.stringify({ ...PrincipalSchema.parse(principal), iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${body}.${b64url(sign(`${HEADER}.${body}`, secret))}`;
}

export function verifyToken(token: string, secret: string, now = Date.now()): Principal {
  const [header, body, signature, extra] = token.split('.');
  if (!header || !body || !signature || extra !== undefined || header !== HEADER) {
    throw new AuthError('unauthenticated', 'Malformed bearer token.');
  }
  const expected = sign(`${header}.${body}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AuthError('unauthenticated', 'Invalid bearer token signature.');
  }
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new AuthError('unauthenticated', 'Malformed bearer token.');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) {
    throw new AuthError('unauthenticated', 'Bearer token has expired.');
  }
  const principal = PrincipalSchema.safeParse(claims);
  if (!principal.success) throw new AuthError('unauthenticated', 'Bearer token has no valid role.');
  return principal.data;
}

export type Action = 'document:upload' | 'document:read' | 'document:reprocess' | 'profile:read' | 'profile:correct' | 'webhook:manage';

/** What each role may do; a patient only ever on their own records (see authorize). */
export const POLICY: Record<Role, readonly Action[]> = {
  patient: ['document:upload', 'document:read', 'profile:read'],
  navigator: ['document:upload', 'document:read', 'document:reprocess', 'profile:read', 'profile:correct'],
  service: ['document:read', 'profile:read', 'webhook:manage'],
};

/** Throws AuthError('forbidden') unless `principal` may do `action` on `patientId`'s records. */
export function authorize(principal: Principal, action: Action, patientId: string): void {
  if (!POLICY[principal.role].includes(action)) {
    throw new AuthError('forbidden', `The ${principal.role} role may not ${action.replace(':', ' ')}.`);
  }
  if (principal.role === 'patient' && principal.patientId !== patientId) {
    throw new AuthError('forbidden', 'This token may only access its own patient records.');
  }
}
