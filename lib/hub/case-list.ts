/**
 * The office's case list read from the hub, a page at a time: conflicts
 * first (the office must assign them), then newest capture, filtered by
 * department (the case's own or its claimer's) and tier, or the cases behind
 * one figure (their ids). A city hub holds far more cases than one page, so
 * every answer says how many match (`total`) and which departments exist, and
 * the console loads the rest page by page.
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

/** One page of the list: the rows (each with `conflict`), how many match in all, the departments of the whole hub. */
export interface CaseListPage {
  cases: (CasesTable & { conflict: boolean })[];
  total: number;
  departments: string[];
}

/**
 * The page `query` asks for. `total` counts every case matching the filters
 * (not just this page); `departments` are every department named on a case
 * (own or claimer), sorted, for the console's filter.
 */
export async function listCasesPage(db: Kysely<HubSchema>, query: CaseListQuery): Promise<CaseListPage> {
  const matching = db.selectFrom('cases').where(({ eb, and }) => {
    const conditions: Expression<SqlBool>[] = [];
    if (query.department) conditions.push(eb.or([eb('department', '=', query.department), eb('claimed_by', '=', query.department)]));
    if (query.tier) conditions.push(eb('tier', '=', query.tier));
    if (query.ids) conditions.push(eb('case_id', 'in', query.ids));
    return and(conditions);
  });
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
    db
      .selectFrom('cases')
      .select('department as name')
      .where('department', 'is not', null)
      .union(db.selectFrom('cases').select('claimed_by as name').where('claimed_by', 'is not', null))
      .execute(),
  ]);
  return {
    cases: cases.map((row) => ({ ...row, conflict: Boolean(row.conflict) })),
    total: Number(count.n),
    departments: departments.flatMap((row) => (row.name ? [row.name] : [])).sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}
