/**
 * The per-case projection the SQL reports read: each touched case is
 * replayed with the extension's own code (lib/cases: order, transitions,
 * deadlines on the working-day calendar), and its row and deadline rows are
 * replaced. Only derived tables are rewritten; events are never touched.
 *
 * Deadlines are stored with their limit and completion, not their status:
 * whether an open one is overdue is decided in SQL at the report's `now`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { deadlinesOf, groupByCase, openConflicts, replayWithReport, type CaseEvent, type ReplayReport } from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { nextOfCase } from '../db/projection';
import { RESPONSE_STEPS } from '../report/quarterly';
import { copyRows, type CopyCsv, type HubSchema } from './db';

/** What replaying the touched cases found. */
export interface ProjectionOutcome {
  /** Events the replay skipped as impossible at their place (not duplicates, not competing claims). */
  refusedEventIds: Set<string>;
  /** Claims by another department on a case already claimed: kept, and listed for the office to assign. */
  competingClaims: CaseEvent[];
  /**
   * Competing claims the office has since settled by 指定认领 (an `assigned`
   * event after them): no longer open, and marked resolved at the settlement's time (epoch ms).
   */
  settledClaims: { eventId: string; caseId: string; settledAt: number }[];
}

const CHUNK = 2000;

/** The events an import just stored, given to {@link rebuildCases} from memory. */
export interface JustStored {
  /** The import's ledger id (its events carry it). */
  importId: number;
  /** The events it stored. */
  fresh: readonly CaseEvent[];
  /**
   * Cases that had nothing stored before the import (no event, no projection
   * row): their history is `fresh` alone, so no earlier event is read for them,
   * and their rows are written by COPY instead of replaced.
   */
  newCases?: ReadonlySet<string>;
}

/**
 * Rebuilds the projection of `caseIds` from all their stored events, at the
 * hub's policy. Runs inside the caller's transaction.
 */
export async function rebuildCases(
  trx: Transaction<HubSchema> | Kysely<HubSchema>,
  caseIds: readonly string[],
  policy: PolicyProfile,
  justStored?: JustStored,
  copyCsv?: CopyCsv,
): Promise<ProjectionOutcome> {
  // Events the caller just stored are taken from memory, not read back from the database.
  const freshByCase = justStored ? groupByCase(justStored.fresh) : new Map<string, CaseEvent[]>();
  const outcome: ProjectionOutcome = { refusedEventIds: new Set(), competingClaims: [], settledClaims: [] };
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const chunk = caseIds.slice(i, i + CHUNK);
    const newCases = justStored?.newCases;
    // Cases with a stored history and projection: read, and replaced.
    const known = newCases ? chunk.filter((caseId) => !newCases.has(caseId)) : chunk;
    const rows =
      known.length === 0
        ? { rows: [] }
        : justStored
          ? await sql<{ body: CaseEvent }>`
              SELECT body FROM events WHERE case_id = ANY(${known}::text[]) AND import_id <> ${justStored.importId}`.execute(trx)
          : await sql<{ body: CaseEvent }>`SELECT body FROM events WHERE case_id = ANY(${known}::text[])`.execute(trx);
    const byCase = new Map<string, CaseEvent[]>();
    for (const caseId of chunk) {
      const fresh = freshByCase.get(caseId);
      if (fresh) byCase.set(caseId, [...fresh]);
    }
    for (const { body } of rows.rows) {
      const list = byCase.get(body.caseId);
      if (list) list.push(body);
      else byCase.set(body.caseId, [body]);
    }
    const { caseRows, deadlineRows } = projectHistories(byCase, policy, outcome);
    if (known.length > 0) await sql`DELETE FROM case_deadlines WHERE case_id = ANY(${known}::text[])`.execute(trx);
    if (copyCsv) {
      const firstRows = newCases ? caseRows.filter((row) => newCases.has(row.case_id)) : [];
      await upsertCasesByCopy(trx, copyCsv, newCases ? caseRows.filter((row) => !newCases.has(row.case_id)) : caseRows);
      // A new case has no row to replace: straight into `cases`.
      if (firstRows.length > 0) {
        await copyCsv(trx, CASES_COPY, caseRowsCopyText(firstRows));
      }
    } else {
      for (let j = 0; j < caseRows.length; j += 500) {
        await trx
          .insertInto('cases')
          .values(caseRows.slice(j, j + 500))
          .onConflict((oc) => oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(CASE_COLUMNS.slice(1).map((c) => [c, eb.ref(`excluded.${c}`)]))))
          .execute();
      }
    }
    if (copyCsv && deadlineRows.length > 0) {
      // One COPY instead of statements of thousands of parameters (see import.ts insertByCopy).
      await copyCsv(trx, DEADLINES_COPY, deadlineRowsCopyText(deadlineRows));
    } else {
      for (let j = 0; j < deadlineRows.length; j += 1000) {
        await trx.insertInto('case_deadlines').values(deadlineRows.slice(j, j + 1000)).execute();
      }
    }
  }
  return outcome;
}

/** A case's row and its deadline rows, as {@link rebuildCases} stores them. */
export interface ProjectedRows {
  caseRows: HubSchema['cases'][];
  deadlineRows: HubSchema['case_deadlines'][];
}

/**
 * Replays each case's whole history (`byCase`: case id → its events, any
 * order) with the extension's own code and returns the rows to store; what
 * the replay refused or found competing is added to `outcome`. Pure: no
 * database, so an import can project a file of new cases before its
 * transaction (lib/hub/prepare.ts), in a worker thread. `replayed` holds
 * replays already made of exactly these histories (lib/sync's history
 * check), used instead of replaying again.
 */
export function projectHistories(
  byCase: ReadonlyMap<string, readonly CaseEvent[]>,
  policy: PolicyProfile,
  outcome: ProjectionOutcome,
  replayed?: ReadonlyMap<string, ReplayReport>,
): ProjectedRows {
  const caseRows: HubSchema['cases'][] = [];
  const deadlineRows: HubSchema['case_deadlines'][] = [];
  for (const [caseId, events] of byCase) {
    const report = replayed?.get(caseId) ?? replayWithReport(events);
    const { state, rejected } = report;
    // The same rule as the office console (lib/cases openConflicts): a claim
    // made before the office's latest assignment is settled, not open.
    const open = new Set(openConflicts(report).map(({ event }) => event.id));
    for (const { event, error } of rejected) {
      if (error.code === 'already-claimed' && (event.type === 'claimed' || event.type === 'assigned')) {
        if (!open.has(event.id) && state?.settlement) {
          outcome.settledClaims.push({ eventId: event.id, caseId, settledAt: state.settlement.at });
        } else if (event.payload.department !== state?.claimedBy) outcome.competingClaims.push(event);
        else outcome.refusedEventIds.add(event.id);
      } else {
        outcome.refusedEventIds.add(event.id);
      }
    }
    if (!state) continue;
    // Deadlines at +infinity: statuses are decided in SQL; the list itself does not depend on now.
    // Computed once, for the deadline rows and for the list fields, which follow the extension's
    // rule for a case row (lib/db/projection nextOfCase: next step, most urgent deadline, 暂定),
    // so the console shows a hub case like the same case imported locally.
    const deadlines = deadlinesOf(state, policy, Number.MAX_SAFE_INTEGER);
    const listed = nextOfCase(state, deadlines);
    caseRows.push({
      case_id: caseId,
      captured_at: state.steps.captured ?? state.capture.capturedAt,
      last_at: state.lastAt,
      title: state.capture.title,
      url: state.capture.url,
      site: state.capture.site,
      tier: state.tier ?? null,
      department: state.department ?? null,
      claimed_by: state.claimedBy ?? null,
      claimed_at: state.claimedAt ?? null,
      assigned: state.assigned,
      responded_at: state.responses[0]?.at ?? null,
      status: state.status,
      closed_at: state.status === 'closed' ? (state.closedAt ?? null) : null,
      event_count: state.eventCount,
      rejected_events: rejected.length,
      policy_id: policy.id,
      next_step: listed.nextStep,
      next_deadline_at: listed.nextDeadlineAt,
      next_deadline_step: listed.nextDeadlineStep,
      provisional: listed.provisional,
      author: state.capture.author ?? null,
    });
    for (const d of deadlines) {
      deadlineRows.push({
        case_id: caseId,
        rule_id: d.ruleId,
        step: d.step,
        started_at: d.startedAt,
        limit_at: d.limit,
        done_at: d.doneAt ?? null,
        optional: d.optional,
        response_step: RESPONSE_STEPS.includes(d.step),
      });
    }
  }
  return { caseRows, deadlineRows };
}

const CASE_COLUMNS = [
  'case_id', 'captured_at', 'last_at', 'title', 'url', 'site', 'tier', 'department', 'claimed_by', 'claimed_at',
  'assigned', 'responded_at', 'status', 'closed_at', 'event_count', 'rejected_events', 'policy_id',
  'next_step', 'next_deadline_at', 'next_deadline_step', 'provisional', 'author',
] as const satisfies readonly (keyof HubSchema['cases'])[];
const DEADLINE_COLUMNS = [
  'case_id', 'rule_id', 'step', 'started_at', 'limit_at', 'done_at', 'optional', 'response_step',
] as const satisfies readonly (keyof HubSchema['case_deadlines'])[];

/** The COPY statement of {@link caseRowsCopyText}'s text (rows of cases never stored before). */
export const CASES_COPY = `COPY cases (${CASE_COLUMNS.join(', ')}) FROM STDIN`;
/** The COPY statement of {@link deadlineRowsCopyText}'s text. */
export const DEADLINES_COPY = `COPY case_deadlines (${DEADLINE_COLUMNS.join(', ')}) FROM STDIN`;

/** Case rows in COPY's text format, in chunks (see copyRows). */
export function caseRowsCopyText(rows: readonly HubSchema['cases'][]): string[] {
  return copyRows(rows, (row) => CASE_COLUMNS.map((c) => row[c]));
}

/** Deadline rows in COPY's text format, in chunks (see copyRows). */
export function deadlineRowsCopyText(rows: readonly HubSchema['case_deadlines'][]): string[] {
  return copyRows(rows, (d) => DEADLINE_COLUMNS.map((c) => d[c]));
}

/**
 * The touched cases' rows by COPY into a session-local staging table, then
 * one `INSERT … ON CONFLICT (case_id) DO UPDATE`: one statement per file
 * instead of one per 500 rows of 17 parameters each.
 */
async function upsertCasesByCopy(trx: Kysely<HubSchema>, copyCsv: CopyCsv, rows: readonly HubSchema['cases'][]): Promise<void> {
  if (rows.length === 0) return;
  await sql`CREATE TEMP TABLE IF NOT EXISTS hub_staging_cases (LIKE cases) ON COMMIT DELETE ROWS`.execute(trx);
  await copyCsv(trx, `COPY hub_staging_cases (${CASE_COLUMNS.join(', ')}) FROM STDIN`, caseRowsCopyText(rows));
  const columns = sql.raw(CASE_COLUMNS.join(', '));
  const updates = sql.raw(CASE_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', '));
  await sql`INSERT INTO cases (${columns}) SELECT ${columns} FROM hub_staging_cases ON CONFLICT (case_id) DO UPDATE SET ${updates}`.execute(trx);
}

/**
 * Re-projects every case whose projection was made under another policy
 * (the office switched profiles), in batches. Returns how many were rebuilt.
 */
export async function rebuildAllCases(db: Kysely<HubSchema>, policy: PolicyProfile): Promise<number> {
  const stale = await sql<{ case_id: string }>`
    SELECT DISTINCT e.case_id FROM events e LEFT JOIN cases c ON c.case_id = e.case_id
    WHERE c.case_id IS NULL OR c.policy_id <> ${policy.id}`.execute(db);
  const ids = stale.rows.map((row) => row.case_id);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await db.transaction().execute((trx) => rebuildCases(trx, chunk, policy));
  }
  return ids.length;
}
