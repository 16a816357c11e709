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
import { deadlinesOf, groupByCase, openConflicts, replayWithReport, type CaseEvent } from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { RESPONSE_STEPS } from '../report/quarterly';
import type { CopyCsv, HubSchema } from './db';

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

/**
 * Rebuilds the projection of `caseIds` from all their stored events, at the
 * hub's policy. Runs inside the caller's transaction.
 */
export async function rebuildCases(
  trx: Transaction<HubSchema> | Kysely<HubSchema>,
  caseIds: readonly string[],
  policy: PolicyProfile,
  justStored?: { importId: number; fresh: readonly CaseEvent[] },
  copyCsv?: CopyCsv,
): Promise<ProjectionOutcome> {
  // Events the caller just stored are taken from memory, not read back from the database.
  const freshByCase = justStored ? groupByCase(justStored.fresh) : new Map<string, CaseEvent[]>();
  const outcome: ProjectionOutcome = { refusedEventIds: new Set(), competingClaims: [], settledClaims: [] };
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const chunk = caseIds.slice(i, i + CHUNK);
    const rows = justStored
      ? await sql<{ body: CaseEvent }>`
          SELECT body FROM events WHERE case_id = ANY(${chunk}::text[]) AND import_id <> ${justStored.importId}`.execute(trx)
      : await sql<{ body: CaseEvent }>`SELECT body FROM events WHERE case_id = ANY(${chunk}::text[])`.execute(trx);
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
    const caseRows: HubSchema['cases'][] = [];
    const deadlineRows: HubSchema['case_deadlines'][] = [];
    for (const [caseId, events] of byCase) {
      const report = replayWithReport(events);
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
      });
      // Deadlines at +infinity: statuses are decided in SQL; the list itself does not depend on now.
      for (const d of deadlinesOf(state, policy, Number.MAX_SAFE_INTEGER)) {
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
    await trx.deleteFrom('case_deadlines').where('case_id', 'in', chunk).execute();
    for (let j = 0; j < caseRows.length; j += 500) {
      await trx
        .insertInto('cases')
        .values(caseRows.slice(j, j + 500))
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet((eb) => ({
            captured_at: eb.ref('excluded.captured_at'),
            last_at: eb.ref('excluded.last_at'),
            title: eb.ref('excluded.title'),
            url: eb.ref('excluded.url'),
            site: eb.ref('excluded.site'),
            tier: eb.ref('excluded.tier'),
            department: eb.ref('excluded.department'),
            claimed_by: eb.ref('excluded.claimed_by'),
            claimed_at: eb.ref('excluded.claimed_at'),
            assigned: eb.ref('excluded.assigned'),
            responded_at: eb.ref('excluded.responded_at'),
            status: eb.ref('excluded.status'),
            closed_at: eb.ref('excluded.closed_at'),
            event_count: eb.ref('excluded.event_count'),
            rejected_events: eb.ref('excluded.rejected_events'),
            policy_id: eb.ref('excluded.policy_id'),
          })),
        )
        .execute();
    }
    if (copyCsv && deadlineRows.length > 0) {
      // Embedded engine: one COPY instead of statements of thousands of parameters (see import.ts insertByCopy).
      const q = (value: string) => `"${value.replaceAll('"', '""')}"`;
      const nullable = (value: number | null) => (value === null ? '' : String(value));
      const csv = deadlineRows.map(
        (d) =>
          `${q(d.case_id)},${q(d.rule_id)},${q(d.step)},${String(d.started_at)},${String(d.limit_at)},${nullable(d.done_at)},${String(d.optional)},${String(d.response_step)}\n`,
      );
      await copyCsv(
        `COPY case_deadlines (case_id, rule_id, step, started_at, limit_at, done_at, optional, response_step) FROM '/dev/blob' WITH (FORMAT csv)`,
        csv,
      );
    } else {
      for (let j = 0; j < deadlineRows.length; j += 1000) {
        await trx.insertInto('case_deadlines').values(deadlineRows.slice(j, j + 1000)).execute();
      }
    }
  }
  return outcome;
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
