/**
 * The office's case list read from the hub, a page at a time: conflicts
 * first (the office must assign them), then newest capture, filtered by
 * department (the case's own or its claimer's) and tier, or the cases behind
 * one figure (their ids). A city hub holds far more cases than one page, so
 * every answer says how many match (`total`), the first page also which
 * departments exist, and the console loads the rest page by page.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import { z } from 'zod';
import { TierIdSchema } from '../cases/events';
import type { CasesTable, HubSchema } from './db';

/** Most ids one request may name: a figure's cases are asked for in batches of this size. */
export const MAX_CASE_IDS_PER_QUERY = 100;

/** Query of `GET /v1/cases` (strings from the URL, coerced). */
export const CaseListQuerySchema = z.object({
  department: z.string().min(1).max(100).optional(),
  tier: TierIdSchema.optional(),
  /** Comma-separated case ids (the cases behind a figure), at most MAX_CASE_IDS_PER_QUERY. */
  ids: z
    .string()
    .max(MAX_CASE_IDS_PER_QUERY * 301)
    .transform((value) => value.split(',').filter((id) => id !== ''))
    .pipe(z.array(z.string().max(300)).min(1).max(MAX_CASE_IDS_PER_QUERY))
    .optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/**
 * One page of the list: the rows (each with `conflict`), how many match in
 * all, and on a first page the departments of the whole hub.
 */
export interface CaseListPage {
  cases: (CasesTable & { conflict: boolean })[];
  total: number;
  /** Absent on a later page (`offset` > 0) and on a read by `ids`: the console keeps the list it read with the first page. */
  departments?: string[];
}

/**
 * The page `query` asks for. `total` counts every case matching the filters
 * (not just this page); `departments` are every department named on a case
 * (own or claimer), sorted, for the console's filter — read with a first
 * page only, because it is a scan of every case and a city hub's console
 * asks for many later pages and many figures' cases.
 */
export async function listCasesPage(db: Kysely<HubSchema>, query: CaseListQuery): Promise<CaseListPage> {
  const matching = db.selectFrom('cases').where(({ eb, and }) => {
    const conditions: Expression<SqlBool>[] = [];
    if (query.department) conditions.push(eb.or([eb('department', '=', query.department), eb('claimed_by', '=', query.department)]));
    if (query.tier) conditions.push(eb('tier', '=', query.tier));
    if (query.ids) conditions.push(eb('case_id', 'in', query.ids));
    return and(conditions);
  });
  const firstPage = query.offset === 0 && !query.ids;
  const [cases, count, departments] = await Promise.all([
    matching
      .selectAll('cases')
      .select((eb) =>
        eb
          .exists(eb.selectFrom('conflicts').select('conflicts.id').whereRef('conflicts.case_id', '=', 'cases.case_id').where('conflicts.resolved_at', 'is', null))
          .as('conflict'),
      )
      .orderBy('conflict', 'desc')
      .orderBy('captured_at', 'desc')
      .orderBy('case_id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    matching.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    firstPage ? departmentsOf(db) : undefined,
  ]);
  return {
    cases: cases.map((row) => ({ ...row, conflict: Boolean(row.conflict) })),
    total: Number(count.n),
    ...(departments ? { departments } : {}),
  };
}

/** Every department named on a case, its own or its claimer's, sorted in Chinese order. */
async function departmentsOf(db: Kysely<HubSchema>): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('department as name')
    .where('department', 'is not', null)
    .union(db.selectFrom('cases').select('claimed_by as name').where('claimed_by', 'is not', null))
    .execute();
  return rows.flatMap((row) => (row.name ? [row.name] : [])).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
