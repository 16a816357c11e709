// @vitest-environment node
/**
 * The hub's bulk path (new cases: COPY straight into the tables; known ones:
 * COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING) stores
 * exactly what the array path stores: the same events, cases, deadlines,
 * ledger counts and conflicts, including a file that repeats known events,
 * one that reuses an id with other content, and one whose new case reuses a
 * stored id (the straight COPY meets the stored id and the file is imported
 * again the careful way, under the same ledger number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { HubDatabase } from '../../../lib/hub/db';
import { importSyncFile } from '../../../lib/hub/import';
import { makeInterimSyncFile } from '../../../lib/hub/interim-sync-file';
import { getBuiltInProfile } from '../../../lib/policy';
import { cst } from '../report/log';
import { HUB_ENGINES, openTestHub, twoOfficersFiles } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const NOW = cst('2027-01-02 10:00');

async function contents(hub: HubDatabase) {
  const q = async (query: ReturnType<typeof sql>) => (await query.execute(hub.db)).rows;
  return {
    events: await q(sql`SELECT id, case_id, type, at, officer, department, content_digest, body, import_id FROM events ORDER BY id`),
    cases: await q(sql`SELECT * FROM cases ORDER BY case_id`),
    deadlines: await q(sql`SELECT * FROM case_deadlines ORDER BY case_id, rule_id`),
    imports: await q(sql`SELECT file_digest, events_new, events_duplicate, events_conflict, events_refused FROM imports ORDER BY id`),
    conflicts: await q(sql`SELECT kind, case_id, event_id, incoming_digest FROM conflicts ORDER BY id`),
  };
}

describe.each(HUB_ENGINES)('the hub’s COPY import on %s', (engine) => {
  let plain: HubDatabase;
  let copied: HubDatabase;
  beforeAll(async () => {
    [plain, copied] = await Promise.all([openTestHub('pglite'), openTestHub(engine)]);
  }, 120_000);
  afterAll(async () => {
    await plain.close();
    await copied.close();
  });

  it('stores the same rows and counts as the array insert', async () => {
    const { lisi, wangwu } = twoOfficersFiles();
    // Known events again, and one id reused with other content.
    const first = lisi.events[0]!;
    const again = makeInterimSyncFile({
      officer: { officer: '李四', department: lisi.events[0]!.actor.department },
      range: { from: NOW - 86_400_000 * 200, to: NOW },
      exportedAt: NOW,
      events: [...lisi.events.slice(0, 3), { ...first, id: lisi.events[1]!.id }],
      evidence: [],
    });
    // A thread nobody has filed yet, whose capture reuses the id of 李四's stored capture.
    const newThread = { ...first, caseId: 'c-new-thread', at: first.at + 60_000 };
    const reused = makeInterimSyncFile({
      officer: { officer: '李四', department: first.actor.department },
      range: { from: NOW - 86_400_000 * 200, to: NOW },
      exportedAt: NOW + 1,
      events: [newThread, { ...lisi.events[1]!, id: 'c-new-thread-claim', caseId: 'c-new-thread', at: first.at + 120_000 }],
      evidence: [],
    });
    const texts = [lisi, wangwu, again, reused].map((file) => JSON.stringify(file));
    for (const text of texts) {
      const a = await importSyncFile(plain.db, text, { via: 'folder' }, { policy, now: NOW });
      const b = await importSyncFile(copied.db, text, { via: 'folder' }, { policy, now: NOW, copyCsv: copied.copyCsv! });
      expect(b).toEqual(a);
    }
    const stored = await contents(copied);
    expect(stored).toEqual(await contents(plain));
    // The last file: its claim stored, its capture kept aside; ledger numbers without a gap.
    expect(stored.imports.at(-1)).toMatchObject({ events_new: 0, events_conflict: 1, events_refused: 1 });
    expect(stored.conflicts.at(-1)).toMatchObject({ kind: 'same-id-other-content', case_id: 'c-new-thread', event_id: first.id });
    const ledger = await sql<{ id: number }>`SELECT id FROM imports ORDER BY id`.execute(copied.db);
    expect(ledger.rows.map((row) => row.id)).toEqual([1, 2, 3, 4]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(copied.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
