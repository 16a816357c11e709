/**
 * The sync file's digest: SHA-256 (lowercase hex) over the canonical JSON
 * (object keys sorted recursively, no whitespace; lib/extract's
 * `canonicalJson`) of the file without its `digest` member.
 *
 * Synchronous (@noble/hashes) because `parseSyncFile` and `mergeSyncFiles`
 * are synchronous by contract (CONTRACT.md) and the office hub calls them
 * from Node; WebCrypto's digest is async only.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, sha256Hex } from '../extract/digest';
import type { SyncFile, SyncFileContent } from './schema';

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`, synchronously. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest a file with this content must carry (any `digest` member present is ignored). */
export function syncDigestOf(content: SyncFileContent | SyncFile): string {
  const { digest: _digest, ...rest } = content as SyncFile;
  return sha256HexSync(canonicalJson(rest));
}

/** {@link syncDigestOf} by WebCrypto's native SHA-256 (same value; for large files where speed counts). */
export function syncDigestOfAsync(content: SyncFileContent | SyncFile): Promise<string> {
  const { digest: _digest, ...rest } = content as SyncFile;
  return sha256Hex(canonicalJson(rest));
}

/** The content with its digest added. */
export function withDigest(content: SyncFileContent): SyncFile {
  return { ...content, digest: syncDigestOf(content) };
}

/** The content version of a policy profile: the first 16 hex digits of SHA-256 over its canonical JSON. */
export function profileVersionOf(profile: unknown): string {
  return sha256HexSync(canonicalJson(profile)).slice(0, 16);
}
