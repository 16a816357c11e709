import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { SCHEMA_V1 } from '../../../lib/db/schema';
import { appendEvent } from '../../../lib/db/repos/events';
import { captured, T0 } from '../../fixtures/db/builders';

/** Opens `name` at Dexie version 1 through raw IndexedDB and, like a hung old page, never closes on request. */
async function stubbornOldPage(name: string): Promise<IDBDatabase> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  old.close();
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 10); // Dexie stores version n as 10·n
    request.onsuccess = () => {
      request.result.onversionchange = () => {}; // ignores the request to close
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('database connection safety', () => {
  it('answers db-blocked instead of hanging when an old page blocks the upgrade, and writes nothing later', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const oldPage = await stubbornOldPage(name);
    const db = new AppDB(name);
    const states: string[] = [];
    db.onConnectionState((s) => states.push(s));

    const result = await appendEvent(db, captured('c1'), { now: T0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'db-blocked' } });
    if (!result.ok) expect(result.error.message).toMatch(/关闭其他舆情助手页面/);
    expect(states).toContain('blocked');

    oldPage.close(); // the officer closes the old page: the upgrade goes through
    await db.open();
    expect(await db.events.count()).toBe(0); // the refused write did not sneak in afterwards
    expect(await appendEvent(db, captured('c1'), { now: T0 })).toMatchObject({ ok: true, data: { created: true } });
    expect(db.connectionState).toBe('open');
    await db.delete();
  });

  it('closes an old connection when another page upgrades or deletes the database', async () => {
    const name = `versionchange-${crypto.randomUUID()}`;
    const first = new AppDB(name);
    await first.open();
    const states: string[] = [];
    first.onConnectionState((s) => states.push(s));
    await Dexie.delete(name); // would hang forever if `first` kept its connection
    expect(states).toContain('closed');
    expect(first.isOpen()).toBe(false);
  });
});
