/**
 * Reading a sync file: a good export is accepted as is; every kind of bad
 * file is refused with each problem's JSON path and a plain reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSyncFile, syncDigestOf, withDigest, type SyncFile } from '../../../lib/sync';

const LI = readFileSync('tests/fixtures/sync/officer-li-ming-zhujian.json', 'utf8');
const WANG = readFileSync('tests/fixtures/sync/officer-wang-fang-binjiang.json', 'utf8');

function errorsOf(text: string) {
  const result = parseSyncFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

/** The fixture, changed by `edit`, with a correct digest again (so only the edit is wrong). */
function resigned(text: string, edit: (file: SyncFile) => void): string {
  const file = JSON.parse(text) as SyncFile;
  edit(file);
  return JSON.stringify(withDigest(file));
}

describe('parseSyncFile', () => {
  it('accepts both officers’ exports as made by the extension', () => {
    const li = parseSyncFile(LI);
    const wang = parseSyncFile(WANG);
    expect(li.ok && wang.ok).toBe(true);
    if (!li.ok) return;
    expect(li.value.formatVersion).toBe(1);
    expect(li.value.exporters).toEqual([{ officer: '李明', department: '市住建局' }]);
    expect(li.value.events).toHaveLength(9);
    expect(li.value.evidence).toHaveLength(2);
  });

  it('refuses text that is not JSON, and names a truncated file as such', () => {
    expect(errorsOf('hello')).toEqual([{ path: '$', message: expect.stringContaining('不是有效的 JSON') }]);
    expect(errorsOf(LI.slice(0, LI.length / 2))).toEqual([{ path: '$', message: expect.stringContaining('文件不完整') }]);
  });

  it('refuses a missing, non-integer or future format version', () => {
    const file = JSON.parse(LI) as Record<string, unknown>;
    expect(errorsOf(JSON.stringify({ ...file, formatVersion: undefined }))[0]!.path).toBe('$.formatVersion');
    expect(errorsOf(JSON.stringify({ ...file, formatVersion: 1.5 }))[0]!.message).toContain('整数');
    expect(errorsOf(JSON.stringify({ ...file, formatVersion: 2 }))).toEqual([
      { path: '$.formatVersion', message: expect.stringContaining('请先升级扩展') },
    ]);
  });

  it('refuses a file whose content no longer matches its digest (tampered)', () => {
    const tampered = LI.replace('涉及供水，影响两百余户', '涉及供水，影响二十余户');
    expect(tampered).not.toBe(LI);
    expect(errorsOf(tampered)).toEqual([{ path: '$.digest', message: expect.stringContaining('摘要不符') }]);
  });

  it('lists every invalid field with its JSON path', () => {
    const text = resigned(LI, (file) => {
      (file.events[0]!.payload as { url: string }).url = 'ftp://x';
      (file.events[2] as { at: unknown }).at = 'yesterday';
    });
    const paths = errorsOf(text).map((e) => e.path);
    expect(paths).toContain('$.events[0].payload.url');
    expect(paths).toContain('$.events[2].at');
  });

  it('refuses an event impossible in its case’s history, naming the event', () => {
    const text = resigned(LI, (file) => {
      // The noise case's 办结 replaced by a reopening of a case that was never closed.
      const closed = file.events.find((e) => e.id === 'li-0009')!;
      closed.type = 'reopened' as never;
      (closed as { payload: unknown }).payload = { reason: '重新打开' };
    });
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toMatch(/^\$\.events\[\d+\]$/);
    expect(errors[0]!.message).toContain('li-0009');
  });

  it('refuses a repeated event id and evidence of a case the file does not mention', () => {
    const text = resigned(LI, (file) => {
      file.events.push({ ...file.events[0]! });
      file.evidence[0]!.caseId = 'c-000000000000000000000000';
    });
    const errors = errorsOf(text);
    expect(errors.some((e) => e.path === `$.events[9].id` && e.message.includes('重复'))).toBe(true);
    expect(errors.some((e) => e.path === '$.evidence[0].caseId')).toBe(true);
  });

  it('asks for the passphrase when given an encrypted file', () => {
    expect(errorsOf(JSON.stringify({ formatVersion: 1, kind: 'yuqing-sync-encrypted' }))).toEqual([
      { path: '$.encryption', message: expect.stringContaining('口令') },
    ]);
  });

  it('keeps the digest of an export stable (canonical JSON, key order does not matter)', () => {
    const file = JSON.parse(LI) as SyncFile;
    const reordered = Object.fromEntries(Object.entries(file).reverse()) as SyncFile;
    expect(syncDigestOf(reordered)).toBe(file.digest);
  });
});
