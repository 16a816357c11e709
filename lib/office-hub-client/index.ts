/**
 * The office console reading an office hub (lib/hub's HTTP API) with the
 * office's token: who the token is, the hub's cases (conflicts first, with
 * each case's next open deadline), the quarterly bulletin figures computed in
 * SQL (the same `QuarterlyStats` shape the console computes from files) and
 * the imports ledger. Every answer is checked with zod before the page sees
 * it; nothing throws: failures are `Result`s with a Chinese sentence naming
 * what went wrong (unreachable, token refused or revoked, not an office
 * token, an answer of the wrong shape with its JSON path).
 *
 * Extension-side and plain TS over an injected `fetch`: the hub's origin is
 * covered by the extension's `<all_urls>` host permission (no CORS needed).
 */
import { z } from 'zod';
import { OverrideStatsSchema, type OverrideStats } from '../classify/overrides';
import { fail, issuesOf, ok, type Result } from '../messaging/result';
import type { QuarterId, QuarterlyStats } from '../report/quarterly';

/** Where and as whom: the hub's base URL and an office token (`add-officer … --office`). */
export interface HubConnection {
  url: string;
  token: string;
}

const Counts = {
  cases: z.number(),
  claimed: z.number(),
  assigned: z.number(),
  unclaimed: z.number(),
  responded: z.number(),
  respondedOnTime: z.number(),
  respondedLate: z.number(),
  overdueSteps: z.number(),
  closed: z.number(),
  claimRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
};

/** `GET /v1/reports/quarterly`: lib/report's QuarterlyStats. */
export const HubQuarterlySchema = z.object({
  year: z.number(),
  quarter: z.number(),
  start: z.number(),
  end: z.number(),
  policyId: z.string(),
  asOf: z.number(),
  departments: z.array(z.object({ department: z.string(), ...Counts })),
  totals: z.object(Counts),
  rejectedEvents: z.number(),
});

/** One row of `GET /v1/cases`. Times are epoch ms. */
export const HubCaseSchema = z.object({
  case_id: z.string(),
  captured_at: z.number(),
  title: z.string(),
  url: z.string(),
  site: z.string(),
  tier: z.string().nullable(),
  department: z.string().nullable(),
  claimed_by: z.string().nullable(),
  status: z.string(),
  event_count: z.number(),
  conflict: z.boolean(),
  /** The case's projection as the extension makes it (lib/db/projection projectCase): next step, most urgent open deadline. */
  next_step: z.string().nullable().optional(),
  next_deadline_at: z.number().nullable().optional(),
  next_deadline_step: z.string().nullable().optional(),
  provisional: z.boolean().optional(),
  author: z.string().nullable().optional(),
});
export type HubCase = z.infer<typeof HubCaseSchema>;

/** One row of `GET /v1/imports` (the ledger). */
export const HubImportRowSchema = z.object({
  id: z.number(),
  officer: z.string(),
  department: z.string(),
  via: z.string(),
  new: z.number(),
  duplicate: z.number(),
  conflict: z.number(),
  refused: z.number(),
  importedAt: z.number(),
});
export type HubImportRow = z.infer<typeof HubImportRowSchema>;

const OfficerSchema = z.object({ officer: z.object({ name: z.string(), department: z.string(), role: z.string() }) });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A GET on the hub, its answer checked against `schema`. */
async function hubGet<T>(connection: HubConnection, path: string, schema: z.ZodType<T>, doFetch: typeof fetch): Promise<Result<T>> {
  const base = connection.url.trim().replace(/\/+$/, '');
  let response: Response;
  try {
    response = await doFetch(`${base}${path}`, { headers: { authorization: `Bearer ${connection.token.trim()}` }, cache: 'no-store' });
  } catch (error) {
    return fail('unreachable', `无法连接办公室服务器 ${base}（${error instanceof Error ? error.message : String(error)}）。请核对地址，或确认服务器已启动。`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const error = ErrorSchema.safeParse(body);
  if (response.status === 401) {
    return error.success && error.data.error.code === 'token-revoked'
      ? fail('token-revoked', '办公室服务器拒绝了此令牌（401）：它已被吊销。')
      : fail('token-unknown', '办公室服务器不认识此令牌（401），请核对。');
  }
  if (response.status === 403) return fail('office-only', '此令牌是干部令牌，不能查看全办公室的案件和通报：请使用办公室令牌（add-officer … --office）。');
  if (!response.ok) return fail('hub-error', `办公室服务器出错（HTTP ${String(response.status)}）：${error.success ? error.data.error.message : ''}`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return fail('invalid-input', `办公室服务器 ${path} 的回答格式不对：${issues.map((i) => `${i.path}: ${i.message}`).slice(0, 5).join('；')}`, issues);
  }
  return ok(parsed.data);
}

/** Who the token is (`GET /v1/whoami`). */
export function hubWhoAmI(connection: HubConnection, doFetch: typeof fetch = fetch): Promise<Result<z.infer<typeof OfficerSchema>['officer']>> {
  return hubGet(connection, '/v1/whoami', OfficerSchema, doFetch).then((r) => (r.ok ? ok(r.data.officer) : r));
}

/** Which cases to read from `GET /v1/cases` (lib/hub/case-list.ts); all optional. */
export interface HubCasesQuery {
  department?: string;
  tier?: string;
  /** The cases behind one figure, at most HUB_CASE_IDS_PER_QUERY ids. */
  ids?: readonly string[];
  /** Rows per page (default 500, at most 5,000). */
  limit?: number;
  /** Rows to skip (the ones already shown). */
  offset?: number;
}

/** The hub's limit on ids in one query (lib/hub MAX_CASE_IDS_PER_QUERY). */
export const HUB_CASE_IDS_PER_QUERY = 100;

/** One page of the hub's cases, with how many match in all and (with a first page) the hub's departments. */
export interface HubCasePage {
  cases: HubCase[];
  total: number;
  /** Sent with a first page only (lib/hub/case-list.ts): keep the first page's list while reading the next ones. */
  departments?: string[];
}

const HubCasePageSchema = z.object({
  cases: z.array(HubCaseSchema),
  // A hub older than paging answers the cases only: the page is then all there is.
  total: z.number().int().min(0).optional(),
  departments: z.array(z.string()).optional(),
});

/**
 * A page of the hub's cases, conflicts first then newest capture
 * (`GET /v1/cases`), filtered by department (own or claimer) and tier, or
 * the cases of `ids`.
 */
export function hubCases(connection: HubConnection, query: HubCasesQuery = {}, doFetch: typeof fetch = fetch): Promise<Result<HubCasePage>> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 500), offset: String(query.offset ?? 0) });
  if (query.department) params.set('department', query.department);
  if (query.tier) params.set('tier', query.tier);
  if (query.ids) params.set('ids', query.ids.join(','));
  return hubGet(connection, `/v1/cases?${params.toString()}`, HubCasePageSchema, doFetch).then((r) => {
    if (!r.ok) return r;
    const { cases, total, departments } = r.data;
    if (total !== undefined) return ok({ cases, total, ...(departments ? { departments } : {}) });
    // A hub older than paging: its one answer is every case, so their departments are all there are.
    const named = cases.flatMap((c) => [c.department, c.claimed_by]).filter((d): d is string => Boolean(d));
    return ok({ cases, total: cases.length, departments: [...new Set(named)].sort() });
  });
}

/**
 * The cases of `ids` (e.g. the cases behind one figure of the override
 * table), however many, asked for in batches the hub accepts.
 */
export async function hubCasesByIds(connection: HubConnection, ids: readonly string[], doFetch: typeof fetch = fetch): Promise<Result<HubCase[]>> {
  const found: HubCase[] = [];
  for (let at = 0; at < ids.length; at += HUB_CASE_IDS_PER_QUERY) {
    const batch = ids.slice(at, at + HUB_CASE_IDS_PER_QUERY);
    const page = await hubCases(connection, { ids: batch, limit: batch.length }, doFetch);
    if (!page.ok) return page;
    found.push(...page.data.cases);
  }
  return ok(found);
}

/** The quarter's bulletin figures as the hub computes them in SQL. */
export function hubQuarterly(connection: HubConnection, quarter: QuarterId, doFetch: typeof fetch = fetch): Promise<Result<QuarterlyStats>> {
  return hubGet(connection, `/v1/reports/quarterly?year=${String(quarter.year)}&quarter=${String(quarter.quarter)}`, HubQuarterlySchema, doFetch) as Promise<
    Result<QuarterlyStats>
  >;
}

/** The quarter's 研判改判率 as the hub computes it in SQL (the cases captured in the quarter; `GET /v1/reports/override-rates`). */
export function hubOverrideRates(connection: HubConnection, quarter: QuarterId, doFetch: typeof fetch = fetch): Promise<Result<OverrideStats>> {
  return hubGet(connection, `/v1/reports/override-rates?year=${String(quarter.year)}&quarter=${String(quarter.quarter)}`, OverrideStatsSchema, doFetch);
}

/** The imports ledger, newest first. */
export function hubImports(connection: HubConnection, doFetch: typeof fetch = fetch): Promise<Result<HubImportRow[]>> {
  return hubGet(connection, '/v1/imports', z.object({ imports: z.array(HubImportRowSchema) }), doFetch).then((r) => (r.ok ? ok(r.data.imports) : r));
}
