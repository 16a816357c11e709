import { afterEach, describe, expect, it } from 'vitest';
import { getActiveWatchlist, saveWatchlist } from '../../../lib/db/repos/watchlists';
import { getActiveProfile, listProfiles, saveUserProfile } from '../../../lib/db/repos/policy-profiles';
import { saveSettings } from '../../../lib/db/repos/settings';
import { BUILT_IN_PROFILES, copyProfile } from '../../../lib/policy';
import { DEMO_WATCHLIST } from '../../../lib/match';
import { freshDb } from './helpers';
import type { AppDB } from '../../../lib/db/app-db';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});
const now = () => 1_700_000_000_000;

describe('watch lists', () => {
  it('default to the demo list until the officer saves one', async () => {
    db = freshDb();
    const list = await getActiveWatchlist(db);
    expect(list.id).toBe('default');
    expect(list.entries).toEqual(DEMO_WATCHLIST);
    expect(await db.watchlists.count()).toBe(0);
  });

  it('use the default given by the caller when there is one', async () => {
    db = freshDb();
    const list = await getActiveWatchlist(db, [{ term: '青山县', kind: 'region' }]);
    expect(list.entries).toEqual([{ term: '青山县', kind: 'region' }]);
  });

  it('are stored as plain JSON entries and found again as the active list', async () => {
    db = freshDb();
    const entries = [
      { term: '青山县', kind: 'region' as const },
      { term: '青山镇', kind: 'region' as const, parent: '青山县', aliases: ['青山'] },
    ];
    expect((await saveWatchlist(db, { id: 'default', name: '本县', entries }, { now })).ok).toBe(true);
    expect(await getActiveWatchlist(db)).toEqual({ id: 'default', name: '本县', entries, updatedAt: now() });
  });

  it('refuse a list with errors, naming each one, and keep the stored list', async () => {
    db = freshDb();
    await saveWatchlist(db, { id: 'default', name: '本县', entries: [{ term: '青山县', kind: 'region' }] }, { now });
    const result = await saveWatchlist(
      db,
      {
        id: 'default',
        name: '坏的',
        entries: [
          { term: '', kind: 'region' },
          { term: '青山镇', kind: 'region', parent: '不存在的县' },
        ],
      },
      { now },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toEqual(['0.term', '1.parent']);
    expect((await getActiveWatchlist(db)).name).toBe('本县');
  });
});

describe('policy profiles', () => {
  it('list the built-ins first, then the user copies', async () => {
    db = freshDb();
    const copy = copyProfile(BUILT_IN_PROFILES[0]!, 'my-county', '本县办法');
    expect((await saveUserProfile(db, copy, { now })).ok).toBe(true);
    const ids = (await listProfiles(db)).map((p) => p.id);
    expect(ids).toEqual([...BUILT_IN_PROFILES.map((p) => p.id), 'my-county']);
  });

  it('refuse a bad profile with every error and keep the old one', async () => {
    db = freshDb();
    const copy = copyProfile(BUILT_IN_PROFILES[0]!, 'my-county', '本县办法');
    await saveUserProfile(db, copy, { now });
    const broken = { ...copy, name: '改坏了', tiers: [], defaultCategory: 'nope' };
    const result = await saveUserProfile(db, broken, { now });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['tiers', 'defaultCategory']));
    }
    expect((await listProfiles(db)).find((p) => p.id === 'my-county')?.name).toBe('本县办法');
  });

  it('refuse to overwrite a built-in profile', async () => {
    db = freshDb();
    const result = await saveUserProfile(db, { ...BUILT_IN_PROFILES[0]!, builtIn: false }, { now });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await db.policyProfiles.count()).toBe(0);
  });

  it('take the active profile from settings, falling back to the default when it is unknown', async () => {
    db = freshDb();
    expect((await getActiveProfile(db)).id).toBe('xuancheng-2015');
    await saveUserProfile(db, copyProfile(BUILT_IN_PROFILES[0]!, 'my-county', '本县办法'), { now });
    await saveSettings(db, { activeProfileId: 'my-county' });
    expect((await getActiveProfile(db)).id).toBe('my-county');
    await saveSettings(db, { activeProfileId: 'deleted-copy' });
    expect((await getActiveProfile(db)).id).toBe('xuancheng-2015');
  });
});
