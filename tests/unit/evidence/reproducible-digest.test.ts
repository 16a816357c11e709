// @vitest-environment jsdom
/**
 * The content digest is reproducible: the demo forum's first post, captured
 * again and again while the page's view counter climbs, its clock runs and
 * the officer arrives by different links, keeps one content digest and one
 * stored evidence; the raw snapshot (original) gets a digest of its own that
 * follows every change; an edited post gets a new content digest.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { listCapturedContents } from '../../../lib/db/repos/captured-content';
import { listEventsOfCase } from '../../../lib/db/repos/events';
import { contentDigestOf, postContentOf } from '../../../lib/evidence/record';
import { sha256HexOfText } from '../../../lib/evidence/hash';
import { threadCaseIdOf } from '../../../lib/cases/identity';
import { extractCapture } from '../../../lib/extract/extract-capture';
import { captureFromTab, type CaptureDeps } from '../../../lib/messaging/handlers/capture-post';
import { ok } from '../../../lib/messaging/result';
import type { CapturePostRequest } from '../../../lib/messaging/schemas';
import { DEMO_PATHS, resolveRoute } from '../../demo-site/routes';
import { FORUM_FLAGGED_PIDS } from '../../demo-site/expected';

const ORIGIN = 'http://127.0.0.1:4173';
const THREAD = `${ORIGIN}${DEMO_PATHS.forumThread}`;
/** The thread's first post (floor 1, 楼主): it carries the thread's view and reply counters. */
const FIRST_PID = String(FORUM_FLAGGED_PIDS[0]);
/** 2026-11-23 10:00 China time. */
const T0 = Date.UTC(2026, 10, 23, 2, 0);
/** How the officer reaches the same thread: directly, from a share link, with a page anchor. */
const ARRIVALS = [THREAD, `${THREAD}?from=weixin&isappinstalled=0`, `${THREAD}#pid${FIRST_PID}`];

let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function openThread() {
  const dom = new JSDOM(resolveRoute(new URL(THREAD)).body, { url: THREAD });
  return { dom, win: dom.window as unknown as Window & typeof globalThis };
}

/** The thread's view counter, as the page shows it (`查看: 12873`). */
function viewCounter(win: Window): Element {
  const counter = win.document.querySelector('#postlist > table:first-child td.pls .hm span.xi1');
  if (!counter) throw new Error('the demo thread has no view counter');
  return counter;
}

function depsFor(database: AppDB, extraction: () => CapturePostRequest, clock: () => number): CaptureDeps {
  let n = 0;
  return {
    db: database,
    now: clock,
    newId: () => `evt-${++n}`,
    extractFromTab: async () => ok(extraction()),
    matchTerms: async () => ['白沙镇'],
    environment: async () => ({ tool: { name: '舆情助手', version: '0.1.0' }, browser: 'jsdom', os: 'linux x86-64' }),
    threadCaseIdOf,
    captureScreenshot: async () => undefined,
  };
}

describe('re-capturing an unchanged post', () => {
  it('gives one content digest and one stored evidence over 100 captures, while the raw snapshot digest follows the page', async () => {
    const { dom, win } = openThread();
    db = new AppDB(`reproducible-${crypto.randomUUID()}`);
    let now = T0;
    let extraction: CapturePostRequest | undefined;
    const deps = depsFor(db, () => extraction!, () => now);
    const contentDigests = new Set<string>();
    const snapshotDigests = new Set<string>();
    const viewsSeen = new Set<number | undefined>();
    const caseIds = new Set<string>();

    for (let i = 0; i < 100; i++) {
      // What changes between visits and must not move the content digest.
      dom.reconfigure({ url: ARRIVALS[i % ARRIVALS.length]! });
      viewCounter(win).textContent = String(12873 + i * 7);
      now = T0 + i * 37 * 60_000;
      const extracted = extractCapture(win, { mode: 'post', postId: FIRST_PID }, new Date(now));
      if (!extracted.ok) throw new Error(extracted.error.message);
      extraction = extracted.data;
      const { post, page } = extracted.data;
      viewsSeen.add(post.views);
      contentDigests.add(contentDigestOf(postContentOf({ ...post, canonicalUrl: page.canonicalUrl ?? page.url, title: page.title })));
      snapshotDigests.add(sha256HexOfText(extracted.data.snapshot ?? ''));
      const result = await captureFromTab(deps, { id: 1, url: page.url }, { mode: 'post', postId: FIRST_PID });
      if (!result.ok) throw new Error(result.error.message);
      caseIds.add(result.data.caseId);
    }

    expect(viewsSeen.size).toBe(100); // the counter really was read, 100 different values
    expect(contentDigests.size).toBe(1);
    expect(snapshotDigests.size).toBe(100);
    expect(caseIds.size).toBe(1);
    const caseId = [...caseIds][0]!;
    const stored = await listCapturedContents(db, caseId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.digest).toBe([...contentDigests][0]);
    expect(stored[0]!.record?.digests.derived.content).toBe(stored[0]!.digest);
    expect(stored[0]!.record?.digests.original.snapshot).toMatch(/^[0-9a-f]{64}$/);
    const [event] = await listEventsOfCase(db, caseId);
    expect(event?.type === 'captured' && event.payload.digest).toBe(stored[0]!.digest);
  }, 120_000);

  it('gives a new content digest, stored beside the first, once the author edits the post', async () => {
    const { win } = openThread();
    db = new AppDB(`reproducible-${crypto.randomUUID()}`);
    let extraction: CapturePostRequest | undefined;
    let now = T0;
    const deps = depsFor(db, () => extraction!, () => now);
    let caseId = '';
    const capture = async () => {
      const extracted = extractCapture(win, { mode: 'post', postId: FIRST_PID }, new Date(T0));
      if (!extracted.ok) throw new Error(extracted.error.message);
      extraction = extracted.data;
      const result = await captureFromTab(deps, { id: 1, url: THREAD }, { mode: 'post', postId: FIRST_PID });
      if (!result.ok) throw new Error(result.error.message);
      caseId = result.data.caseId;
    };
    await capture();
    const body = win.document.querySelector(`#postmessage_${FIRST_PID}`)!;
    body.append(win.document.createTextNode('（楼主补充：开发商今天回复了）'));
    now = T0 + 3_600_000;
    await capture();

    const stored = await listCapturedContents(db, caseId);
    expect(stored).toHaveLength(2);
    expect(stored[0]!.digest).not.toBe(stored[1]!.digest);
    expect(stored.map((s) => s.text.includes('开发商今天回复了'))).toEqual([false, true]);
  });
});
