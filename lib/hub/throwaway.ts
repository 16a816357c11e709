/**
 * A throwaway hub for the e2e tests and the demo: embedded PostgreSQL
 * (PGlite) in memory, the real server factory, listening on 127.0.0.1 at a
 * random port. Everything is gone when it closes.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { getBuiltInProfile } from '../policy';
import { openHubDatabase, type HubDatabase } from './db';
import { addOfficer, revokeOfficer, type OfficerRole } from './officers';
import { createHubServer } from './server';

/** A running throwaway hub. */
export interface ThrowawayHub {
  /** `http://127.0.0.1:<port>` */
  url: string;
  hub: HubDatabase;
  server: FastifyInstance;
  /** Issues a token (as `npm run office -- add-officer`). */
  addOfficer(name: string, department: string, role?: OfficerRole): Promise<{ id: number; token: string }>;
  revoke(id: number): Promise<boolean>;
  /** Rows per table: `events`, `imports`, `cases`. */
  counts(): Promise<{ events: number; imports: number; cases: number }>;
  close(): Promise<void>;
}

/** Starts a hub in memory on 127.0.0.1 (port 0 = any free one). `onPush` sees every pushed body (tests replay one). */
export async function startThrowawayHub(options: { port?: number; onPush?: (token: string, body: string) => void } = {}): Promise<ThrowawayHub> {
  const hub = await openHubDatabase({ memory: true });
  const server = createHubServer({ hub, policy: getBuiltInProfile('xuancheng-2015')! });
  const { onPush } = options;
  if (onPush) {
    server.addHook('preHandler', async (request) => {
      if (request.method === 'POST' && typeof request.body === 'string') {
        onPush((request.headers.authorization ?? '').replace(/^Bearer /, ''), request.body);
      }
    });
  }
  const url = await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url,
    hub,
    server,
    addOfficer: async (name, department, role = 'officer') => {
      const { officer, token } = await addOfficer(hub.db, name, department, Date.now(), role);
      return { id: officer.id, token };
    },
    revoke: (id) => revokeOfficer(hub.db, id, Date.now()),
    counts: async () => {
      const { rows } = await sql<{ events: number; imports: number; cases: number }>`
        SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM imports) AS imports,
               (SELECT count(*)::int FROM cases) AS cases`.execute(hub.db);
      return rows[0]!;
    },
    close: async () => {
      await server.close();
      await hub.close();
    },
  };
}
