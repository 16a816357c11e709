/**
 * Writes tests/fixtures/sync/*.json: two officers' exports made by the
 * extension's own export code from desks recorded through its own
 * repositories (tests/fixtures/sync/officers.ts), unencrypted, with an
 * overlapping case. Run: `npx tsx scripts/make-sync-fixtures.ts`.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { AppDB } from '../lib/db/app-db';
import { exportSyncFile } from '../lib/sync/export';
import { cst, recordLiMing, recordWangFang } from '../tests/fixtures/sync/officers';

async function write(name: string, record: (db: AppDB) => Promise<void>, at: string): Promise<void> {
  const db = new AppDB(`fixture-${name}`);
  await record(db);
  const exported = await exportSyncFile(db, { scope: 'all', now: cst(at) });
  if (!exported.ok) throw new Error(exported.error.message);
  const path = `tests/fixtures/sync/${name}.json`;
  writeFileSync(path, `${JSON.stringify(exported.data.file, null, 2)}\n`);
  console.log(`${path}: ${exported.data.cases} cases, ${exported.data.events} events`);
  db.close();
}

await write('officer-li-ming-zhujian', recordLiMing, '2024-08-05 17:30');
await write('officer-wang-fang-binjiang', recordWangFang, '2024-08-05 18:00');
