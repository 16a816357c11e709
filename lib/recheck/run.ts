/**
 * Re-checking a case's sources (立即复查 and the scheduled re-checks): fetch
 * each source page once, read every evidence post on it with the site
 * adapters, and record one `rechecked` event per post; an edited post's new
 * text is kept as new evidence (`evidence-added`, origin `recheck`), never
 * over the old. Browser work (fetch with the officer's cookies, parsing in
 * a DOM) is injected, so this runs in the background and in tests alike.
 */
import type { AppDB } from '../db/app-db';
import { appendEvents } from '../db/repos/events';
import { getCase, listMergedInto } from '../db/repos/cases';
import { saveCapturedContent } from '../db/repos/captured-content';
import { getCaseState } from '../db/repos/events';
import { combineGroup, type Actor, type CaseEventInput, type CaseState, type EvidenceItem, type RecheckOutcome } from '../cases';
import { fail, ok, type Result } from '../messaging/result';
import type { FetchedPage, RecheckFinding, RecheckTarget } from './classify';
import type { SiteThrottle } from './throttle';

/** What re-checking needs from the outside world. */
export interface RecheckDeps {
  db: AppDB;
  now: () => number;
  newId: () => string;
  /** Who records the re-check (the officer, or the scheduled re-check's placeholder). */
  actor: Actor;
  /** Fetches a page as a page load would (the browser's cookies for that site). */
  fetchPage: (url: string) => Promise<FetchedPage>;
  /** Reads the fetched page for each target (in a DOM: offscreen document, background page, jsdom). */
  classify: (page: FetchedPage, targets: RecheckTarget[]) => Promise<RecheckFinding[]>;
  throttle: SiteThrottle;
  /** SHA-256 hex of a canonical serialization (lib/extract digestOf). */
  digestOf: (value: unknown) => Promise<string>;
}

/** What a re-check of a case found, by outcome. */
export interface RecheckSummary {
  caseId: string;
  checked: number;
  outcomes: Record<RecheckOutcome, number>;
}

/** The latest version of each evidence post of a state. */
export function latestEvidence(state: CaseState): EvidenceItem[] {
  const latest = new Map<string, EvidenceItem>();
  for (const item of state.evidence) latest.set(item.evidenceId, item);
  return [...latest.values()];
}

/**
 * Re-checks every source post of `caseId` (and of the cases merged into it).
 * Refuses a case merged into another (re-check the survivor). Events of one
 * page are stored together; a page that fails to load is recorded as
 * `failed` for each of its posts.
 */
export async function recheckCase(deps: RecheckDeps, caseId: string): Promise<Result<RecheckSummary>> {
  const row = await getCase(deps.db, caseId);
  if (!row) return fail('not-found', `没有案件 ${caseId}`);
  if (row.mergedInto !== undefined) return fail('invalid-input', '案件已合并到另一案件，请复查该案件。');
  const own = await getCaseState(deps.db, caseId);
  if (!own) return fail('not-found', `没有案件 ${caseId}`);
  const members = await Promise.all((await listMergedInto(deps.db, caseId)).map((id) => getCaseState(deps.db, id)));
  const state = combineGroup(own, members.filter((s): s is CaseState => s !== undefined)).state;

  const byPage = new Map<string, EvidenceItem[]>();
  for (const item of latestEvidence(state)) {
    const list = byPage.get(item.url);
    if (list) list.push(item);
    else byPage.set(item.url, [item]);
  }
  const outcomes: Record<RecheckOutcome, number> = { found: 0, deleted: 0, edited: 0, failed: 0 };
  let checked = 0;
  for (const [url, items] of byPage) {
    await deps.throttle.wait(url);
    const page = await deps.fetchPage(url).catch((error: unknown): FetchedPage => ({ kind: 'error', url, message: error instanceof Error ? error.message : String(error) }));
    const targets = items.map((item) => ({ evidenceId: item.evidenceId, url: item.url, postId: item.postId, excerpt: item.excerpt }));
    const findings = await deps.classify(page, targets).catch((error: unknown) =>
      targets.map((): RecheckFinding => ({ outcome: 'failed', reason: `页面读取失败：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) })),
    );
    const events: CaseEventInput[] = [];
    const at = deps.now();
    for (const [i, item] of items.entries()) {
      const finding = findings[i] ?? { outcome: 'failed' as const, reason: '没有读取结果' };
      const digest = finding.text !== undefined ? await deps.digestOf({ canonicalUrl: item.canonicalUrl, postId: item.postId, text: finding.text }) : undefined;
      events.push({
        id: deps.newId(),
        caseId,
        at,
        actor: deps.actor,
        type: 'rechecked',
        payload: {
          evidenceId: item.evidenceId,
          url: item.url,
          outcome: finding.outcome,
          ...(finding.httpStatus !== undefined ? { httpStatus: finding.httpStatus } : {}),
          ...(finding.reason !== undefined ? { reason: finding.reason } : {}),
          ...(digest !== undefined ? { digest } : {}),
          ...(finding.replies !== undefined ? { replies: finding.replies } : {}),
          ...(finding.views !== undefined ? { views: finding.views } : {}),
          ...(finding.posts !== undefined ? { posts: finding.posts } : {}),
        },
      });
      if (finding.outcome === 'edited' && finding.text !== undefined && digest !== undefined) {
        events.push(editedEvidence(deps, caseId, at, item, finding, digest));
        const saved = await saveCapturedContent(deps.db, { caseId, html: '', text: finding.text, digest, url: item.url, capturedAt: at });
        if (!saved.ok) return saved;
      }
      outcomes[finding.outcome] += 1;
      checked += 1;
    }
    const stored = await appendEvents(deps.db, events, { now: deps.now });
    if (!stored.ok) return stored;
    const refused = stored.data.find((result) => !result.ok);
    if (refused && !refused.ok) return refused;
  }
  return ok({ caseId, checked, outcomes });
}

/** The edited post's new text as a new evidence version. */
function editedEvidence(deps: RecheckDeps, caseId: string, at: number, item: EvidenceItem, finding: RecheckFinding, digest: string): CaseEventInput {
  return {
    id: deps.newId(),
    caseId,
    at,
    actor: deps.actor,
    type: 'evidence-added',
    payload: {
      origin: 'recheck',
      url: item.url,
      canonicalUrl: item.canonicalUrl,
      site: item.site,
      ...(item.siteName !== undefined ? { siteName: item.siteName } : {}),
      postId: item.postId,
      ...((finding.floor ?? item.floor) !== undefined ? { floor: finding.floor ?? item.floor } : {}),
      title: item.title,
      ...((finding.author ?? item.author) !== undefined ? { author: finding.author ?? item.author } : {}),
      ...((finding.publishedAt ?? item.publishedAt) !== undefined ? { publishedAt: finding.publishedAt ?? item.publishedAt } : {}),
      excerpt: finding.text ?? '',
      matchedTerms: [],
      ...(finding.replies !== undefined ? { replies: finding.replies } : {}),
      ...(finding.views !== undefined ? { views: finding.views } : {}),
      digest,
    },
  };
}
