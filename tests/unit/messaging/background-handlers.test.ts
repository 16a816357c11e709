import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packWatchlistMatcher } from '../../../lib/match/packed';
import { watchlistKeyOf } from '../../../lib/match/matcher-cache';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent } from '../../../lib/db/repos/events';
import { saveSettings } from '../../../lib/db/repos/settings';
import { setupMessageHandlers, type BackgroundDeps } from '../../../lib/messaging/handlers/register-background';
import { removeAllListeners } from '../../../lib/messaging/protocol';
import { ok } from '../../../lib/messaging/result';
import { badgeStateOf } from '../../../lib/content/start';
import { createTranslator, templatesOf, translatorOf, type Translate } from '../../../lib/i18n';
import { buildFoldTable, DEMO_WATCHLIST, relevantFoldPairs } from '../../../lib/match';
import { CONTENT_MESSAGE_KEYS, type ContentConfig, type PostState } from '../../../lib/messaging/schemas';
import { captured, T0 } from '../../fixtures/db/builders';

const ID = 'test-extension-id';
const contentScript = { id: ID, url: 'https://bbs.example.cn/thread-c1.html', tab: { id: 7, windowId: 1 } };

async function deliver(type: string, data: unknown, sender: object): Promise<unknown> {
  let answer: unknown;
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  await trigger({ id: 1, type, data, timestamp: Date.now() }, sender, (r: { res?: unknown; err?: unknown }) => {
    answer = r.res ?? r.err;
  });
  await vi.waitFor(() => expect(answer).toBeDefined());
  return answer;
}

let db: AppDB;
let remove: () => void = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
  db = new AppDB(`bg-${crypto.randomUUID()}`);
  const deps: BackgroundDeps = {
    db,
    now: () => T0,
    newId: () => crypto.randomUUID(),
    matchTerms: async () => [],
    environment: async () => ({ tool: { name: '舆情助手', version: '0.1.0' }, browser: 'test', os: 'linux x86-64' }),
    // The builders' threads are thread-<caseId>.html and their case ids the <caseId>.
    threadCaseIdOf: async (url) => /thread-(.+)\.html$/.exec(url)?.[1] ?? url,
    captureScreenshot: async () => undefined,
    findTab: async () => undefined,
    extractFromTab: async () => ok({ post: { site: 's', postId: 'p', text: '', html: '' }, page: { url: 'https://x.cn/', title: '' }, matchedTerms: [] }),
    setBadge: vi.fn(async () => {}),
  };
  remove = setupMessageHandlers(deps);
});
afterEach(async () => {
  remove();
  await db.delete();
});

describe('background handlers', () => {
  it('give the content script its locale, the active watch list, its fold pairs, the list’s built matcher and its messages in that locale', async () => {
    await saveSettings(db, { locale: 'en' });
    const pairs = relevantFoldPairs(DEMO_WATCHLIST);
    expect(await deliver('getContentConfig', {}, contentScript)).toEqual({
      ok: true,
      data: {
        locale: 'en',
        watchlist: DEMO_WATCHLIST,
        foldPairs: pairs,
        matcher: packWatchlistMatcher(DEMO_WATCHLIST, buildFoldTable(pairs), watchlistKeyOf(DEMO_WATCHLIST, pairs)),
        messages: templatesOf('en', CONTENT_MESSAGE_KEYS),
      },
    });
  });

  it('send the content script only the fold pairs and messages it needs, translating as the full catalogue does', async () => {
    const answer = (await deliver('getContentConfig', {}, contentScript)) as { ok: true; data: ContentConfig };
    // 瀾 folds to 澜, a character of the watch list; 體 → 体 is not needed by it.
    expect(answer.data.foldPairs).toContainEqual(['瀾'.charCodeAt(0), '澜'.charCodeAt(0)]);
    expect(answer.data.foldPairs).not.toContainEqual(['體'.charCodeAt(0), '体'.charCodeAt(0)]);
    expect(answer.data.foldPairs.length).toBeLessThan(500);
    expect(Object.keys(answer.data.messages).sort()).toEqual([...CONTENT_MESSAGE_KEYS].sort());
    const t = translatorOf(answer.data.messages);
    expect(t('remaining', '3小时')).toBe(createTranslator('zh_CN')('remaining', '3小时'));
  });

  it.each(['zh_CN', 'en'] as const)('send messages that render the content script badges as the full catalogue does (%s)', (locale) => {
    const sent = translatorOf(templatesOf(locale, CONTENT_MESSAGE_KEYS));
    const full = createTranslator(locale);
    const used = new Set<string>();
    const recording: Translate = (key, ...subs) => {
      used.add(key);
      return full(key, ...subs);
    };
    const states: PostState[] = [
      { status: 'captured' },
      { status: 'captured', evidence: false },
      { status: 'claimed', claimedBy: '澜江市公安局', nextDeadlineAt: T0 + 20 * 60_000 },
      { status: 'claimed', nextDeadlineAt: T0 + 3 * 3_600_000 },
      { status: 'claimed', nextDeadlineAt: T0 + 2 * 86_400_000 },
      { status: 'claimed', claimedBy: '住建局', nextDeadlineAt: T0 - 5 * 3_600_000 },
      { status: 'claimed', nextDeadlineAt: T0 + 2 * 86_400_000, provisional: true },
    ];
    for (const state of states) {
      expect(badgeStateOf(state, T0, sent)).toEqual(badgeStateOf(state, T0, recording));
    }
    expect([...used].filter((key) => !(CONTENT_MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it('answer post states by post id for every floor of a thread that is a case: the captured one as evidence, the others as its thread', async () => {
    await appendEvent(db, captured('c1'), { now: T0 });
    const answer = await deliver('getPostStates', { canonicalUrl: 'https://bbs.example.cn/thread-c1.html', postIds: ['p-c1', 'p-other'] }, contentScript);
    expect(answer).toEqual({
      ok: true,
      data: { 'p-c1': { status: 'captured', evidence: true }, 'p-other': { status: 'captured', evidence: false } },
    });
    const elsewhere = await deliver('getPostStates', { canonicalUrl: 'https://bbs.example.cn/thread-c2.html', postIds: ['p-c2'] }, contentScript);
    expect(elsewhere).toEqual({ ok: true, data: {} });
  });

  it('answer the e2e ping from an extension page with the time', async () => {
    expect(await deliver('ping', {}, { id: ID, url: `chrome-extension://${ID}/popup.html` })).toEqual({ ok: true, data: { at: T0 } });
  });

  it('set the badge of the tab the browser names, whatever the payload says', async () => {
    expect(await deliver('setFlaggedCount', { count: 5, tabId: 99 }, contentScript)).toEqual({ ok: true });
  });
});
