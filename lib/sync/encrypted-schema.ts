/**
 * The envelope of an encrypted sync file. Only what the office needs to
 * route the file travels in clear (department, time, key id); the sync file
 * itself — netizens' names, excerpts, assessments — is the AES-GCM
 * ciphertext. See crypto.ts for the algorithm and its parameters.
 */
import { z } from 'zod';
import { FormatVersionSchema } from './schema';

/** The `kind` marker of an encrypted sync file. */
export const ENCRYPTED_KIND = 'yuqing-sync-encrypted' as const;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '须为 base64' });

/** The encryption parameters: everything needed to derive the key again from the passphrase. */
export const EncryptionParamsSchema = z.object({
  cipher: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA-256'),
  /** PBKDF2 iterations; the reader accepts a range so the default can rise later. */
  iterations: z.number().int().min(100_000).max(10_000_000),
  /** Per-file random salt, 16 bytes. */
  salt: Base64.length(24),
  /** AES-GCM nonce, 12 bytes. */
  iv: Base64.length(16),
  /** Which office passphrase (as named by the office's package), never the passphrase itself. */
  keyId: z.string().trim().min(1).max(100).optional(),
});
export type EncryptionParams = z.infer<typeof EncryptionParamsSchema>;

/** An encrypted sync file. */
export const EncryptedSyncFileSchema = z
  .object({
    formatVersion: FormatVersionSchema,
    kind: z.literal(ENCRYPTED_KIND),
    department: z.string().trim().min(1).max(100),
    exportedAt: z.number().int(),
    encryption: EncryptionParamsSchema,
    /** base64 of AES-GCM(ciphertext ‖ tag) over the UTF-8 sync file text. */
    ciphertext: Base64.max(400_000_000),
  })
  .strict();
export type EncryptedSyncFile = z.infer<typeof EncryptedSyncFileSchema>;
