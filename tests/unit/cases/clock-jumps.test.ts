/**
 * A device clock that jumps never blocks a case (issue 11, corpus/probe):
 * each case's events are ordered by their per-case sequence before their
 * time, count at clock-corrected times for deadlines, and the desk warns
 * about times that cannot be right.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, listEventsOfCase } from '../../../lib/db/repos/events';
import { getCase } from '../../../lib/db/repos/cases';
import {
  CaseEventSchema,
  clockWarningsOf,
  compareEvents,
  deadlinesOf,
  orderEvents,
  replay,
  replayWithReport,
  type CaseEvent,
  type CaseEventInput,
} from '../../../lib/cases';
import { mergeEvents } from '../../../lib/sync/merge';
import { getBuiltInProfile } from '../../../lib/policy';
import { assessed, captured, claimed, HOUR, note, responded, T0 } from '../../fixtures/db/builders';
import { freshDb } from '../db/helpers';
import { seededRandom } from '../../support/seeded-random';
import type { AppDB } from '../../../lib/db/app-db';

const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** The desk's clock while the officer works the case (a correct one). */
const NOW = T0 + 3 * HOUR;

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

/** Records the events one by one, as the officer's clicks do; answers each append's result. */
async function record(...inputs: CaseEventInput[]) {
  const results = [];
  for (const input of inputs) results.push(await appendEvent(db, input, { now: NOW }));
  return results;
}

function xuancheng() {
  const profile = getBuiltInProfile('xuancheng-2015');
  if (!profile) throw new Error('missing built-in profile xuancheng-2015');
  return profile;
}

describe('the officer whose clock jumped forward for one action and was corrected', () => {
  it('can still assess the case it claimed (no "案件尚未认领，不能研判"), and its deadlines are not a year late', async () => {
    db = freshDb();
    const results = await record(
      captured('c1', T0),
      claimed('c1', T0 + YEAR), // the clock jumped a year ahead for this one click
      assessed('c1', T0 + 2 * HOUR), // corrected again
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const log = await listEventsOfCase(db, 'c1');
    expect(log.map((e) => [e.type, e.seq])).toEqual([['captured', 1], ['claimed', 2], ['assessed', 3]]);
    const state = replay(log);
    expect(state.status).toBe('assessed');
    // The claim counts at the assessment's time at the latest, not a year on.
    expect(state.claimedAt).toBe(T0 + 2 * HOUR);
    for (const deadline of deadlinesOf(state, xuancheng(), NOW)) {
      expect(deadline.startedAt).toBeLessThanOrEqual(T0 + 2 * HOUR);
      expect(deadline.limit).toBeLessThan(T0 + 60 * DAY);
    }
    expect((await getCase(db, 'c1'))?.nextDeadlineAt).toBeLessThan(T0 + 60 * DAY);
  });
});

describe('the officer whose clock went back two hours after a capture', () => {
  it('can claim the captured case (no "案件尚未采集"), and the claim does not count before the capture', async () => {
    db = freshDb();
    const results = await record(captured('c1', T0), claimed('c1', T0 - 2 * HOUR));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(['ok', 'ok']);
    const state = replay(await listEventsOfCase(db, 'c1'));
    expect(state.status).toBe('claimed');
    expect(state.claimedAt).toBe(T0);
    expect(await getCase(db, 'c1')).toMatchObject({ status: 'claimed' });
  });

  it('can go on past the claim while the clock stays back: assessment and response are recorded and met on time', async () => {
    db = freshDb();
    const results = await record(
      captured('c1', T0),
      claimed('c1', T0 + HOUR),
      // The clock is set back three hours here and stays so.
      assessed('c1', T0 - 2 * HOUR),
      responded('c1', T0 - HOUR),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const state = replay(await listEventsOfCase(db, 'c1'));
    expect(state.status).toBe('responded');
    expect(state.steps).toMatchObject({ captured: T0, claimed: T0 + HOUR, assessed: T0 + HOUR, responded: T0 + HOUR });
    const overdue = deadlinesOf(state, xuancheng(), NOW).filter((d) => d.status === 'overdue' || d.status === 'met-late');
    expect(overdue).toEqual([]);
  });
});

describe('a capture stamped a little in the future', () => {
  it('does not block the claim recorded a few minutes "earlier" by a correct clock', async () => {
    db = freshDb();
    const results = await record(captured('c1', T0 + 10 * 60_000), claimed('c1', T0 + 2 * 60_000));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(replay(await listEventsOfCase(db, 'c1')).status).toBe('claimed');
  });
});

describe('the clock warning', () => {
  it('names the event stamped later than now and the one stamped before the step before it', () => {
    const log = [captured('c1', T0), claimed('c1', T0 + YEAR), assessed('c1', T0 + 2 * HOUR)].map((input, i) =>
      CaseEventSchema.parse({ ...input, seq: i + 1 }),
    );
    expect(clockWarningsOf(log, NOW)).toEqual([
      { eventId: 'c1-claimed', type: 'claimed', at: T0 + YEAR, kind: 'future' },
      { eventId: 'c1-assessed', type: 'assessed', at: T0 + 2 * HOUR, kind: 'before-previous', previousAt: T0 + YEAR },
    ]);
  });

  it('stays silent for a log whose clocks were right, and for seconds of drift between devices', () => {
    const log = [captured('c1', T0), claimed('c1', T0 + HOUR), note('c1', T0 + HOUR - 5_000, 'n1')].map((input, i) =>
      CaseEventSchema.parse({ ...input, seq: i + 1 }),
    );
    expect(clockWarningsOf(log, NOW)).toEqual([]);
  });
});

describe('merging logs with sequences', () => {
  const officerA = { officer: '张三', department: '市住建局' };
  const officerB = { officer: '李四', department: '市城管局' };
  const event = (input: CaseEventInput, seq: number | undefined, actor = officerA): CaseEvent =>
    CaseEventSchema.parse({ ...input, actor, ...(seq === undefined ? {} : { seq }) });

  it('orders two officers\' events of the same sequence by (time, id)', () => {
    const a = event(note('c1', T0 + 2 * HOUR, 'a-note'), 2);
    const b = event(note('c1', T0 + HOUR, 'b-note'), 2, officerB);
    const first = event(captured('c1', T0), 1);
    expect(orderEvents([a, b, first]).map((e) => e.id)).toEqual(['c1-captured', 'b-note', 'a-note']);
  });

  it('gives the same order and state in any arrival order and with repeats (mixed old and new events)', () => {
    const log = [
      event(captured('c1', T0), undefined), // from a log older than sequences
      event(note('c1', T0 + 30 * 60_000, 'old-note'), undefined),
      event(claimed('c1', T0 + YEAR), 3),
      event(assessed('c1', T0 + 2 * HOUR), 4),
      event(note('c1', T0 + HOUR, 'b-note'), 4, officerB),
      event(responded('c1', T0 - HOUR), 5, officerB),
    ];
    const expectedOrder = orderEvents(log).map((e) => e.id);
    const expectedState = replay(log);
    expect(expectedState.status).toBe('responded');
    const rand = seededRandom(11);
    for (let round = 0; round < 200; round++) {
      const shuffled = [...log, ...log.filter(() => rand() < 0.3)].sort(() => rand() - 0.5);
      const halves = [shuffled.slice(0, 3), shuffled.slice(3)];
      const merged = mergeEvents(rand() < 0.5 ? halves : [...halves].reverse());
      expect(orderEvents(shuffled).filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i).map((e) => e.id)).toEqual(
        expectedOrder,
      );
      expect(replay(merged)).toEqual(expectedState);
      expect(replayWithReport(shuffled).rejected.every((r) => r.error.code === 'duplicate-event')).toBe(true);
    }
  });

  it('replays a log without any sequence exactly in its (time, id) order, as before', () => {
    const log = [claimed('c1', T0 + HOUR), captured('c1', T0), note('c1', T0 + HOUR, 'a'), assessed('c1', T0 + 2 * HOUR)].map(
      (input) => CaseEventSchema.parse(input),
    );
    expect(orderEvents(log)).toEqual([...log].sort(compareEvents));
    expect(replay(log).steps).toMatchObject({ captured: T0, claimed: T0 + HOUR, assessed: T0 + 2 * HOUR });
  });
});
