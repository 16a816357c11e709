import { Dexie } from 'dexie';
import type { AppDB } from '../app-db';
import type { EventRow } from '../entities/event-row';
import { toCaseEvent } from '../entities/event-row';
import { timeOf, type Clock } from '../clock';
import { projectCase, type ProjectedCase, type ProjectionContext } from '../projection';
import { projectionTables, putProjectedCases } from './case-store';
import {
  applyEvent,
  CaseEventSchema,
  MAX_SEQ,
  nextSeqOf,
  orderEvents,
  replay,
  replayWithReport,
  type CaseEvent,
  type CaseEventInput,
  type CaseState,
  type RejectedEvent,
  type ReplayReport,
} from '../../cases';
import { fail, invalidInput, ok, type Result } from '../../messaging/result';
import { chainHeadOf, eventHashMatches, sealEvent } from '../../evidence/chain';
import { guarded } from './guard';
import { loadProjectionContext } from './projection-context';

/** Options of the append functions. */
export interface AppendOptions {
  /** Clock for `storedAt` and for the projection's overdue flag. */
  now: Clock;
}

/** What an append answers: the stored (or already stored) event. */
export interface Appended {
  event: CaseEvent;
  /** False when an event with this id was already stored (nothing changed). */
  created: boolean;
}

/** The tables every append writes or reads, in one transaction. */
export function appendTables(db: AppDB) {
  return [db.events, ...projectionTables(db), db.settings, db.policyProfiles] as const;
}

/** A case's stored log in replay order (sequence, then (at, id); lib/cases `orderEvents`). */
async function logOf(db: AppDB, caseId: string): Promise<CaseEvent[]> {
  const rows = await db.events
    .where('[caseId+at]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true)
    .toArray();
  return orderEvents(rows.map(toCaseEvent));
}

/**
 * The event as this device records it: an event not yet sealed (recorded
 * here, or from a sync file without the chain) takes the case's next
 * sequence number unless it has one, then is sealed into the hash chain
 * after the log's newest event. A sealed event keeps its bytes.
 */
function stamped(log: CaseLog, event: CaseEvent): CaseEvent {
  const sequenced = event.hash === undefined && event.seq === undefined ? { ...event, seq: log.nextSeq } : event;
  return sealEvent(sequenced, chainHeadOf(log.events));
}

/** A case's log (replay order) and its state, as the append loop keeps them in memory. */
interface CaseLog {
  events: CaseEvent[];
  state: CaseState | undefined;
  /** The `seq` the next event recorded here takes. */
  nextSeq: number;
  /** The latest `at` of the log's events (epoch ms; -Infinity when empty). */
  latestAt: number;
  /**
   * Events of the stored log its replay refuses: only ever in the office's
   * merged log (competing claims…, lib/sync/conflicts); a desk refuses them.
   * Kept so the projection names the conflict without another replay.
   */
  rejected: readonly RejectedEvent[];
}

function caseLogOf(events: CaseEvent[], report?: ReplayReport): CaseLog {
  const replayed = report ?? (events.length > 0 ? replayWithReport(events) : { state: undefined, rejected: [] });
  if (events.length > 0 && !replayed.state) replay(events); // throws: a log without its capture
  return {
    events,
    state: replayed.state,
    nextSeq: nextSeqOf(events),
    latestAt: events.reduce((max, e) => Math.max(max, e.at), -Infinity),
    rejected: replayed.rejected,
  };
}

/**
 * Whether `event` may join `log`: the log with it must replay with nothing
 * rejected, so every stored event counts and the projection equals the
 * replay. An event that comes last in the history and later than every
 * event's time is checked by the state machine directly; any other (clock
 * skew, import) by replaying the merged log, because it could make a later
 * event impossible or move the times events count at (`effectiveTimes`).
 */
function admit(log: CaseLog, event: CaseEvent): Result<CaseLog> {
  // Last in history: later than every time, and a sequence no lower than any (an event without one only
  // follows a log without any: its implied number counts events without a sequence).
  const seqLast = event.seq === undefined ? log.events.every((e) => e.seq === undefined) : event.seq >= log.nextSeq - 1;
  const last = event.at > log.latestAt && seqLast;
  if (log.events.length === 0 || last) {
    const applied = applyEvent(log.state, event);
    if (!applied.ok) return fail(applied.error.code, applied.error.message);
    return ok({
      events: [...log.events, event],
      state: applied.state,
      nextSeq: Math.min(MAX_SEQ, Math.max(log.nextSeq, (event.seq ?? log.nextSeq) + 1)),
      latestAt: event.at,
      // Applied last: the replay of the longer log refuses exactly what the shorter one's did.
      rejected: log.rejected,
    });
  }
  const events = orderEvents([...log.events, event]);
  const report = replayWithReport(events);
  const first = report.rejected[0];
  if (first) {
    if (first.event.id === event.id) return fail(first.error.code, first.error.message);
    return fail(
      first.error.code,
      `该事件的时间早于已记录的事件，插入后会使已有的“${first.event.type}”事件无效：${first.error.message}`,
    );
  }
  if (!report.state) return fail('not-captured', '案件尚未采集，不能记录该事件');
  return ok(caseLogOf(events, report));
}

/**
 * Parses untrusted input as an event; every field error is listed. An event
 * that arrives sealed (another officer's sync file) must still match its
 * hash: one altered on the way is refused, not stored.
 */
function parseEvent(input: unknown): Result<CaseEvent> {
  const parsed = CaseEventSchema.safeParse(input);
  if (!parsed.success) return invalidInput<CaseEvent>('事件', parsed.error);
  if (parsed.data.hash !== undefined && !eventHashMatches(parsed.data)) {
    return fail('invalid-input', `事件 ${parsed.data.id} 的校验值（hash）与内容不符：它在传递中被改动过，未记录`);
  }
  return ok(parsed.data);
}

/**
 * Records one event of the claim log. In one transaction: the event is
 * parsed, checked by the state machine against its case's log, stored, and
 * the case's projection row updated. A refused event changes nothing and
 * comes back as the error. An id already stored is a no-op
 * (`created: false`), so retries and imports never duplicate.
 */
export async function appendEvent(
  db: AppDB,
  input: CaseEventInput,
  { now }: AppendOptions,
): Promise<Result<Appended>> {
  const parsed = parseEvent(input);
  if (!parsed.ok) return parsed;
  const event = parsed.data;
  return guarded(db, (cancellation) =>
    db.transaction('rw', appendTables(db), async (): Promise<Result<Appended>> => {
      cancellation.throwIfCancelled();
      return appendWithin(db, event, now);
    }),
  );
}

/**
 * The body of `appendEvent` for an already parsed event, to be called inside
 * a read-write transaction over `appendTables` (events, cases, caseFigures, settings, policyProfiles)
 * (so a caller can store more in the same transaction, e.g. the evidence).
 */
export async function appendWithin(db: AppDB, event: CaseEvent, now: Clock): Promise<Result<Appended>> {
  // The case's log is read anyway, and a re-sent event is almost always in it: no separate lookup by id.
  const log = await logOf(db, event.caseId);
  const inLog = log.find((e) => e.id === event.id);
  if (inLog) return ok({ event: inLog, created: false });
  // Sequenced and sealed into the case's hash chain after the log's newest event (lib/evidence/chain.ts).
  const caseLog = caseLogOf(log);
  event = stamped(caseLog, event);
  const admitted = admit(caseLog, event);
  if (!admitted.ok) return admitted;
  const { state, rejected } = admitted.data;
  if (!state) return fail('not-captured', '案件尚未采集，不能记录该事件');
  const context = await loadProjectionContext(db);
  const at = timeOf(now);
  try {
    await db.events.add({ ...event, storedAt: at } as EventRow);
  } catch (error) {
    // The same id stored under another case: still the same event id, so still a no-op.
    if (!isConstraintError(error)) throw error;
    const existing = await db.events.get(event.id);
    if (!existing) throw error;
    return ok({ event: toCaseEvent(existing), created: false });
  }
  await putProjectedCases(db, [projectCase(state, context, at, rejected)]);
  return ok({ event, created: true });
}

function isConstraintError(error: unknown): boolean {
  const { name, inner } = (error ?? {}) as { name?: string; inner?: { name?: string } };
  return name === 'ConstraintError' || inner?.name === 'ConstraintError';
}

/** Parses untrusted input as an event (exported for callers that combine writes). */
export { parseEvent };

/**
 * Records many events in one transaction (import, bulk actions). Each is
 * checked on its own, in the given order, against its case's log including
 * the batch's earlier events; the answer has one result per input. Refused
 * events are not stored, the others are. If the transaction itself fails
 * (quota…), nothing at all is stored and every result is that error.
 */
export async function appendEvents(
  db: AppDB,
  inputs: readonly CaseEventInput[],
  { now }: AppendOptions,
): Promise<Result<Result<Appended>[]>> {
  if (!Array.isArray(inputs)) return fail('invalid-input', '批量事件必须是数组');
  const parsed = inputs.map(parseEvent);
  const events = parsed.flatMap((r) => (r.ok ? [r.data] : []));
  return guarded(db, (cancellation) =>
    db.transaction('rw', appendTables(db), async (): Promise<Result<Result<Appended>[]>> => {
      cancellation.throwIfCancelled();
      const storedRows = await db.events.bulkGet([...new Set(events.map((e) => e.id))]);
      const stored = new Map<string, EventRow>();
      for (const row of storedRows) if (row) stored.set(row.id, row);
      const caseIds = [...new Set(events.map((e) => e.caseId))];
      const logs = new Map<string, CaseLog>();
      await Promise.all(
        caseIds.map(async (caseId) => {
          logs.set(caseId, caseLogOf(await logOf(db, caseId)));
        }),
      );

      const accepted = new Map<string, CaseEvent>();
      const touched = new Set<string>();
      const results = parsed.map((result): Result<Appended> => {
        if (!result.ok) return result;
        const event = result.data;
        const already = stored.get(event.id);
        if (already) return ok({ event: toCaseEvent(already), created: false });
        const earlier = accepted.get(event.id);
        if (earlier) return ok({ event: earlier, created: false });
        const log = logs.get(event.caseId)!;
        const admitted = admit(log, stamped(log, event));
        if (!admitted.ok) return admitted;
        logs.set(event.caseId, admitted.data);
        const sealed = admitted.data.events.find((e) => e.id === event.id)!;
        accepted.set(event.id, sealed);
        touched.add(event.caseId);
        return ok({ event: sealed, created: true });
      });

      if (accepted.size > 0) {
        const context = await loadProjectionContext(db);
        const at = timeOf(now);
        const rows = [...accepted.values()].map((e) => ({ ...e, storedAt: at }) as EventRow);
        const caseRows: ProjectedCase[] = [...touched].map((caseId) => {
          const log = logs.get(caseId)!;
          return projectCase(log.state!, context, at, log.rejected);
        });
        await db.events.bulkAdd(rows);
        await putProjectedCases(db, caseRows);
      }
      return ok(results);
    }),
  );
}

/** A case's events in replay order (sequence, then (at, id)). */
export async function listEventsOfCase(db: AppDB, caseId: string): Promise<CaseEvent[]> {
  return logOf(db, caseId);
}

/**
 * Every stored event, for the sync export, in storage order. With `since`
 * (epoch ms), only events stored at or after it: the bound is inclusive so
 * an event stored in the same millisecond as the last export is exported
 * again rather than lost (import is idempotent, so a repeat costs nothing).
 */
export async function listAllEvents(db: AppDB, { since }: { since?: number } = {}): Promise<CaseEvent[]> {
  const rows =
    since === undefined
      ? await db.events.orderBy('storedAt').toArray()
      : await db.events.where('storedAt').aboveOrEqual(since).toArray();
  return rows.map(toCaseEvent);
}

/** Replays one case from its log, or undefined when it has no events. */
export async function getCaseState(db: AppDB, caseId: string): Promise<CaseState | undefined> {
  return caseLogOf(await logOf(db, caseId)).state;
}

export type { ProjectionContext };
