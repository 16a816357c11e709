import { Dexie } from 'dexie';
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import { toCaseEvent } from '../entities/event-row';
import { timeOf, type Clock } from '../clock';
import { projectCase, projectionContextOf, type ProjectedCase } from '../projection';
import { projectionTables, putProjectedCases } from './case-store';
import { evidenceIdOf, groupByCase, replayWithReport, type CaseEvent } from '../../cases';
import { DuplicateIndex } from '../../dedupe';
import type { PolicyProfile } from '../../policy';
import type { PostState, PostStates } from '../../messaging/schemas';
import { ok, type Result } from '../../messaging/result';
import { getSettings } from './settings';
import { guarded } from './guard';

/** How the side panel lists cases. */
export interface ListCasesQuery {
  /** Only cases in this status. */
  status?: string;
  /** At most this many (default 50). */
  limit?: number;
  /** 'urgency': earliest pending limit first (overdue on top), cases without one after, most recent first; 'recent': latest activity first. */
  order: 'urgency' | 'recent';
}

/** Cases for the inbox, read from the projection through its indexes (never a full scan of the log). */
export async function listCases(db: AppDB, query: ListCasesQuery): Promise<CaseRow[]> {
  const limit = Math.max(0, Math.floor(query.limit ?? 50));
  if (limit === 0) return [];
  const { status } = query;
  // A case merged into another is listed as part of the survivor, never on its own.
  const recent = () =>
    (status === undefined
      ? db.cases.orderBy('lastEventAt').reverse()
      : db.cases
          .where('[status+lastEventAt]')
          .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true)
          .reverse()
    ).filter((row) => row.mergedInto === undefined);
  if (query.order === 'recent') return recent().limit(limit).toArray();

  // Rows whose nextDeadlineAt is null are absent from the index (null is not a key), which is what we want first.
  const withDeadline =
    status === undefined
      ? await db.cases.orderBy('nextDeadlineAt').limit(limit).toArray()
      : await db.cases
          .where('[status+nextDeadlineAt]')
          .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true)
          .limit(limit)
          .toArray();
  if (withDeadline.length >= limit) return withDeadline;
  const rest = await recent()
    .filter((row) => row.nextDeadlineAt === null)
    .limit(limit - withDeadline.length)
    .toArray();
  return [...withDeadline, ...rest];
}

/** One case's projection row, or undefined. */
export async function getCase(db: AppDB, caseId: string): Promise<CaseRow | undefined> {
  return db.cases.get(caseId);
}

/** A case row's state as a page badge shows it. */
function postStateOf(row: CaseRow, evidence: boolean): PostState {
  return {
    status: row.status,
    evidence,
    ...(row.claimedBy !== undefined ? { claimedBy: row.claimedBy } : {}),
    ...(row.nextDeadlineAt !== null ? { nextDeadlineAt: row.nextDeadlineAt } : {}),
    ...(row.nextDeadlineStep !== null ? { nextDeadlineStep: row.nextDeadlineStep } : {}),
    ...(row.nextDeadlineAt !== null && row.provisional ? { provisional: true } : {}),
  };
}

/** The states of the given cases that exist (for "already captured" badges); unknown ids are left out. */
export async function getCaseStatesByKeys(db: AppDB, caseIds: readonly string[]): Promise<PostStates> {
  const unique = [...new Set(caseIds)];
  const rows = await db.cases.bulkGet(unique);
  const states: PostStates = {};
  for (const row of rows) {
    if (!row) continue;
    const survivor = await survivorOf(db, row);
    states[row.caseId] = postStateOf(survivor, true);
  }
  return states;
}

/** The most merges followed from one case (a longer chain is a corrupt log, not an office's work). */
const MAX_MERGE_HOPS = 50;

/** The case `row` counts under: itself, or the end of its chain of merges (a missing target ends it). */
export async function survivorOf(db: AppDB, row: CaseRow): Promise<CaseRow> {
  let current = row;
  const seen = new Set([row.caseId]);
  for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedInto !== undefined; hop++) {
    if (seen.has(current.mergedInto)) break;
    const next = await db.cases.get(current.mergedInto);
    if (!next) break;
    seen.add(next.caseId);
    current = next;
  }
  return current;
}

/** Where a post belongs: the case holding it as evidence, else its thread's case. */
export interface PostCase {
  /** The case the post counts under (after following merges). */
  row: CaseRow;
  /** True when the post itself is evidence of a case (not only another floor of its thread). */
  holdsPost: boolean;
  /** The digests the holding case has for this post (empty when it does not hold it). */
  evidenceIds: string[];
}

/**
 * The case a post of a thread belongs to: the case that holds the post
 * (after a split it is not the thread's case), else the thread's own case
 * (`threadCaseId`), else the earliest case with evidence from the thread (a
 * version 2 case, one per post). Merges are followed to the surviving case.
 * Undefined when nothing of the thread is a case yet.
 */
export async function findCaseForPost(
  db: AppDB,
  canonicalUrl: string,
  postId: string,
  threadCaseId: string,
): Promise<PostCase | undefined> {
  const evidenceId = evidenceIdOf(canonicalUrl, postId);
  const holding = await db.cases.where('evidenceIds').equals(evidenceId).sortBy('capturedAt');
  const holder = holding[0];
  if (holder) return { row: await survivorOf(db, holder), holdsPost: true, evidenceIds: holding.map((r) => r.caseId) };
  const thread = await findThreadCase(db, canonicalUrl, threadCaseId);
  return thread ? { row: thread, holdsPost: false, evidenceIds: [] } : undefined;
}

/** The case of a thread (see {@link findCaseForPost}), or undefined. */
export async function findThreadCase(db: AppDB, canonicalUrl: string, threadCaseId: string): Promise<CaseRow | undefined> {
  const own = await db.cases.get(threadCaseId);
  if (own) return survivorOf(db, own);
  const earliest = (await db.cases.where('threadUrls').equals(canonicalUrl).sortBy('capturedAt'))[0];
  return earliest ? survivorOf(db, earliest) : undefined;
}

/**
 * The badge state of each of a thread's posts: a post that is evidence
 * shows its case; every other floor of a thread that is a case shows the
 * thread's case ("本帖已立案"). Posts of a thread with no case are left out.
 */
export async function getThreadPostStates(
  db: AppDB,
  canonicalUrl: string,
  postIds: readonly string[],
  threadCaseId: string,
): Promise<PostStates> {
  const thread = await findThreadCase(db, canonicalUrl, threadCaseId);
  const states: PostStates = {};
  for (const postId of new Set(postIds)) {
    const holder = (await db.cases.where('evidenceIds').equals(evidenceIdOf(canonicalUrl, postId)).sortBy('capturedAt'))[0];
    if (holder) states[postId] = postStateOf(await survivorOf(db, holder), true);
    else if (thread) states[postId] = postStateOf(thread, false);
  }
  return states;
}

/** Every case's projection (row and bulletin figures) computed from the log alone. */
export function projectAll(
  events: readonly CaseEvent[],
  context: ReturnType<typeof projectionContextOf>,
  now: number,
): ProjectedCase[] {
  const rows: ProjectedCase[] = [];
  for (const log of groupByCase(events).values()) {
    const { state, rejected } = replayWithReport(log);
    if (state) rows.push(projectCase(state, context, now, rejected));
  }
  return rows;
}

/**
 * Throws the cases projection away and rebuilds it from the log, in one
 * transaction (used after a policy change, an import, or to repair). The
 * log is only read. Answers the number of cases.
 */
export async function rebuildProjection(
  db: AppDB,
  policy: PolicyProfile,
  now: Clock,
): Promise<Result<{ cases: number }>> {
  return guarded(db, (cancellation) =>
    db.transaction('rw', [db.events, ...projectionTables(db), db.settings], async (): Promise<Result<{ cases: number }>> => {
      cancellation.throwIfCancelled();
      const context = projectionContextOf(await getSettings(db), policy);
      const events = (await db.events.toArray()).map(toCaseEvent);
      const rows = projectAll(events, context, timeOf(now));
      await Promise.all(projectionTables(db).map((table) => table.clear()));
      await putProjectedCases(db, rows);
      return ok({ cases: rows.length });
    }),
  );
}

/** A possible duplicate as the desk offers it. */
export interface DuplicateOffer {
  caseId: string;
  title: string;
  site: string;
  capturedAt: number;
  /** Estimated containment of the shorter case's text in the longer's, 0–1. */
  similarity: number;
}

/** The text a case is compared by: its title and the excerpts of its evidence. */
function caseTexts(rows: readonly CaseRow[], events: readonly CaseEvent[]): Map<string, string> {
  const texts = new Map(rows.map((row) => [row.caseId, row.title]));
  for (const event of events) {
    if (event.type !== 'captured' && event.type !== 'evidence-added') continue;
    const text = texts.get(event.caseId);
    // Enough text to tell a story apart; a megathread's hundredth floor adds little.
    if (text !== undefined && text.length < 2000) texts.set(event.caseId, `${text}\n${event.payload.excerpt}`);
  }
  return texts;
}

/**
 * The open cases (not closed, not merged) whose text is close to `caseId`'s
 * ("可能与案件 … 相同"), most similar first. Only offered: nothing merges
 * without the officer. Cases already merged into this one are not open, so
 * they are never offered again.
 */
export async function findPossibleDuplicates(db: AppDB, caseId: string): Promise<DuplicateOffer[]> {
  const rows = await db.cases.filter((row) => row.mergedInto === undefined && row.status !== 'closed').toArray();
  const self = await db.cases.get(caseId);
  if (!self || self.mergedInto !== undefined) return [];
  const open = rows.filter((row) => row.caseId !== caseId);
  if (open.length === 0) return [];
  // The logs of the cases compared only, not the whole claim log.
  const logs = await Promise.all(
    [self, ...open].map((row) => db.events.where('[caseId+at]').between([row.caseId, Dexie.minKey], [row.caseId, Dexie.maxKey], true, true).toArray()),
  );
  const events = logs.flat().filter((e) => e.type === 'captured' || e.type === 'evidence-added').map(toCaseEvent);
  const texts = caseTexts([self, ...open], events);
  const index = new DuplicateIndex();
  for (const row of open) index.add(row.caseId, texts.get(row.caseId) ?? row.title);
  const byId = new Map(open.map((row) => [row.caseId, row]));
  return index.query(texts.get(caseId) ?? self.title).map(({ caseId: id, similarity }) => {
    const row = byId.get(id)!;
    return { caseId: id, title: row.title, site: row.site, capturedAt: row.capturedAt, similarity };
  });
}

/**
 * The cases merged into `caseId`, directly or through a chain (their logs
 * count under it), sorted: one `mergedInto` index lookup per link of the chain.
 */
export async function listMergedInto(db: AppDB, caseId: string): Promise<string[]> {
  const found = new Set<string>();
  let frontier = [caseId];
  while (frontier.length > 0) {
    const next = (await db.cases.where('mergedInto').anyOf(frontier).primaryKeys()).filter((id) => id !== caseId && !found.has(id));
    for (const id of next) found.add(id);
    frontier = next;
  }
  return [...found].sort();
}
