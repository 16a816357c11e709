/**
 * Wires the flagger to the extension: configuration and capture go through
 * the typed message protocol (a content script must never open the claim
 * log itself — it would get the web page's IndexedDB, not ours).
 *
 * This runs on every page, so it imports modules directly, never a barrel:
 * lib/match/index.ts would bring zod and OpenCC's table, lib/i18n/index.ts
 * both catalogues. The background sends what those would provide, prepared
 * for this page's watch list and language (`getContentConfig`).
 */
import { statesInBatches } from './post-state-batches';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadOrCompileWatchlist } from '../match/packed';
import { translatorOf, type Translate } from '../i18n/translate';
import { captureFailedText } from '../i18n/capture-failed';
import { formatCountdown } from '../format/duration';
import { sendMessage } from '../messaging/protocol';
import type { CapturePostResponse, PostState } from '../messaging/schemas';
import type { Result } from '../messaging/result';
import { canonicalUrlOf } from '../extract/canonical-url';
import { readPostFields } from '../sites';
import { createFlagger } from './flagger';
import { createSeenPosts, publishSeenPosts } from './seen-posts';
import { idleRunner } from './idle';
import type { BadgeState } from './post-badge';

/** Starts flagging the page; resolves once the first scan is done. */
export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  const config = await sendMessage('getContentConfig', {});
  if (!config.ok || ctx.isInvalid) return;
  const t = translatorOf(config.data.messages);
  const doc = document;
  // Posts a recycling list drops stay capturable, and a page capture holds the whole thread.
  const seen = createSeenPosts();
  publishSeenPosts(seen);
  const flagger = createFlagger({
    seen,
    readFields: (posts) => readPostFields(posts, doc, location.href),
    doc,
    url: () => location.href,
    now: () => new Date(),
    watchlist: loadOrCompileWatchlist(config.data.watchlist, config.data.foldPairs, config.data.matcher),
    labels: {
      capture: t('captureButton'),
      capturing: t('capturing'),
      captured: t('captured'),
      flaggedTitle: t('flaggedTitle'),
      openDesk: t('openDesk'),
    },
    openDesk: () => void sendMessage('openSidePanel', {}),
    capture: (post) => captureOutcome(() => sendMessage('capturePost', { postId: post.postId }), t),
    knownStates: async (posts) => {
      const canonicalUrl = canonicalUrlOf(doc, location.href);
      const known = await statesInBatches(
        posts.map((p) => p.postId),
        async (postIds) => {
          const answer = await sendMessage('getPostStates', { canonicalUrl, postIds });
          return answer.ok ? answer.data : undefined;
        },
      );
      const states = new Map<string, BadgeState>();
      for (const [postId, state] of known) states.set(postId, badgeStateOf(state, Date.now(), t));
      return states;
    },
    reportCount: (count) => void sendMessage('setFlaggedCount', { count }),
    // Not ctx.requestIdleCallback: it adds an abort listener per call, and this runs for every batch of added posts.
    whenIdle: idleRunner(ctx, (callback, options) => window.requestIdleCallback(callback, options), 300),
  });
  // The first scan waits for a quiet moment after load (the page's own scripts, layout and the
  // garbage collection of a freshly parsed document), so it neither delays them nor is slowed by them.
  ctx.requestIdleCallback(
    () => {
      flagger.scanPage();
      ctx.onInvalidated(flagger.observe());
    },
    { timeout: 1_000 },
  );
}

/**
 * "已采集 · 已认领 · 澜江市公安局 · 剩余 3小时" for a post already in the log;
 * "本帖已立案 · …" for another floor of a thread that is a case (it can still be captured);
 * "… · 剩余 3天 · 暂定" when the deadline runs past the official calendar data.
 */
export function badgeStateOf(state: PostState, now: number, t: Translate): BadgeState {
  const threadOnly = state.evidence === false;
  const parts = [threadOnly ? t('case_threadState') : t('stateCaptured')];
  if (state.claimedBy) parts.push(t('stateClaimedBy', state.claimedBy));
  const overdue = state.nextDeadlineAt != null && state.nextDeadlineAt < now;
  if (state.nextDeadlineAt != null) {
    parts.push(formatCountdown(state.nextDeadlineAt, now, t));
    if (state.provisional) parts.push(t('guardProvisionalMark'));
  }
  return { kind: 'known', text: parts.join(' · '), overdue, ...(threadOnly ? { capturable: true } : {}) };
}

/**
 * What the badge says after 采集: an error sentence, a note ("已加入案件…"),
 * or nothing. A stopped or reloaded extension rejects the message with
 * Chrome's own English text; the officer reads it in the product's words.
 */
export async function captureOutcome(
  send: () => Promise<Result<CapturePostResponse>>,
  t: Translate,
): Promise<string | { note: string } | undefined> {
  const answer = await send().catch(() => undefined);
  if (!answer) return t('guardExtensionUnreachable');
  if (!answer.ok) return captureFailedText(answer.error.message, t);
  return answer.data.joined ? { note: t('case_joined', answer.data.title) } : undefined;
}
