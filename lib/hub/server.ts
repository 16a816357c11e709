/**
 * The hub's HTTP API (Fastify). Every route needs a bearer token; bodies
 * and queries are validated with zod (the sync file with the same schemas
 * as the extension's claim log). Errors are one JSON shape:
 * `{ error: { code, message, errors?: { path, message }[] } }`.
 *
 * | route | who | does |
 * |---|---|---|
 * | POST /v1/sync-files | officer, office | import a pushed sync file (201, or 409 replay, 422 invalid, 403 another's file) |
 * | GET /v1/whoami | any | the token's officer |
 * | GET /v1/package | any | the office's current signed package (404 before one is published) |
 * | GET /v1/reports/quarterly?year&quarter | office | the bulletin figures in SQL |
 * | GET /v1/reports/daily-log?day | office | 舆情日志 of a China day |
 * | GET /v1/reports/override-rates?year&quarter | office | 研判改判率 of the quarter's cases in SQL (lib/classify OverrideStats) |
 * | GET /v1/cases?department&tier&ids&limit&offset | office | a page of cases, conflicts first, newest capture first, each with its next step and most urgent deadline (as the console's projection); with `total` matching and, on a first page, the hub's `departments` (lib/hub/case-list.ts) |
 * | GET /v1/imports | office | the imports ledger |
 * | GET /v1/conflicts | office | conflicts kept for 指定认领 |
 *
 * Listening address is the caller's choice; scripts/office.ts binds
 * 127.0.0.1 unless told otherwise. TLS is the reverse proxy's (README).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PolicyProfile } from '../policy/schema';
import type { HubDatabase } from './db';
import { importSyncFile, listImports } from './import';
import type { SyncFilePreparer } from './preparer';
import { authenticateToken, type Officer } from './officers';
import { OverrideStatsSchema } from '../classify/overrides';
import { dailyLogSql, overrideStatsSql, quarterlyStatsSql } from './reports';
import { CaseListQuerySchema, listCasesPage } from './case-list';

/** Default limit on a request body: 32 MiB, a quarter's file of a busy officer with evidence text. */
export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;

/** Options for {@link createHubServer}. */
export interface HubServerOptions {
  hub: HubDatabase;
  policy: PolicyProfile;
  /** Bytes; a larger body is refused with 413 before it is read. */
  bodyLimit?: number;
  /** Clock (epoch ms), injected for tests. */
  now?: () => number;
  /** Fastify's request log (off in tests). */
  logger?: boolean;
  /** A given certificate and key (PEM) to serve HTTPS directly, without a reverse proxy. */
  https?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Worker threads that read and check pushed files (lib/hub/preparer.ts),
   * so a push being checked never holds up other requests; absent: in this thread.
   */
  preparer?: SyncFilePreparer;
}

declare module 'fastify' {
  interface FastifyRequest {
    officer?: Officer;
  }
}

/** Error reply shape shared by every route. */
function fail(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  errors?: { path: string; message: string }[],
): FastifyReply {
  return reply.code(status).send({ error: { code, message, ...(errors ? { errors } : {}) } });
}

const QuarterQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2200),
  quarter: z.coerce.number().int().min(1).max(4),
});
const DayQuery = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD (China date)') });

function parseQuery<T>(schema: z.ZodType<T>, request: FastifyRequest, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(request.query);
  if (parsed.success) return parsed.data;
  void fail(
    reply,
    400,
    'bad-query',
    'the query string is invalid',
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(query)', message: issue.message })),
  );
  return undefined;
}

/** Builds the hub's Fastify app (not listening: call `listen`, or `inject` in tests). */
export function createHubServer({
  hub,
  policy,
  bodyLimit = DEFAULT_BODY_LIMIT,
  now = Date.now,
  logger = false,
  https,
  preparer,
}: HubServerOptions): FastifyInstance {
  const app = (https ? Fastify({ logger, bodyLimit, https }) : Fastify({ logger, bodyLimit })) as unknown as FastifyInstance;
  const { db } = hub;

  // The sync file's digest is over its bytes: keep the body as text and parse it ourselves.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return fail(reply, 413, 'body-too-large', `the request body is over the hub's limit of ${String(bodyLimit)} bytes`);
    }
    if (error.statusCode && error.statusCode < 500) return fail(reply, error.statusCode, error.code ?? 'bad-request', error.message);
    request.log.error(error);
    return fail(reply, 500, 'internal', 'the hub failed; nothing was changed (the transaction was rolled back)');
  });

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const result = await authenticateToken(db, token);
    if (!result.ok) {
      const messages = {
        missing: 'no token: send "Authorization: Bearer <token>" (the office issues tokens with `npm run office -- add-officer`)',
        unknown: 'unknown token',
        revoked: 'this token was revoked by the office',
      } as const;
      return fail(reply, 401, `token-${result.reason}`, messages[result.reason]);
    }
    request.officer = result.officer;
  });

  function officeOnly(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.officer?.role === 'office') return true;
    void fail(reply, 403, 'office-only', "only the office's token may read the whole office's cases and reports");
    return false;
  }

  app.get('/v1/whoami', (request) => ({ officer: request.officer }));

  app.post('/v1/sync-files', async (request, reply) => {
    if (typeof request.body !== 'string' || request.body.length === 0) {
      return fail(reply, 415, 'not-json', 'send the sync file as the body with Content-Type: application/json');
    }
    const result = await importSyncFile(
      db,
      request.body,
      { via: 'push', ...(request.officer ? { officer: request.officer } : {}) },
      { policy, now: now(), ...(hub.copyCsv ? { copyCsv: hub.copyCsv } : {}), ...(preparer ? { preparer } : {}) },
    );
    if (result.ok) return reply.code(201).send({ import: result.record });
    const { refusal } = result;
    if (refusal.code === 'already-imported') return fail(reply, 409, refusal.code, refusal.message);
    if (refusal.code === 'wrong-sender') return fail(reply, 403, refusal.code, refusal.message);
    return fail(reply, 422, refusal.code, refusal.message, refusal.errors);
  });

  app.get('/v1/package', async (_request, reply) => {
    const row = await db.selectFrom('packages').select(['body', 'published_at']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row) return fail(reply, 404, 'no-package', 'the office has not published a package yet');
    return reply.header('x-published-at', String(row.published_at)).send(row.body);
  });

  app.get('/v1/reports/quarterly', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    const query = parseQuery(QuarterQuery, request, reply);
    if (!query) return reply;
    return quarterlyStatsSql(db, policy, { quarter: { year: query.year, quarter: query.quarter as 1 | 2 | 3 | 4 }, now: now() });
  });

  app.get('/v1/reports/override-rates', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    const query = parseQuery(QuarterQuery, request, reply);
    if (!query) return reply;
    const stats = await overrideStatsSql(db, policy, { quarter: { year: query.year, quarter: query.quarter as 1 | 2 | 3 | 4 }, now: now() });
    // The same schema the console checks the answer with: a wrong shape fails here (500), not on every console.
    return OverrideStatsSchema.parse(stats);
  });

  app.get('/v1/reports/daily-log', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    const query = parseQuery(DayQuery, request, reply);
    if (!query) return reply;
    return { day: query.day, cases: await dailyLogSql(db, query.day) };
  });

  app.get('/v1/cases', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    const query = parseQuery(CaseListQuerySchema, request, reply);
    if (!query) return reply;
    return listCasesPage(db, query);
  });

  app.get('/v1/imports', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    return { imports: await listImports(db) };
  });

  app.get('/v1/conflicts', async (request, reply) => {
    if (!officeOnly(request, reply)) return reply;
    const conflicts = await db
      .selectFrom('conflicts')
      .select(['id', 'kind', 'case_id', 'event_id', 'detail', 'import_id'])
      .where('resolved_at', 'is', null)
      .orderBy('id')
      .execute();
    return { conflicts };
  });

  return app;
}
