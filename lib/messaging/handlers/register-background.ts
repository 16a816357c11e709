/**
 * The background's message handlers, registered in one call from the
 * background entrypoint (`setupMessageHandlers(deps)`), each validated by
 * `handle` (schema + sender check).
 */
import { getSettings } from '../../db/repos/settings';
import { getActiveWatchlist } from '../../db/repos/watchlists';
import { templatesOf } from '../../i18n';
import { relevantFoldPairs } from '../../match/fold';
import { createMatcherCache, type MatcherCache } from '../../match/matcher-cache';
import { handle } from '../handle';
import { fail, ok, type Result } from '../result';
import {
  CaptureActivePageRequestSchema,
  CapturePostOrderSchema,
  CONTENT_MESSAGE_KEYS,
  GetContentConfigRequestSchema,
  GetPostStatesRequestSchema,
  OpenSidePanelRequestSchema,
  PingRequestSchema,
  RecheckCaseRequestSchema,
  SetFlaggedCountRequestSchema,
  type RecheckCaseResponse,
} from '../schemas';
import { handleCaptureActivePage, type CaptureActivePageDeps } from './capture-active-page';
import { handleCapturePost } from './capture-post';
import { handleGetPostStates } from './post-states';
import { handleOpenSidePanel, handleSetFlaggedCount, type TabUiDeps } from './tab-ui';

/** Everything the background handlers need. */
export type BackgroundDeps = CaptureActivePageDeps &
  TabUiDeps & {
    /** This extension's id and page origin (defaults from browser.runtime; tests inject). */
    runtime?: { id: string; pageOrigin: string };
    /** Re-checks a case's sources now (lib/recheck, bound to the browser). */
    recheck?: (caseId: string) => Promise<Result<RecheckCaseResponse>>;
    /** The matcher built once per watch-list change (defaults to one held in memory). */
    matcherCache?: MatcherCache;
  };

/** Registers every background handler; returns the function that removes them all. */
export function setupMessageHandlers(deps: BackgroundDeps): () => void {
  const runtime = deps.runtime ? { runtime: deps.runtime } : {};
  const matchers = deps.matcherCache ?? createMatcherCache();
  const removers = [
    handle('capturePost', CapturePostOrderSchema, handleCapturePost(deps), { from: 'content-script', ...runtime }),
    handle('getPostStates', GetPostStatesRequestSchema, handleGetPostStates(deps), { from: 'content-script', ...runtime }),
    handle(
      'getContentConfig',
      GetContentConfigRequestSchema,
      async () => {
        const [settings, watchlist] = await Promise.all([getSettings(deps.db), getActiveWatchlist(deps.db)]);
        const foldPairs = relevantFoldPairs(watchlist.entries);
        // A list that cannot be built (never saved so) leaves the page to compile and report it.
        const matcher = await matchers.packedFor(watchlist.entries, foldPairs).catch(() => undefined);
        return ok({
          locale: settings.locale,
          watchlist: watchlist.entries,
          foldPairs,
          ...(matcher ? { matcher } : {}),
          messages: templatesOf(settings.locale, CONTENT_MESSAGE_KEYS),
        });
      },
      { from: 'content-script', ...runtime },
    ),
    handle('setFlaggedCount', SetFlaggedCountRequestSchema, handleSetFlaggedCount(deps), {
      from: 'content-script',
      ...runtime,
    }),
    handle('openSidePanel', OpenSidePanelRequestSchema, handleOpenSidePanel(deps), {
      from: 'content-script',
      ...runtime,
    }),
    handle('captureActivePage', CaptureActivePageRequestSchema, handleCaptureActivePage(deps), {
      from: 'extension-page',
      ...runtime,
    }),
    handle(
      'recheckCase',
      RecheckCaseRequestSchema,
      ({ caseId }) => (deps.recheck ? deps.recheck(caseId) : Promise.resolve(fail('unavailable', '此环境不能复查。'))),
      { from: 'extension', ...runtime },
    ),
    handle('ping', PingRequestSchema, () => ok({ at: deps.now() }), { from: 'extension', ...runtime }),
  ];
  return () => removers.forEach((remove) => remove());
}
