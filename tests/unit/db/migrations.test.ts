import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { LATEST_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from '../../../lib/db/schema';
import { projectAll } from '../../../lib/db/repos/cases';
import { loadProjectionContext } from '../../../lib/db/repos/projection-context';
import { storedParts } from '../../../lib/db/repos/case-store';
import { toCaseEvent } from '../../../lib/db/entities/event-row';
import { expectFiguresByDayMatch } from './helpers';

/** Every schema version in order; index = version - 1. A new version must be added here and get a fixture. */
const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7];
const FIXTURES = resolve(__dirname, '../../fixtures/db');

interface MigrationFixture {
  from: number;
  to: number;
  upgradedAt: number;
  before: Record<string, Record<string, unknown>[]>;
  after: Record<string, Record<string, unknown>[]>;
}

function fixturePath(to: number): string {
  return resolve(FIXTURES, `v${to - 1}-to-v${to}.json`);
}

/** Writes `tables` with the schema of `version` only, as a browser that ran that version would have them. */
async function storeWithVersion(name: string, version: number, tables: MigrationFixture['before']): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SCHEMAS[v - 1]!);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

const byKey = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => String(a.id ?? a.caseId ?? a.key ?? a.day).localeCompare(String(b.id ?? b.caseId ?? b.key ?? b.day)));

let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('database upgrades', () => {
  it('has one schema per version, up to the latest', () => {
    expect(SCHEMAS).toHaveLength(LATEST_VERSION);
    expect(new AppDB('schema-probe').verno).toBe(LATEST_VERSION);
  });

  it.each(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 2))(
    'upgrades a stored version %i-1 database to version %i, every record checked',
    async (to) => {
      // A missing fixture is a failure, never a skip.
      expect(existsSync(fixturePath(to)), `missing fixture ${fixturePath(to)}`).toBe(true);
      const fixture = JSON.parse(readFileSync(fixturePath(to), 'utf8')) as MigrationFixture;
      expect(fixture).toMatchObject({ from: to - 1, to });

      const name = `migration-${to}-${crypto.randomUUID()}`;
      await storeWithVersion(name, to - 1, fixture.before);
      // Only this step's upgrade runs: later versions are checked by their own fixtures.
      db = new AppDB(name, { now: () => fixture.upgradedAt, upToVersion: to });
      await db.open();
      expect(db.verno).toBe(to);

      for (const [table, expected] of Object.entries(fixture.after)) {
        expect(byKey(await db.table(table).toArray()), `table ${table}`).toEqual(byKey(expected));
      }
      expect(Object.keys(fixture.after).sort()).toEqual(db.tables.map((t) => t.name).sort());
    },
  );

  it.each([2, 3, 4, 5, 6, 7])('after upgrading to the latest version from version %i-1, the stored projection (case rows and their bulletin figures) equals the projection rebuilt from the events', async (to) => {
    const fixture = JSON.parse(readFileSync(fixturePath(to), 'utf8')) as MigrationFixture;
    const name = `migration-rebuild-${crypto.randomUUID()}`;
    await storeWithVersion(name, to - 1, fixture.before);
    db = new AppDB(name, { now: () => fixture.upgradedAt });
    const events = (await db.events.toArray()).map(toCaseEvent);
    const rebuilt = projectAll(events, await loadProjectionContext(db), fixture.upgradedAt).map(storedParts);
    expect(byKey(rebuilt.map((p) => p.row) as unknown as Record<string, unknown>[])).toEqual(
      byKey((await db.cases.toArray()) as unknown as Record<string, unknown>[]),
    );
    // Rows written before version 5 had no figures: the upgrade to 6 has them projected again.
    expect(byKey(rebuilt.map((p) => p.figures) as unknown as Record<string, unknown>[])).toEqual(
      byKey((await db.caseFigures.toArray()) as unknown as Record<string, unknown>[]),
    );
    // …and the records by day hold exactly those figures rows.
    await expectFiguresByDayMatch(db);
  });

  it('fills the urgency index, so the upgraded cases list by deadline at once', async () => {
    const fixture = JSON.parse(readFileSync(fixturePath(2), 'utf8')) as MigrationFixture;
    const name = `migration-index-${crypto.randomUUID()}`;
    await storeWithVersion(name, 1, fixture.before);
    db = new AppDB(name, { now: () => fixture.upgradedAt });
    // 'c' is closed: what it missed stays on record, but it never heads the urgency list.
    expect((await db.cases.orderBy('nextDeadlineAt').toArray()).map((r) => r.caseId)).toEqual(['a']);
    // The upgrade's request for a re-projection is answered once, then gone.
    expect(await db.syncState.get('projectionStale')).toBeUndefined();
  });

  it('keeps every upgrade frozen: an upgrade imports no code of the repository, only types', () => {
    const dir = resolve(__dirname, '../../../lib/db/migrations');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const imports = readFileSync(resolve(dir, file), 'utf8').match(/^import[^;]*;/gm) ?? [];
      for (const line of imports) {
        const fromRepository = /from '\.{1,2}\//.test(line);
        expect(!fromRepository || line.startsWith('import type '), `${file}: ${line}`).toBe(true);
      }
    }
  });
});
