/**
 * The office's reports as SQL over the hub's per-case projection: the
 * quarterly bulletin (the same `QuarterlyStats` shape and figures as
 * lib/report's `quarterlyStats` gives the console from the same files),
 * the per-department figures it contains, and the 舆情日志 (the cases
 * captured on one China day).
 *
 * Deadline statuses are decided here at `now`, with the rule of
 * lib/cases/deadlines: met late when done after the limit; open and past
 * the limit (a closed case's clock stops at its closing) is overdue. The
 * projection holds every stored event, so `now` must not precede the
 * newest stored event (the hub reports "as of now"); an earlier `asOf` is
 * the console's job, which replays a log cut at that time.
 */
import { sql, type Kysely } from 'kysely';
import type { TierId } from '../cases/events';
import { emptyOverrideStats, overrideCountOf, type OverrideStats } from '../classify/overrides';
import type { PolicyProfile } from '../policy/schema';
import {
  emptyQuarterlyCounts,
  quarterBounds,
  UNCLAIMED_DEPARTMENT,
  type DepartmentStats,
  type QuarterId,
  type QuarterlyCounts,
  type QuarterlyStats,
} from '../report/quarterly';
import type { HubSchema } from './db';

interface CountsRow {
  department: string | null;
  is_total: number;
  cases: number;
  claimed: number;
  assigned: number;
  unclaimed: number;
  responded: number;
  responded_late: number;
  overdue_steps: number;
  closed: number;
  rejected_events: number;
}

/**
 * The quarter's bulletin figures from SQL. Departments by cases
 * (descending), then name in code-point order (COLLATE "C"), as the console.
 * Throws RangeError on a bad quarter.
 */
export async function quarterlyStatsSql(
  db: Kysely<HubSchema>,
  policy: PolicyProfile,
  { quarter, now }: { quarter: QuarterId; now: number },
): Promise<QuarterlyStats> {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  const result = await sql<CountsRow>`
    WITH q AS (
      SELECT c.*, COALESCE(c.department, c.claimed_by, ${UNCLAIMED_DEPARTMENT}) AS responsible
      FROM cases c
      WHERE c.captured_at BETWEEN ${bounds.start} AND ${bounds.end} AND c.policy_id = ${policy.id}
    ),
    missed AS (
      SELECT d.case_id, d.optional, d.response_step
      FROM case_deadlines d JOIN q ON q.case_id = d.case_id
      WHERE (d.done_at IS NOT NULL AND d.done_at > d.limit_at)
         OR (d.done_at IS NULL AND CASE WHEN q.closed_at IS NOT NULL THEN d.limit_at < q.closed_at
                                       ELSE d.limit_at < ${now} END)
    ),
    per_case AS (
      SELECT q.case_id, q.responsible, q.claimed_at, q.assigned, q.responded_at, q.status, q.rejected_events,
        (SELECT count(*) FROM missed m WHERE m.case_id = q.case_id AND NOT m.optional) AS overdue_steps,
        EXISTS (SELECT 1 FROM missed m WHERE m.case_id = q.case_id AND m.response_step) AS response_missed
      FROM q
    )
    SELECT
      responsible AS department,
      GROUPING(responsible) AS is_total,
      count(*)::int AS cases,
      count(*) FILTER (WHERE claimed_at IS NOT NULL AND NOT assigned)::int AS claimed,
      count(*) FILTER (WHERE claimed_at IS NOT NULL AND assigned)::int AS assigned,
      count(*) FILTER (WHERE claimed_at IS NULL)::int AS unclaimed,
      count(*) FILTER (WHERE responded_at IS NOT NULL)::int AS responded,
      count(*) FILTER (WHERE responded_at IS NOT NULL AND response_missed)::int AS responded_late,
      COALESCE(sum(overdue_steps), 0)::int AS overdue_steps,
      count(*) FILTER (WHERE status = 'closed')::int AS closed,
      COALESCE(sum(rejected_events), 0)::int AS rejected_events
    FROM per_case
    GROUP BY GROUPING SETS ((responsible), ())
    ORDER BY is_total, cases DESC, responsible COLLATE "C"`.execute(db);

  let totals = emptyQuarterlyCounts();
  let rejectedEvents = 0;
  const departments: DepartmentStats[] = [];
  for (const row of result.rows) {
    const counts = toCounts(row);
    if (Number(row.is_total) === 1) {
      totals = counts;
      rejectedEvents = row.rejected_events;
    } else {
      departments.push({ department: row.department ?? UNCLAIMED_DEPARTMENT, ...counts });
    }
  }
  return { ...bounds, policyId: policy.id, asOf: now, departments, totals, rejectedEvents };
}

function toCounts(row: CountsRow): QuarterlyCounts {
  const respondedOnTime = row.responded - row.responded_late;
  return {
    cases: row.cases,
    claimed: row.claimed,
    assigned: row.assigned,
    unclaimed: row.unclaimed,
    responded: row.responded,
    respondedOnTime,
    respondedLate: row.responded_late,
    overdueSteps: row.overdue_steps,
    closed: row.closed,
    claimRate: row.cases > 0 ? row.claimed / row.cases : null,
    onTimeRate: row.responded > 0 ? respondedOnTime / row.responded : null,
  };
}

/** One line of the 舆情日志: a case captured that day. Times are epoch ms. */
export interface DailyLogEntry {
  caseId: string;
  capturedAt: number;
  title: string;
  url: string;
  site: string;
  tier: string | null;
  department: string;
  status: string;
  claimedBy: string | null;
}

/**
 * The 舆情日志 of one China day ('YYYY-MM-DD'): cases first captured that
 * day, in capture order. Throws RangeError on a malformed day.
 */
export async function dailyLogSql(db: Kysely<HubSchema>, day: string): Promise<DailyLogEntry[]> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const start = match ? Date.parse(`${day}T00:00:00+08:00`) : Number.NaN;
  if (Number.isNaN(start)) throw new RangeError(`invalid day ${day}: expected YYYY-MM-DD`);
  const rows = await db
    .selectFrom('cases')
    .select(['case_id', 'captured_at', 'title', 'url', 'site', 'tier', 'department', 'claimed_by', 'status'])
    .where('captured_at', '>=', start)
    .where('captured_at', '<', start + 86_400_000)
    .orderBy('captured_at')
    .orderBy('case_id')
    .execute();
  return rows.map((row) => ({
    caseId: row.case_id,
    capturedAt: row.captured_at,
    title: row.title,
    url: row.url,
    site: row.site,
    tier: row.tier,
    department: row.department ?? row.claimed_by ?? UNCLAIMED_DEPARTMENT,
    status: row.status,
    claimedBy: row.claimed_by,
  }));
}

interface OverrideRow {
  dimension: 'tier' | 'category' | 'unrecorded';
  suggestion: string | null;
  case_ids: string[];
  overridden_case_ids: string[];
}

/**
 * The quarter's 研判改判率 from SQL: lib/classify `overrideStats` over the
 * `assessed` events of the cases captured in the quarter (the bulletin's
 * cases, as the console counts them), up to `now`. Each case counts once, by
 * its assessment in force: the last of its `assessed` events in history
 * order — `seq`, then time, then id (code-point order), an event without
 * `seq` placed by its (time, id) rank among the case's unsequenced
 * assessments, as lib/cases `sequenceEvents` numbers them. Case ids in
 * code-point order (COLLATE "C"). Throws RangeError on a bad quarter.
 */
export async function overrideStatsSql(
  db: Kysely<HubSchema>,
  policy: PolicyProfile,
  { quarter, now }: { quarter: QuarterId; now: number },
): Promise<OverrideStats> {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  const result = await sql<OverrideRow>`
    WITH assessments AS (
      SELECT e.case_id, e.id, e.at, (e.body->>'seq')::bigint AS seq, e.body->'payload' AS payload
      FROM events e JOIN cases c ON c.case_id = e.case_id
      WHERE e.type = 'assessed' AND e.at <= ${now}
        AND c.captured_at BETWEEN ${bounds.start} AND ${bounds.end} AND c.policy_id = ${policy.id}
    ),
    placed AS (
      SELECT *, COALESCE(seq, row_number() OVER (PARTITION BY case_id, seq IS NULL ORDER BY at, id COLLATE "C")) AS place
      FROM assessments
    ),
    in_force AS (
      SELECT DISTINCT ON (case_id) case_id, payload, payload->'suggested' AS suggested
      FROM placed
      ORDER BY case_id, place DESC, at DESC, id COLLATE "C" DESC
    ),
    recorded AS (
      SELECT case_id, suggested->>'tier' AS tier, suggested->>'category' AS category,
        suggested->>'tier' <> payload->>'tier' AS tier_changed,
        suggested->>'category' <> payload->>'category' AS category_changed
      FROM in_force WHERE jsonb_typeof(suggested) = 'object'
    )
    SELECT 'tier' AS dimension, tier AS suggestion,
      array_agg(case_id ORDER BY case_id COLLATE "C") AS case_ids,
      COALESCE(array_agg(case_id ORDER BY case_id COLLATE "C") FILTER (WHERE tier_changed), '{}') AS overridden_case_ids
    FROM recorded GROUP BY tier
    UNION ALL
    SELECT 'category', category,
      array_agg(case_id ORDER BY case_id COLLATE "C"),
      COALESCE(array_agg(case_id ORDER BY case_id COLLATE "C") FILTER (WHERE category_changed), '{}')
    FROM recorded GROUP BY category
    UNION ALL
    SELECT 'unrecorded', NULL, array_agg(case_id ORDER BY case_id COLLATE "C"), '{}'
    FROM in_force WHERE jsonb_typeof(suggested) IS DISTINCT FROM 'object'
    HAVING count(*) > 0`.execute(db);

  const stats = emptyOverrideStats();
  for (const row of result.rows) {
    if (row.dimension === 'unrecorded') {
      stats.unrecorded = row.case_ids.length;
      continue;
    }
    const count = overrideCountOf(row.case_ids, row.overridden_case_ids);
    if (row.dimension === 'tier') stats.byTier[row.suggestion as TierId] = count;
    else stats.byCategory[row.suggestion ?? ''] = count;
  }
  return stats;
}
