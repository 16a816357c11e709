/**
 * The office's signed package back to officers: the first import pins the
 * office's key and applies the watch list, profile copy, calendar overrides
 * and passphrase key id; an unsigned, tampered or re-keyed package changes
 * nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { getActiveWatchlist } from '../../../lib/db/repos/watchlists';
import { getSettings } from '../../../lib/db/repos/settings';
import { getBuiltInProfile } from '../../../lib/policy';
import { generateOfficeKeys, signOfficePackage } from '../../../lib/sync/office-package';
import { importOfficePackage, officePassphraseKeyId, pinnedOfficeKey } from '../../../lib/sync/apply-package';

const NOW = Date.parse('2024-12-20T09:00:00+08:00');
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`pkg-${crypto.randomUUID()}`, { now: () => NOW });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function officePackage(keys: Awaited<ReturnType<typeof generateOfficeKeys>>) {
  const base = getBuiltInProfile('xuancheng-2015')!;
  return signOfficePackage(
    {
      office: '澜江市委网信办',
      issuedAt: NOW,
      publicKey: keys.publicKey,
      content: {
        watchlist: [
          { term: '澜江市', kind: 'region' },
          { term: '锦绣小区', kind: 'topic' },
        ],
        profile: { ...base, id: 'lanjiang-2025', name: '澜江市网络舆情处置办法（2025）', builtIn: false, basedOn: base.id },
        calendarOverrides: [{ date: '2025-01-02', kind: 'holiday', note: '澜江市元旦补休通知' }],
        passphraseKeyId: 'lanjiang-2025-q1',
      },
    },
    keys.privateJwk,
  );
}

async function stateOf(db: AppDB) {
  return { settings: await getSettings(db), watchlist: (await getActiveWatchlist(db)).entries, sync: await db.syncState.toArray() };
}

describe('office package', () => {
  it('applies a signed package and pins the office key on first import', async () => {
    const keys = await generateOfficeKeys();
    const db = freshDb();
    const result = await importOfficePackage(db, JSON.stringify(await officePackage(keys)), NOW);
    expect(result.ok).toBe(true);
    const settings = await getSettings(db);
    expect(settings.activeProfileId).toBe('lanjiang-2025');
    expect(settings.calendarOverrides).toEqual([{ date: '2025-01-02', kind: 'holiday', note: '澜江市元旦补休通知' }]);
    expect((await getActiveWatchlist(db)).entries.map((e) => e.term)).toEqual(['澜江市', '锦绣小区']);
    expect(await pinnedOfficeKey(db)).toEqual(keys.publicKey);
    expect(await officePassphraseKeyId(db)).toBe('lanjiang-2025-q1');
  });

  it('refuses an unsigned, a tampered and another key’s package, changing nothing', async () => {
    const keys = await generateOfficeKeys();
    const db = freshDb();
    await importOfficePackage(db, JSON.stringify(await officePackage(keys)), NOW);
    const before = await stateOf(db);
    const good = await officePackage(keys);

    const { signature: _s, ...unsigned } = good;
    const tampered = { ...good, content: { ...good.content, passphraseKeyId: 'forged' } };
    const other = await officePackage(await generateOfficeKeys());
    const cases: [string, string][] = [
      [JSON.stringify(unsigned), '$.signature'],
      [JSON.stringify(tampered), '$.signature'],
      [JSON.stringify(other), '$.publicKey'],
      [JSON.stringify(good).slice(0, 100), '$'],
    ];
    for (const [text, path] of cases) {
      const result = await importOfficePackage(db, text, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
      expect(await stateOf(db)).toEqual(before);
    }
  });
});
