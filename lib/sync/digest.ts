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

/**
 * The text a file's digest is taken over: the canonical JSON of the file
 * without its `digest` member. One definition for every SHA-256 that digests
 * it (pure JS here, WebCrypto, the office hub's `node:crypto`).
 */
export function syncDigestText(content: SyncFileContent | SyncFile): string {
  const { digest: _digest, ...rest } = content as SyncFile;
  return canonicalJson(rest);
}

/** The digest a file with this content must carry (any `digest` member present is ignored). */
export function syncDigestOf(content: SyncFileContent | SyncFile): string {
  return sha256HexSync(syncDigestText(content));
}

/** {@link syncDigestOf} by WebCrypto's native SHA-256 (same value; for large files where speed counts). */
export function syncDigestOfAsync(content: SyncFileContent | SyncFile): Promise<string> {
  return sha256Hex(syncDigestText(content));
}

/** The content with its digest added. */
export function withDigest(content: SyncFileContent): SyncFile {
  return { ...content, digest: syncDigestOf(content) };
}

/** The content version of a policy profile: the first 16 hex digits of SHA-256 over its canonical JSON. */
export function profileVersionOf(profile: unknown): string {
  return sha256HexSync(canonicalJson(profile)).slice(0, 16);
}
