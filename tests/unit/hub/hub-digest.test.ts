// @vitest-environment node
/**
 * The hub checks a pushed sync file with lib/sync's own `parseSyncFile`,
 * only taking the file's digest by Node's native SHA-256 (lib/hub
 * canonical.ts) instead of the portable pure-JS one: the same digest, so the
 * same files are accepted and the same tampered ones refused. Its schema is
 * lib/sync's own, compiled by zod for speed: the same files accepted, each
 * refused with the same problems.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, syncFileDigest } from '../../../lib/hub/canonical';
import { canonicalJson as extractCanonicalJson } from '../../../lib/extract/digest';
import { readHubSyncFile } from '../../../lib/hub/read-sync-file';
import { parseSyncFile, syncDigestOf, withDigest, type SyncFile } from '../../../lib/sync';

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

  it('writes the canonical JSON lib/extract writes, for every kind of value a file can hold', () => {
    const values: unknown[] = [
      { b: 1, a: [3, { d: null, c: undefined, 'é': '中文', Z: true }, undefined, 'x'], '': {} },
      { 10: 'ten', 2: 'two', '02': 'zero-two', b: [{ 1: 'one', a: 'a' }] },
      [[], [[{ y: 1, x: [] }]], 'text\n"quoted"', -0.5, 1e21],
      { kind: 'yuqing-sync', events: [{ id: 'e1', payload: { tags: ['b', 'a'], nested: { z: 1, y: { x: 2 } } } }] },
      'plain',
      null,
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(extractCanonicalJson(value));
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

  it('reads a file as lib/sync does with its compiled schema: the same events, the same problems at the same paths', () => {
    for (const text of FILES) {
      const own = parseSyncFile(text);
      const hub = readHubSyncFile(text);
      if (!own.ok || !hub.ok) throw new Error('the extension’s exports are valid');
      expect(hub.value.events).toEqual(own.value.events);
      expect(hub.value.digest).toBe(own.value.digest);
      // Re-signed after the edits, so only the schema refuses them: every field error, each with its path.
      const file = JSON.parse(text) as SyncFile;
      (file.events[0]!.payload as { url: string }).url = 'ftp://x';
      (file.events[1] as { at: unknown }).at = 'yesterday';
      (file.events[2]!.actor as { officer: string }).officer = '   ';
      (file as unknown as Record<string, unknown>).extra = true;
      const bad = JSON.stringify(withDigest(file));
      const refused = parseSyncFile(bad);
      if (refused.ok) throw new Error('the edited file is invalid');
      expect(refused.errors.length).toBeGreaterThanOrEqual(4);
      expect(readHubSyncFile(bad)).toEqual(refused);
    }
  });
});
