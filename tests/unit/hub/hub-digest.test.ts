// @vitest-environment node
/**
 * The hub checks a pushed sync file with lib/sync's own `parseSyncFile`,
 * only taking the file's digest by Node's native SHA-256 (lib/hub
 * canonical.ts) instead of the portable pure-JS one: the same digest, so the
 * same files are accepted and the same tampered ones refused.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFileDigest } from '../../../lib/hub/canonical';
import { parseSyncFile, syncDigestOf, type SyncFile } from '../../../lib/sync';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/sync', name), 'utf8');
const FILES = [fixture('officer-li-ming-zhujian.json'), fixture('officer-wang-fang-binjiang.json')];

describe('the sync file digest as the hub takes it', () => {
  it('is the digest lib/sync gives for the extension’s own exports', () => {
    for (const text of FILES) {
      const file = JSON.parse(text) as SyncFile;
      expect(syncFileDigest(file)).toBe(syncDigestOf(file));
      expect(syncFileDigest(file)).toBe(file.digest);
    }
  });

  it('is lib/sync’s digest even for content lib/sync orders its own way (integer-like keys)', () => {
    const content = { b: 1, a: { 10: 'ten', 2: 'two', '02': 'zero-two' }, digest: 'ignored' };
    expect(syncFileDigest(content)).toBe(syncDigestOf(content as unknown as SyncFile));
  });

  it('lets parseSyncFile accept the same files and refuse the same tampered one, with the same problems', () => {
    for (const text of FILES) {
      expect(parseSyncFile(text, { digestOf: syncFileDigest })).toEqual(parseSyncFile(text));
      // One changed character of an excerpt: the digest no longer matches.
      const tampered = text.replace(/"excerpt": "/, '"excerpt": "改');
      expect(tampered).not.toBe(text);
      const refused = parseSyncFile(tampered, { digestOf: syncFileDigest });
      expect(refused).toEqual(parseSyncFile(tampered));
      expect(refused.ok).toBe(false);
    }
  });
});
