/**
 * The one SHA-256 of the evidence code: synchronous (@noble/hashes), so it
 * can run inside a Dexie transaction, where awaiting Web Crypto would let
 * IndexedDB commit the transaction early (STYLE.md §4: no foreign async work
 * inside a transaction). Output is lowercase hex, as `sha256sum` prints it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../extract/digest';

/** 64 lowercase hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** SHA-256 (lowercase hex) of raw bytes. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** SHA-256 (lowercase hex) of the UTF-8 bytes of `text` (what `sha256sum` prints for the same file). */
export function sha256HexOfText(text: string): string {
  return sha256HexOfBytes(utf8ToBytes(text));
}

/** SHA-256 (lowercase hex) of `value`'s canonical JSON (keys sorted, no whitespace). */
export function sha256HexOfJson(value: unknown): string {
  return sha256HexOfText(canonicalJson(value));
}

export { canonicalJson };

/**
 * The bytes of a stored Blob. `Blob.arrayBuffer` where the Blob has it (every
 * browser context, the service worker included); FileReader for older Blob
 * implementations (a structured-cloned Blob in some IndexedDB shims).
 */
export async function bytesOfBlob(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the stored file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

/** The UTF-8 bytes of `text` (the bytes a file written from it holds). */
export function utf8Bytes(text: string): Uint8Array {
  return utf8ToBytes(text);
}
