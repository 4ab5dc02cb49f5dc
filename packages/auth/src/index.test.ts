import { describe, expect, it } from 'vitest';
import { AuthError, authorize, issueToken, verifyToken } from './index.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
const patientA = { role: 'patient', sub: 'user-a', patientId: 'A' } as const;

describe('bearer tokens', () => {
  it('round-trips a principal', () => {
    expect(verifyToken(issueToken(patientA, SECRET), SECRET)).toEqual(patientA);
  });
  it('refuses a token signed with another secret', () => {
    expect(() => verifyToken(issueToken(patientA, 'x'.repeat(40)), SECRET)).toThrow(/signature/);
  });
  it('refuses a tampered payload', () => {
    const [h, , s] = issueToken(patientA, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ ...patientA, patientId: 'B', exp: 9e9 })).toString('base64url');
    expect(() => verifyToken(`${h}.${forged}.${s}`, SECRET)).toThrow(AuthError);
  });
  it('refuses an expired token', () => {
    const token = issueToken(patientA, SECRET, 60, Date.now() - 120_000);
    expect(() => verifyToken(token, SECRET)).toThrow(/expired/);
  });
  it('refuses garbage', () => {
    expect(() => verifyToken('not-a-token', SECRET)).toThrow(/Malformed/);
  });
});

describe('policy', () => {
  it('lets a patient read their own profile', () => {
    expect(() => authorize(patientA, 'profile:read', 'A')).not.toThrow();
  });
  it("refuses a patient another patient's profile", () => {
    expect(() => authorize(patientA, 'profile:read', 'B')).toThrow(/own patient/);
  });
  it('refuses uploads from a service', () => {
    expect(() => authorize({ role: 'service', sub: 'answers' }, 'document:upload', 'A')).toThrow(/may not/);
  });
  it('lets a navigator correct any profile', () => {
    expect(() => authorize({ role: 'navigator', sub: 'n1' }, 'profile:correct', 'B')).not.toThrow();
  });
});
