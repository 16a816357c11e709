import { Dexie } from 'dexie';
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import { toCaseEvent } from '../entities/event-row';
import { timeOf, type Clock } from '../clock';
import { projectCase, projectionContextOf } from '../projection';
import { groupByCase, replayWithReport, type CaseEvent } from '../../cases';
import type { PolicyProfile } from '../../policy';
import type { PostStates } from '../../messaging/schemas';
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
  const recent = () =>
    status === undefined
      ? db.cases.orderBy('lastEventAt').reverse()
      : db.cases
          .where('[status+lastEventAt]')
          .between([status, Dexie.minKey], [status, Dexie.maxKey], true, true)
          .reverse();
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

/** The states of the given cases that exist (for "already captured" badges); unknown ids are left out. */
export async function getCaseStatesByKeys(db: AppDB, caseIds: readonly string[]): Promise<PostStates> {
  const unique = [...new Set(caseIds)];
  const rows = await db.cases.bulkGet(unique);
  const states: PostStates = {};
  for (const row of rows) {
    if (!row) continue;
    states[row.caseId] = {
      status: row.status,
      ...(row.claimedBy !== undefined ? { claimedBy: row.claimedBy } : {}),
      ...(row.nextDeadlineAt !== null ? { nextDeadlineAt: row.nextDeadlineAt } : {}),
      ...(row.nextDeadlineStep !== null ? { nextDeadlineStep: row.nextDeadlineStep } : {}),
      ...(row.nextDeadlineAt !== null && row.provisional ? { provisional: true } : {}),
    };
  }
  return states;
}

/** Every case's projection row computed from the log alone. */
export function projectAll(
  events: readonly CaseEvent[],
  context: ReturnType<typeof projectionContextOf>,
  now: number,
): CaseRow[] {
  const rows: CaseRow[] = [];
  for (const log of groupByCase(events).values()) {
    const { state } = replayWithReport(log);
    if (state) rows.push(projectCase(state, context, now));
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
    db.transaction('rw', [db.events, db.cases, db.settings], async (): Promise<Result<{ cases: number }>> => {
      cancellation.throwIfCancelled();
      const context = projectionContextOf(await getSettings(db), policy);
      const events = (await db.events.toArray()).map(toCaseEvent);
      const rows = projectAll(events, context, timeOf(now));
      await db.cases.clear();
      await db.cases.bulkPut(rows);
      return ok({ cases: rows.length });
    }),
  );
}
