import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvents } from '../../../lib/db/repos/events';
import { caseOfReminder, checkDeadlines, checkPatrol, LAST_PATROL_KEY, type Reminder, type ReminderDeps } from '../../../lib/reminders';
import { assessed, captured, claimed, HOUR, T0 } from '../../fixtures/db/builders';

let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** A database, an in-memory storage.local and the notifications shown. */
function setup(): { deps: ReminderDeps; shown: Reminder[]; stored: Record<string, unknown> } {
  db = new AppDB(`reminders-${crypto.randomUUID()}`);
  const shown: Reminder[] = [];
  const stored: Record<string, unknown> = {};
  return {
    shown,
    stored,
    deps: {
      db,
      store: {
        get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])),
        set: async (items) => void Object.assign(stored, items),
      },
      notify: async (reminder) => void shown.push(reminder),
    },
  };
}

const MIN = 60_000;

describe('deadline warnings from the minute alarm', () => {
  it('warns once when three quarters of the 2-hour report window are used, then once more when it is overdue', async () => {
    const { deps, shown } = setup();
    // 宣城 2015: a general case is reported to the department head within 2 hours of the claim.
    await appendEvents(deps.db, [captured('c1'), claimed('c1'), assessed('c1')], { now: T0 + 2 * HOUR });
    const claimAt = T0 + HOUR;

    await checkDeadlines(deps, claimAt + 95 * MIN);
    expect(shown.map((r) => r.title)).toEqual([expect.stringContaining('75%')]);
    expect(caseOfReminder(shown[0]!.id)).toBe('c1');

    await checkDeadlines(deps, claimAt + 100 * MIN);
    expect(shown).toHaveLength(1);

    await checkDeadlines(deps, claimAt + 130 * MIN);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ urgent: true, title: expect.stringContaining('已超过时限') });
  });

  it('shows nothing when no case has a deadline running', async () => {
    const { deps, shown } = setup();
    await appendEvents(deps.db, [captured('quiet')], { now: T0 });
    await checkDeadlines(deps, T0 + 10 * HOUR);
    expect(shown).toEqual([]);
  });
});

describe('patrol reminders', () => {
  // Monday 2024-03-04 10:00 China time, a working day; 宣城 2015 patrols hourly in office hours.
  const MONDAY_10 = Date.UTC(2024, 2, 4, 2, 0);

  it('remind once when an hour has passed since the last recorded patrol in office hours', async () => {
    const { deps, shown, stored } = setup();
    stored[LAST_PATROL_KEY] = MONDAY_10 - 70 * MIN;
    await checkPatrol(deps, MONDAY_10);
    expect(shown).toEqual([expect.objectContaining({ title: '巡查提醒', message: expect.stringContaining('09:50') })]);
    expect(caseOfReminder(shown[0]!.id)).toBeUndefined();
    await checkPatrol(deps, MONDAY_10 + MIN);
    expect(shown).toHaveLength(1);
  });

  it('stay quiet while the last patrol is recent', async () => {
    const { deps, shown, stored } = setup();
    stored[LAST_PATROL_KEY] = MONDAY_10 - 20 * MIN;
    await checkPatrol(deps, MONDAY_10);
    expect(shown).toEqual([]);
  });
});
