// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone with its bytes; jsdom's does not, and this test flips screenshot bytes.)
/**
 * The "校验" over the stored database: events appended through the claim
 * log are chained per case, evidence stored by capturing carries its record,
 * and a byte changed in IndexedDB afterwards (an event, an evidence text, a
 * screenshot) is named by the check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent, appendEvents, listEventsOfCase } from '../../../lib/db/repos/events';
import { listCapturedContents } from '../../../lib/db/repos/captured-content';
import { verifyStoredLog } from '../../../lib/db/repos/evidence-log';
import { eventHashOf, GENESIS_HASH } from '../../../lib/evidence/chain';
import { bytesOfBlob } from '../../../lib/evidence/hash';
import { capturePost, type CaptureDeps } from '../../../lib/messaging/handlers/capture-post';
import { captured, HOUR, note, T0 } from '../../fixtures/db/builders';

let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function deps(database: AppDB, overrides: Partial<CaptureDeps> = {}): CaptureDeps {
  let n = 0;
  return {
    db: database,
    now: () => T0 + n * HOUR,
    newId: () => `evt-${++n}`,
    extractFromTab: async () => {
      throw new Error('not used');
    },
    matchTerms: async () => [],
    environment: async () => ({ tool: { name: '舆情助手', version: '0.1.0' }, browser: 'Chrome/140', os: 'win x86-64' }),
    threadCaseIdOf: async (url) => `case:${url}`,
    captureScreenshot: async () => new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' }),
    ...overrides,
  };
}

async function captureOne(database: AppDB, text = '澜江市白沙镇停水三天', overrides: Partial<CaptureDeps> = {}) {
  const result = await capturePost(
    deps(database, overrides),
    {
      post: { site: 'discuz', postId: 'pid-1', floor: 2, author: '网友甲', text, html: `<p>${text}</p>`, views: 100 },
      page: { url: 'https://bbs.example.cn/thread-1.html?from=x', canonicalUrl: 'https://bbs.example.cn/thread-1.html', title: '停水三天' },
      matchedTerms: [],
      snapshot: `<!DOCTYPE html>\n<html><body><p>${text}</p><span>查看: 100</span></body></html>`,
    },
    { id: 1, windowId: 1 },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.data.caseId;
}

describe('the claim log chain', () => {
  it('links each new event of a case to the one before it, the first to the genesis value', async () => {
    db = new AppDB(`chain-${crypto.randomUUID()}`);
    await appendEvent(db, captured('c1'), { now: () => T0 });
    await appendEvent(db, note('c1', T0 + HOUR, 'n1', '已电话联系发帖人'), { now: () => T0 });
    await appendEvents(db, [note('c1', T0 + 2 * HOUR, 'n2', '核实中'), note('c1', T0 + 3 * HOUR, 'n3', '已转住建局')], { now: () => T0 });
    const log = await listEventsOfCase(db, 'c1');
    expect(log.map((e) => e.prevHash)).toEqual([GENESIS_HASH, log[0]!.hash, log[1]!.hash, log[2]!.hash]);
    for (const event of log) expect(event.hash).toBe(eventHashOf(event));
    expect((await verifyStoredLog(db)).ok).toBe(true);
  });

  it('refuses an imported event whose hash no longer matches its content, and stores nothing', async () => {
    db = new AppDB(`chain-${crypto.randomUUID()}`);
    await appendEvent(db, captured('c1'), { now: () => T0 });
    const [stored] = await listEventsOfCase(db, 'c1');
    const forged = { ...note('c1', T0 + HOUR, 'n1', '原文'), prevHash: stored!.hash, hash: 'f'.repeat(64) };
    const result = await appendEvent(db, forged, { now: () => T0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await listEventsOfCase(db, 'c1')).toHaveLength(1);
  });
});

describe('校验 over the stored database', () => {
  it('passes an untouched capture and names an event changed in IndexedDB', async () => {
    db = new AppDB(`verify-${crypto.randomUUID()}`);
    const caseId = await captureOne(db);
    await appendEvent(db, note(caseId, T0 + HOUR, 'n1', '已联系白沙镇'), { now: () => T0 });
    expect(await verifyStoredLog(db)).toMatchObject({ ok: true, events: 2, evidence: 1 });
    const [, second] = await listEventsOfCase(db, caseId);
    await db.events.update(second!.id, { payload: { text: '已联系白沙镇（改）' } });
    const report = await verifyStoredLog(db, caseId);
    expect(report.first).toMatchObject({ kind: 'event', id: second!.id, reason: 'event-altered' });
  });

  it('names evidence whose text, record or screenshot bytes changed', async () => {
    db = new AppDB(`verify-${crypto.randomUUID()}`);
    const caseId = await captureOne(db);
    const [row] = await listCapturedContents(db, caseId);
    expect(row!.record?.digests.original.screenshot).toMatch(/^[0-9a-f]{64}$/);

    await db.capturedContents.update(row!.id, { text: `${row!.text}。` });
    expect((await verifyStoredLog(db)).first).toMatchObject({ kind: 'evidence', id: row!.id, reason: 'content-altered', field: 'text' });

    await db.capturedContents.put(row!);
    const shot = await bytesOfBlob(row!.screenshot!);
    shot[3] = shot[3]! ^ 1;
    await db.capturedContents.update(row!.id, { screenshot: new Blob([shot], { type: 'image/png' }) });
    expect((await verifyStoredLog(db)).first).toMatchObject({ kind: 'evidence', id: row!.id, reason: 'screenshot-altered' });

    await db.capturedContents.put({ ...row!, record: { ...row!.record!, officer: '别人' } });
    expect((await verifyStoredLog(db)).first).toMatchObject({ kind: 'evidence', id: row!.id, reason: 'record-altered' });
  });

  it('passes evidence whose screenshot is missing, its reason written in the record, and names a note rewritten afterwards', async () => {
    db = new AppDB(`verify-${crypto.randomUUID()}`);
    const caseId = await captureOne(db, '澜江市白沙镇停水三天', { captureScreenshot: async () => ({ missing: 'tab-hidden' as const }) });
    const [row] = await listCapturedContents(db, caseId);
    expect(row!.notes).toEqual(['未留截图：截图时帖子所在的标签页不在前台（已切换到其他标签页），为免截到别的网页而放弃。']);
    expect(row!.record?.notes).toEqual(row!.notes);
    expect(await verifyStoredLog(db)).toMatchObject({ ok: true, evidence: 1 });

    await db.capturedContents.update(row!.id, { notes: [] });
    expect((await verifyStoredLog(db)).first).toMatchObject({ kind: 'evidence', id: row!.id, reason: 'evidence-mismatch', field: 'notes' });
  });
});
