/**
 * `npm run office`: the office hub for a city or a province.
 *
 *   npm run office                          serve on 127.0.0.1:8787 (embedded PostgreSQL in ./office-data)
 *   npm run office -- import DIR            import every *.json sync file in DIR (files carried by hand)
 *   npm run office -- add-officer NAME DEPT [--office]   issue a token (printed once, stored hashed)
 *   npm run office -- revoke ID             revoke an officer's token
 *   npm run office -- officers              list officers and whether their token is revoked
 *   npm run office -- ledger                the imports ledger, newest first
 *   npm run office -- publish-package FILE  the office's signed package officers pull
 *
 * Environment: DATABASE_URL=postgres://… (a real PostgreSQL instead of the
 * embedded one), HUB_DATA_DIR (embedded data folder), HUB_HOST / HUB_PORT
 * (listen address; 127.0.0.1 unless configured), HUB_POLICY (policy profile
 * id, default xuancheng-2015), HUB_BODY_LIMIT (bytes), HUB_TLS_CERT /
 * HUB_TLS_KEY (PEM files to serve HTTPS directly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openHubDatabase, type HubDatabase } from '../lib/hub/db';
import { importSyncFiles, listImports } from '../lib/hub/import';
import { startSyncFilePreparer } from '../lib/hub/preparer';
import { addOfficer, listOfficers, revokeOfficer } from '../lib/hub/officers';
import { createHubServer, DEFAULT_BODY_LIMIT } from '../lib/hub/server';
import { rebuildAllCases } from '../lib/hub/projection';
import { getBuiltInProfile } from '../lib/policy';

const [command = 'serve', ...rest] = process.argv.slice(2);
const env = process.env;

const policy = getBuiltInProfile(env.HUB_POLICY ?? 'xuancheng-2015');
if (!policy) {
  console.error(`unknown policy profile ${env.HUB_POLICY ?? ''}: use one of the built-in ids (e.g. xuancheng-2015)`);
  process.exit(2);
}

async function open(): Promise<HubDatabase> {
  if (env.DATABASE_URL) return openHubDatabase({ url: env.DATABASE_URL });
  return openHubDatabase({ dataDir: resolve(env.HUB_DATA_DIR ?? 'office-data') });
}

function where(): string {
  return env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${resolve(env.HUB_DATA_DIR ?? 'office-data')}`;
}

async function main(): Promise<number> {
  const hub = await open();
  try {
    switch (command) {
      case 'serve':
        return await serve(hub);
      case 'import':
        return await importFolder(hub, rest[0]);
      case 'add-officer': {
        const office = rest.includes('--office');
        const [name, department] = rest.filter((arg) => arg !== '--office');
        if (!name || !department) return usage('add-officer NAME DEPT [--office]');
        const { officer, token } = await addOfficer(hub.db, name, department, Date.now(), office ? 'office' : 'officer');
        console.log(`officer #${String(officer.id)} ${officer.name} (${officer.department}, ${officer.role})`);
        console.log(`token (shown once, only its hash is kept): ${token}`);
        return 0;
      }
      case 'revoke': {
        const id = Number(rest[0]);
        if (!Number.isInteger(id)) return usage('revoke ID');
        const revoked = await revokeOfficer(hub.db, id, Date.now());
        console.log(revoked ? `token of officer #${String(id)} revoked` : `no active officer #${String(id)}`);
        return revoked ? 0 : 1;
      }
      case 'officers':
        for (const o of await listOfficers(hub.db)) {
          console.log(`#${String(o.id)}\t${o.name}\t${o.department}\t${o.role}\t${o.revokedAt ? `revoked ${new Date(o.revokedAt).toISOString()}` : 'active'}`);
        }
        return 0;
      case 'ledger':
        for (const r of await listImports(hub.db)) {
          console.log(
            `#${String(r.id)}\t${new Date(r.importedAt).toISOString()}\t${r.officer}\t${r.department}\t${r.via}\t` +
              `new ${String(r.new)} · duplicate ${String(r.duplicate)} · conflict ${String(r.conflict)} · refused ${String(r.refused)}\t${r.fileDigest}`,
          );
        }
        return 0;
      case 'publish-package': {
        if (!rest[0]) return usage('publish-package FILE');
        const body: unknown = JSON.parse(readFileSync(rest[0], 'utf8'));
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the package must be a JSON object');
        await hub.db.insertInto('packages').values({ body: sql`CAST(${JSON.stringify(body)} AS jsonb)`, published_at: Date.now() }).execute();
        console.log('package published: officers get it at GET /v1/package');
        return 0;
      }
      default:
        return usage('serve | import DIR | add-officer NAME DEPT [--office] | revoke ID | officers | ledger | publish-package FILE');
    }
  } finally {
    if (command !== 'serve') await hub.close();
  }
}

function usage(text: string): number {
  console.error(`usage: npm run office -- ${text}`);
  return 2;
}

async function serve(hub: HubDatabase): Promise<number> {
  const rebuilt = await rebuildAllCases(hub.db, policy!);
  if (rebuilt > 0) console.log(`policy is now ${policy!.id}: ${String(rebuilt)} cases re-projected`);
  const cert = env.HUB_TLS_CERT;
  const key = env.HUB_TLS_KEY;
  // Pushed files are read and checked in worker threads: the server keeps answering meanwhile.
  const preparer = startSyncFilePreparer(policy!);
  const app = createHubServer({
    hub,
    policy: policy!,
    preparer,
    bodyLimit: env.HUB_BODY_LIMIT ? Number(env.HUB_BODY_LIMIT) : DEFAULT_BODY_LIMIT,
    logger: true,
    ...(cert && key ? { https: { cert: readFileSync(cert), key: readFileSync(key) } } : {}),
  });
  const host = env.HUB_HOST ?? '127.0.0.1';
  const port = Number(env.HUB_PORT ?? 8787);
  await app.listen({ host, port });
  console.log(`office hub on ${cert && key ? 'https' : 'http'}://${host}:${String(port)} · ${where()} · policy ${policy!.id}`);
  const stop = () => {
    void app.close().then(() => preparer.close()).then(() => hub.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

async function importFolder(hub: HubDatabase, dir: string | undefined): Promise<number> {
  if (!dir) return usage('import DIR');
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) {
    console.error(`no *.json sync files in ${dir}`);
    return 1;
  }
  let refused = 0;
  // Each file its own transaction, in name order; the next files are read and checked in worker threads meanwhile.
  const preparer = startSyncFilePreparer(policy!);
  try {
    const texts = (function* () {
      for (const name of files) yield readFileSync(join(dir, name), 'utf8');
    })();
    let index = 0;
    for await (const result of importSyncFiles(hub.db, texts, { via: 'folder' }, { policy: policy!, now: Date.now, copyCsv: hub.copyCsv, preparer })) {
      const name = files[index++]!;
      if (result.ok) {
        const r = result.record;
        console.log(`${name}: ${r.officer} (${r.department}) — new ${String(r.new)}, duplicate ${String(r.duplicate)}, conflict ${String(r.conflict)}, refused ${String(r.refused)}`);
      } else {
        // A file carried in twice is no failure: the ledger already has it.
        if (result.refusal.code !== 'already-imported') refused += 1;
        console.log(`${name}: refused — ${result.refusal.message}`);
        if (result.refusal.code === 'invalid') for (const e of result.refusal.errors.slice(0, 20)) console.log(`    ${e.path}: ${e.message}`);
      }
    }
  } finally {
    await preparer.close();
  }
  console.log(`${String(files.length)} files read, ${String(refused)} refused, into ${where()}`);
  return refused > 0 ? 1 : 0;
}

process.exitCode = await main();
