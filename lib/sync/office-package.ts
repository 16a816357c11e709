/**
 * The office's package back to its officers: the watch list, the office's
 * own copy of the procedure profile, calendar overrides (e.g. next year's
 * holiday notice) and the key id of the passphrase to use for the next
 * export (never the passphrase itself) — signed with the office's ECDSA
 * P-256 key (WebCrypto, SHA-256) over the canonical JSON of everything but
 * the signature. It also carries the office's assignments of cases
 * (指定认领) so officers learn which department now holds a case.
 *
 * Trust on first use: the first package an officer imports pins the
 * office's public key (syncState `officePublicKey`); later packages must
 * carry the same key. Unsigned, wrongly signed or re-keyed packages change
 * nothing.
 */
import { z } from 'zod';
import { canonicalJson } from '../extract/digest';
import { CalendarOverrideSchema } from '../db/entities/settings';
import { watchlistSchema } from '../match/schema';
import { AssignedEventSchema } from '../cases/events';
import { fromBase64, toBase64 } from './base64';
import { FormatVersionSchema } from './schema';
import { jsonSyntaxProblem, problemsOf, type SyncProblem } from './problems';

/** The `kind` marker of an office package. */
export const PACKAGE_KIND = 'yuqing-office-package' as const;

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The public half of the office's key, as a JWK (only the members that define a P-256 point). */
export const OfficePublicKeySchema = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(43).max(44), y: z.string().min(43).max(44) })
  .strict();
export type OfficePublicKey = z.infer<typeof OfficePublicKeySchema>;

/** What the package carries. The profile is checked by lib/policy when it is applied. */
export const PackageContentSchema = z.object({
  watchlist: watchlistSchema,
  profile: z.unknown(),
  calendarOverrides: z.array(CalendarOverrideSchema).max(400),
  passphraseKeyId: z.string().trim().min(1).max(100),
  /**
   * The office's assignments (指定认领) of cases, as recorded in its log:
   * an officer who holds the case takes the event into their own log, so
   * their desk shows who holds it now. Absent in packages of before.
   */
  assignments: z.array(AssignedEventSchema).max(100_000).optional(),
});
export type PackageContent = z.infer<typeof PackageContentSchema>;

/** A signed office package. */
export const OfficePackageSchema = z
  .object({
    formatVersion: FormatVersionSchema,
    kind: z.literal(PACKAGE_KIND),
    office: z.string().trim().min(1).max(100),
    issuedAt: z.number().int(),
    publicKey: OfficePublicKeySchema,
    content: PackageContentSchema,
    /** base64 of the raw (r ‖ s) ECDSA P-256 signature. */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { message: '须为 ECDSA P-256 签名（base64）' }),
  })
  .strict();
export type OfficePackage = z.infer<typeof OfficePackageSchema>;

/** The office's signing key pair, exportable so the office console can keep it (as JWKs). */
export async function generateOfficeKeys(): Promise<{ privateJwk: JsonWebKey; publicKey: OfficePublicKey }> {
  const pair = (await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateJwk, publicKey: OfficePublicKeySchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }) };
}

function signedBytes(pkg: Omit<OfficePackage, 'signature'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(pkg));
}

/** Signs a package with the office's private key (JWK from {@link generateOfficeKeys}). */
export async function signOfficePackage(
  unsigned: Omit<OfficePackage, 'signature' | 'formatVersion' | 'kind'>,
  privateJwk: JsonWebKey,
): Promise<OfficePackage> {
  const key = await crypto.subtle.importKey('jwk', privateJwk, ECDSA, false, ['sign']);
  const body = { formatVersion: 1 as const, kind: PACKAGE_KIND, ...unsigned };
  const signature = await crypto.subtle.sign(SIGN, key, signedBytes(body));
  return { ...body, signature: toBase64(new Uint8Array(signature)) };
}

/** Whether two public keys are the same key. */
export function sameKey(a: OfficePublicKey, b: OfficePublicKey): boolean {
  return a.x === b.x && a.y === b.y;
}

/** The answer of {@link verifyOfficePackage}. */
export type VerifyPackageResult = { ok: true; value: OfficePackage } | { ok: false; errors: SyncProblem[] };

/**
 * Parses a package's text and checks its signature against its own public
 * key and, when the officer already pinned one, that it is the same key.
 * Errors: not JSON (`$`), any schema problem (an unsigned package at
 * `$.signature`), a bad signature (`$.signature`), another office's key
 * (`$.publicKey`).
 */
export async function verifyOfficePackage(text: string, pinned: OfficePublicKey | undefined): Promise<VerifyPackageResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxProblem(error, text)] };
  }
  const parsed = OfficePackageSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: problemsOf(parsed.error) };
  const pkg = parsed.data;
  if (pinned && !sameKey(pinned, pkg.publicKey)) {
    return { ok: false, errors: [{ path: '$.publicKey', message: '签名密钥与首次导入时记录的办公室密钥不同：请向信息办核实' }] };
  }
  const { signature, ...body } = pkg;
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('jwk', { ...pkg.publicKey, ext: true }, ECDSA, false, ['verify']);
    valid = await crypto.subtle.verify(SIGN, key, fromBase64(signature), signedBytes(body));
  } catch {
    valid = false;
  }
  return valid ? { ok: true, value: pkg } : { ok: false, errors: [{ path: '$.signature', message: '签名无效：文件被改动或不是办公室签发' }] };
}
