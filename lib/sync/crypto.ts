/**
 * Encrypting a sync file with the office's passphrase (WebCrypto through
 * `globalThis.crypto.subtle`: extension pages, the service worker and
 * Node 20 alike).
 *
 * - Key: PBKDF2 with HMAC-SHA-256, {@link PBKDF2_ITERATIONS} iterations
 *   (OWASP Password Storage Cheat Sheet, 2023: 600,000 for PBKDF2-HMAC-SHA256),
 *   a fresh random 16-byte salt per file, 256-bit AES key.
 * - Cipher: AES-GCM with a fresh random 12-byte nonce; the clear envelope
 *   (department, time, parameters) is bound as additional data, so changing
 *   any of it fails decryption just like a wrong passphrase.
 *
 * AES-GCM authenticates: a wrong passphrase and an altered ciphertext are
 * told apart from a good file, never decrypted into garbage.
 */
import { canonicalJson } from '../extract/digest';
import { fromBase64, toBase64 } from './base64';
import {
  ENCRYPTED_KIND,
  EncryptedSyncFileSchema,
  type EncryptedSyncFile,
  type EncryptionParams,
} from './encrypted-schema';
import { jsonSyntaxProblem, problemsOf, type SyncProblem } from './problems';

/** PBKDF2 iterations of every new file (documented above; stored in each file). */
export const PBKDF2_ITERATIONS = 600_000;

/** What is known of the exporter in clear. */
export interface EnvelopeInfo {
  department: string;
  exportedAt: number;
  keyId?: string;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function additionalData(envelope: Omit<EncryptedSyncFile, 'ciphertext'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(envelope));
}

/**
 * Encrypts the text of a sync file. `iterations` is for tests only (a
 * reader accepts 100,000 and more); leave it out in the extension.
 * Throws only when the passphrase is empty.
 */
export async function encryptSyncText(
  text: string,
  passphrase: string,
  info: EnvelopeInfo,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<EncryptedSyncFile> {
  if (passphrase.length === 0) throw new Error('口令不能为空');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encryption: EncryptionParams = {
    cipher: 'AES-GCM',
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    ...(info.keyId ? { keyId: info.keyId } : {}),
  };
  const envelope = {
    formatVersion: 1 as const,
    kind: ENCRYPTED_KIND,
    department: info.department,
    exportedAt: info.exportedAt,
    encryption,
  };
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(envelope) },
    key,
    new TextEncoder().encode(text),
  );
  return { ...envelope, ciphertext: toBase64(new Uint8Array(sealed)) };
}

/** Whether a file's text is an encrypted sync file (cheap look at its `kind`, no full parse). */
export function isEncryptedSyncText(text: string): boolean {
  return text.slice(0, 400).includes(`"${ENCRYPTED_KIND}"`);
}

/** The answer of {@link decryptSyncText}. */
export type DecryptResult = { ok: true; text: string; envelope: EncryptedSyncFile } | { ok: false; errors: SyncProblem[] };

/**
 * Decrypts an encrypted sync file's text into the plain sync file's text
 * (then `parseSyncFile`). A wrong passphrase — or an altered envelope or
 * ciphertext, which AES-GCM cannot tell apart — is one clear error at
 * `$.ciphertext`; a malformed envelope lists every problem.
 */
export async function decryptSyncText(text: string, passphrase: string): Promise<DecryptResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxProblem(error, text)] };
  }
  const parsed = EncryptedSyncFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: problemsOf(parsed.error) };
  const file = parsed.data;
  const { ciphertext, ...envelope } = file;
  try {
    const key = await deriveKey(passphrase, fromBase64(file.encryption.salt), file.encryption.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.encryption.iv), additionalData: additionalData(envelope) },
      key,
      fromBase64(ciphertext),
    );
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain), envelope: file };
  } catch {
    return {
      ok: false,
      errors: [{ path: '$.ciphertext', message: '无法解密：口令错误，或文件在传递中被改动' }],
    };
  }
}
