import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendEvent, appendEvents, listEventsOfCase, listAllEvents } from '../../../lib/db/repos/events';
import { getCase } from '../../../lib/db/repos/cases';
import { assessed, captured, claimed, closed, HOUR, note, responded, T0 } from '../../fixtures/db/builders';
import { freshDb, NOW } from './helpers';
import type { AppDB } from '../../../lib/db/app-db';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

describe('appending an event to the claim log', () => {
  it('stores a capture and creates the case row in the same write', async () => {
    db = freshDb();
    const result = await appendEvent(db, captured('c1'), { now: NOW });
    expect(result).toMatchObject({ ok: true, data: { created: true, event: { id: 'c1-captured' } } });
    expect(await db.events.count()).toBe(1);
    const row = await getCase(db, 'c1');
    expect(row).toMatchObject({ caseId: 'c1', status: 'captured', site: 'discuz', capturedAt: T0, lastEventAt: T0 });
  });

  it('moves the case along as the procedure advances', async () => {
    db = freshDb();
    for (const input of [captured('c1'), claimed('c1'), assessed('c1')]) {
      expect((await appendEvent(db, input, { now: NOW })).ok).toBe(true);
    }
    // Once claimed, the default profile (xuancheng-2015) sets a limit for the investigation report.
    expect((await getCase(db, 'c1'))?.nextDeadlineAt).toBeGreaterThan(T0);
    expect(await getCase(db, 'c1')).toMatchObject({
      status: 'assessed',
      tier: 'general',
      category: 'livelihood',
      claimedBy: '澜江市住房和城乡建设局',
      lastEventAt: T0 + 2 * HOUR,
    });
  });

  it('refuses a malformed event with every field error and stores nothing', async () => {
    db = freshDb();
    const bad = { ...captured('c1'), at: 'yesterday', actor: { officer: '' } } as unknown as Parameters<
      typeof appendEvent
    >[1];
    const result = await appendEvent(db, bad, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/事件格式不正确/);
    expect(result.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['at', 'actor.officer']));
    expect(await db.events.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
  });

  it('refuses an event the procedure does not allow (claim before capture) and stores nothing', async () => {
    db = freshDb();
    const result = await appendEvent(db, claimed('c1'), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-captured' } });
    expect(await db.events.count()).toBe(0);
    expect(await db.cases.count()).toBe(0);
  });

  it('treats an event id already stored as done: a retry changes nothing', async () => {
    db = freshDb();
    await appendEvent(db, captured('c1'), { now: NOW });
    const again = await appendEvent(db, captured('c1'), { now: NOW + 1 });
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    expect(await db.events.count()).toBe(1);
    expect((await db.events.get('c1-captured'))?.storedAt).toBe(NOW);
  });

  it('records a response whose clock reads before the claim after the claim (the clock was set back)', async () => {
    db = freshDb();
    await appendEvents(db, [captured('c1'), claimed('c1', T0 + 5 * HOUR)], { now: NOW });
    const result = await appendEvent(db, responded('c1', T0 + HOUR), { now: NOW });
    expect(result.ok).toBe(true);
    expect((await listEventsOfCase(db, 'c1')).map((e) => [e.type, e.seq])).toEqual([
      ['captured', 1],
      ['claimed', 2],
      ['responded', 3],
    ]);
  });

  it('refuses an event from another log that would make an already recorded one impossible', async () => {
    db = freshDb();
    await appendEvents(db, [captured('c1'), claimed('c1', T0 + 5 * HOUR)], { now: NOW });
    // Another device's response, placed before the claim by its sequence: it would replay as "responded before claimed".
    const result = await appendEvent(db, { ...responded('c1', T0 + HOUR), seq: 1 }, { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-claimed' } });
    expect(await db.events.count()).toBe(2);
  });

  it('accepts a note from another log dated earlier, and lists the case log in history order', async () => {
    db = freshDb();
    await appendEvents(db, [captured('c1'), claimed('c1', T0 + 5 * HOUR)], { now: NOW });
    expect((await appendEvent(db, { ...note('c1', T0 + HOUR, 'n1'), seq: 2 }, { now: NOW })).ok).toBe(true);
    expect((await listEventsOfCase(db, 'c1')).map((e) => e.id)).toEqual(['c1-captured', 'n1', 'c1-claimed']);
  });

  it('rolls back the event when the case row cannot be written (disk full): nothing half-written', async () => {
    db = freshDb();
    await appendEvent(db, captured('c1'), { now: NOW });
    vi.spyOn(db.cases, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await appendEvent(db, claimed('c1'), { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    if (!result.ok) expect(result.error.message).toMatch(/存储空间不足/);
    vi.restoreAllMocks();
    expect(await db.events.count()).toBe(1);
    expect((await getCase(db, 'c1'))?.status).toBe('captured');
  });
});

describe('appending a batch of events', () => {
  it('answers one result per event, stores the valid ones and skips duplicates', async () => {
    db = freshDb();
    const result = await appendEvents(
      db,
      [captured('c1'), claimed('c1'), claimed('c2'), captured('c1'), closed('c1'), captured('c2')],
      { now: NOW },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.map((r) => (r.ok ? (r.data.created ? 'created' : 'duplicate') : r.error.code))).toEqual([
      'created',
      'created',
      'not-captured',
      'duplicate',
      'created',
      'created',
    ]);
    expect(await db.events.count()).toBe(4);
    expect((await getCase(db, 'c1'))?.status).toBe('closed');
    expect((await getCase(db, 'c2'))?.status).toBe('captured');
  });

  it('stores nothing at all when the batch transaction fails', async () => {
    db = freshDb();
    vi.spyOn(db.cases, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await appendEvents(db, [captured('c1'), claimed('c1')], { now: NOW });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    expect(await db.events.count()).toBe(0);
  });

  it('refuses a batch that is not an array', async () => {
    db = freshDb();
    const result = await appendEvents(db, 'nope' as unknown as [], { now: NOW });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('exporting the log', () => {
  it('lists every event, or those stored since a time (inclusive)', async () => {
    db = freshDb();
    await appendEvent(db, captured('c1'), { now: 1_000 });
    await appendEvent(db, claimed('c1'), { now: 2_000 });
    await appendEvent(db, captured('c2'), { now: 3_000 });
    expect((await listAllEvents(db)).map((e) => e.id)).toEqual(['c1-captured', 'c1-claimed', 'c2-captured']);
    expect((await listAllEvents(db, { since: 2_000 })).map((e) => e.id)).toEqual(['c1-claimed', 'c2-captured']);
    expect(await listAllEvents(db, { since: 2_000 })).not.toContainEqual(expect.objectContaining({ storedAt: expect.anything() }));
  });
});

describe('event ids are global', () => {
  it('treats an id already stored under another case as a duplicate, not a second event', async () => {
    db = freshDb();
    await appendEvent(db, captured('c1', T0, 'same-id'), { now: NOW });
    const clash = await appendEvent(db, captured('c2', T0, 'same-id'), { now: NOW });
    expect(clash).toMatchObject({ ok: true, data: { created: false, event: { caseId: 'c1' } } });
    expect(await db.events.count()).toBe(1);
    expect(await getCase(db, 'c2')).toBeUndefined();
  });
});
