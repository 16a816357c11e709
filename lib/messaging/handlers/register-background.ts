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
  OfficeHubRequestSchema,
  SaveOfficeHubRequestSchema,
  OpenSidePanelRequestSchema,
  PingRequestSchema,
  RecheckCaseRequestSchema,
  SetFlaggedCountRequestSchema,
  type RecheckCaseResponse,
  type SaveOfficeHubRequest,
} from '../schemas';
import type { OfficeHubStatus, OfficeHubView } from '../../office-push/desk';
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
    /** The office hub link (lib/office-push/desk.ts, bound to the browser's storage and fetch). */
    officeHub?: OfficeHubDeps;
    /** The matcher built once per watch-list change (defaults to one held in memory). */
    matcherCache?: MatcherCache;
  };

/** The office hub operations the desk's settings call (上报至办公室). */
export interface OfficeHubDeps {
  view(): Promise<Result<OfficeHubView>>;
  save(request: SaveOfficeHubRequest): Promise<Result<{ view: OfficeHubView; officer?: { name: string; department: string } }>>;
  push(): Promise<Result<OfficeHubStatus>>;
}

const NO_OFFICE_HUB = '此环境不能连接办公室服务器。';

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
    handle('getOfficeHub', OfficeHubRequestSchema, () => deps.officeHub?.view() ?? Promise.resolve(fail('unavailable', NO_OFFICE_HUB)), {
      from: 'extension-page',
      ...runtime,
    }),
    handle('saveOfficeHub', SaveOfficeHubRequestSchema, (request) => deps.officeHub?.save(request) ?? Promise.resolve(fail('unavailable', NO_OFFICE_HUB)), {
      from: 'extension-page',
      ...runtime,
    }),
    handle('pushToOfficeHub', OfficeHubRequestSchema, () => deps.officeHub?.push() ?? Promise.resolve(fail('unavailable', NO_OFFICE_HUB)), {
      from: 'extension-page',
      ...runtime,
    }),
    handle('ping', PingRequestSchema, () => ok({ at: deps.now() }), { from: 'extension', ...runtime }),
  ];
  return () => removers.forEach((remove) => remove());
}
