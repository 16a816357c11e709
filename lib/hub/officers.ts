/**
 * Officers' tokens: issued once by the office (`npm run office -- add-officer`),
 * stored only as their SHA-256, revocable. A token is 32 random bytes
 * (base64url) behind a `yq_` prefix so a leaked one is recognisable in logs.
 * SHA-256 without salt suffices: the token is random, not a password.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubSchema } from './db';
import { sha256Hex } from './canonical';

/** What a token may do. */
export type OfficerRole = 'officer' | 'office';

/** An officer the hub knows. Times are epoch ms. */
export interface Officer {
  id: number;
  name: string;
  department: string;
  /** `officer` pushes their own files; `office` also reads the whole office's cases and reports. */
  role: OfficerRole;
  createdAt: number;
  revokedAt: number | null;
}

function hashToken(token: string): string {
  return sha256Hex(token);
}

/**
 * Registers an officer and returns the token (shown once: only its hash is
 * stored). Throws on an empty or over-long name or department.
 */
export async function addOfficer(
  db: Kysely<HubSchema>,
  name: string,
  department: string,
  now: number,
  role: OfficerRole = 'officer',
): Promise<{ officer: Officer; token: string }> {
  const cleanName = name.trim();
  const cleanDepartment = department.trim();
  if (!cleanName || cleanName.length > 100) throw new Error('officer name must be 1–100 characters');
  if (!cleanDepartment || cleanDepartment.length > 100) throw new Error('department must be 1–100 characters');
  const token = `yq_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('officers')
    .values({ name: cleanName, department: cleanDepartment, role, token_hash: hashToken(token), created_at: now, revoked_at: null })
    .returning(['id', 'name', 'department', 'role', 'created_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return { officer: toOfficer(row), token };
}

/** Revokes an officer's token; returns false when no such active officer exists. */
export async function revokeOfficer(db: Kysely<HubSchema>, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('officers')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every officer, newest first. */
export async function listOfficers(db: Kysely<HubSchema>): Promise<Officer[]> {
  const rows = await db
    .selectFrom('officers')
    .select(['id', 'name', 'department', 'role', 'created_at', 'revoked_at'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toOfficer);
}

/** Why a bearer token was not accepted. */
export type TokenRefusal = 'missing' | 'unknown' | 'revoked';

/** The officer behind a bearer token, or why there is none. One index probe on the hash. */
export async function authenticateToken(
  db: Kysely<HubSchema>,
  token: string | undefined,
): Promise<{ ok: true; officer: Officer } | { ok: false; reason: TokenRefusal }> {
  if (!token) return { ok: false, reason: 'missing' };
  const hash = hashToken(token);
  const row = await db
    .selectFrom('officers')
    .select(['id', 'name', 'department', 'role', 'created_at', 'revoked_at', 'token_hash'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  // The lookup is by hash, so the comparison is only a guard; it is constant-time all the same.
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return { ok: false, reason: 'unknown' };
  if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
  return { ok: true, officer: toOfficer(row) };
}

function toOfficer(row: {
  id: number;
  name: string;
  department: string;
  role: OfficerRole;
  created_at: number;
  revoked_at: number | null;
}): Officer {
  return { id: row.id, name: row.name, department: row.department, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at };
}
