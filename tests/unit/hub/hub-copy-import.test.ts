// @vitest-environment node
/**
 * The hub's bulk path (new cases: COPY straight into the tables; known ones:
 * COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING) stores
 * exactly what the array path stores: the same events, cases, deadlines,
 * ledger counts and conflicts, including a file that repeats known events,
 * one that reuses an id with other content, and one whose new case reuses a
 * stored id (the straight COPY meets the stored id and the file is imported
 * again the careful way, under the same ledger number). A file of new cases
 * sends its COPYs, ledger row and COMMIT in one message: the ledger row is
 * the one the parameterised insert writes, and the same file pushed twice at
 * once is still stored once and refused once. A folder of files
 * imported in order while the next ones are read and checked in worker
 * threads (importSyncFiles) stores the same as one file after the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { HubDatabase } from '../../../lib/hub/db';
import { importSyncFile, importSyncFiles, type ImportResult } from '../../../lib/hub/import';
import { startSyncFilePreparer } from '../../../lib/hub/preparer';
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

/** The two officers' files, 李四's again with known events and a reused id, and a new thread reusing a stored id. */
function trickyFiles(): string[] {
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
  return [lisi, wangwu, again, reused].map((file) => JSON.stringify(file));
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
    const texts = trickyFiles();
    const first = twoOfficersFiles().lisi.events[0]!;
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

  it('writes the same ledger row when it goes with the COPYs in one message, whatever quotes or backslashes the names hold', async () => {
    const { lisi } = twoOfficersFiles();
    const officer = { officer: "O'Brien \\' 李四 \\n", department: `${lisi.officer.department}\\'s "desk"` };
    const events = lisi.events.map((e) => ({ ...e, id: `quoted-${e.id}`, caseId: `quoted-${e.caseId}`, actor: { ...e.actor, ...officer } }));
    const text = JSON.stringify(makeInterimSyncFile({ officer, range: lisi.range, exportedAt: lisi.exportedAt, events, evidence: [] }));
    const a = await importSyncFile(plain.db, text, { via: 'push' }, { policy, now: NOW });
    const b = await importSyncFile(copied.db, text, { via: 'push' }, { policy, now: NOW, copyCsv: copied.copyCsv });
    expect(b).toEqual(a);
    expect(b.ok && b.record).toMatchObject({ officer: officer.officer, department: officer.department, new: events.length });
    const ledger = (hub: HubDatabase) =>
      sql`SELECT raw_digest, file_digest, officer_id, officer, department, via, imported_at, events_new, events_duplicate, events_conflict, events_refused
        FROM imports WHERE officer = ${officer.officer}`.execute(hub.db).then((result) => result.rows);
    const stored = await ledger(copied);
    expect(stored).toHaveLength(1);
    expect(stored).toEqual(await ledger(plain));
  });

  it('stores a file pushed twice at once only once, and refuses the other push as already imported', async () => {
    const { wangwu } = twoOfficersFiles();
    const events = wangwu.events.map((e) => ({ ...e, id: `twice-${e.id}`, caseId: `twice-${e.caseId}` }));
    const text = JSON.stringify(makeInterimSyncFile({ ...wangwu, events }));
    const results = await Promise.all([1, 2].map(() => importSyncFile(copied.db, text, { via: 'folder' }, { policy, now: NOW, copyCsv: copied.copyCsv })));
    expect(results.map((r) => (r.ok ? 'stored' : r.refusal.code)).sort()).toEqual(['already-imported', 'stored']);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE id LIKE 'twice-%'`.execute(copied.db);
    expect(rows[0]!.n).toBe(events.length);
    const ledger = await sql<{ n: number }>`SELECT count(*)::int AS n FROM imports WHERE file_digest = ${JSON.parse(text).digest}`.execute(copied.db);
    expect(ledger.rows[0]!.n).toBe(1);
  });

  it('stores a folder of files, read and checked in worker threads meanwhile, as one file after the other', async () => {
    const [pipelined, oneByOne] = await Promise.all([openTestHub(engine), openTestHub(engine)]);
    const preparer = startSyncFilePreparer(policy, { workers: 1 });
    try {
      const tricky = trickyFiles();
      // The same file twice in one folder, and a damaged file between good ones.
      const damaged = tricky[1]!.replace('"digest":"', '"digest":"0');
      const texts = [tricky[0]!, damaged, tricky[1]!, tricky[0]!, tricky[2]!, tricky[3]!];
      const expected: ImportResult[] = [];
      for (const text of texts) expected.push(await importSyncFile(oneByOne.db, text, { via: 'folder' }, { policy, now: NOW, copyCsv: oneByOne.copyCsv }));
      const results: ImportResult[] = [];
      for await (const result of importSyncFiles(pipelined.db, texts, { via: 'folder' }, { policy, now: () => NOW, copyCsv: pipelined.copyCsv, preparer })) {
        results.push(result);
      }
      expect(results.map((r) => (r.ok ? 'stored' : r.refusal.code))).toEqual(['stored', 'invalid', 'stored', 'already-imported', 'stored', 'stored']);
      expect(results).toEqual(expected);
      expect(await contents(pipelined)).toEqual(await contents(oneByOne));
    } finally {
      await preparer.close();
      await pipelined.close();
      await oneByOne.close();
    }
  }, 120_000);
});
