/** How deadlines behave: warnings, provisional dates, local holidays, extensions, reopening, closing. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../lib/calendar';
import { deadlinesOf, mostUrgentDeadline, replay, type Deadline } from '../../../lib/cases';
import { copyProfile, getBuiltInProfile, type DeadlineRule, type PolicyProfile } from '../../../lib/policy';
import { CAPTURE, china, cst, logFor } from './helpers';
import { deadlinesAt } from './walk';

function profile(id: string): PolicyProfile {
  const p = getBuiltInProfile(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
}

function withRules(base: string, extra: Partial<PolicyProfile>): PolicyProfile {
  return { ...copyProfile(profile(base), 'my-office', '我的单位'), ...extra };
}

function majorLawCase() {
  const log = logFor();
  log.add('captured', '2024-03-04 10:00', CAPTURE);
  log.add('claimed', '2024-03-04 10:01', { department: '市容处' });
  log.add('assessed', '2024-03-04 10:02', { tier: 'major', category: 'bureau', department: '相关责任处室' });
  return replay(log.events);
}

describe('pre-breach warnings', () => {
  it.each([
    ['2024-03-04 10:10', undefined],
    ['2024-03-04 10:15', 0.5],
    ['2024-03-04 10:22', 0.5],
    ['2024-03-04 10:23', 0.75],
    ['2024-03-04 10:30', 1],
    ['2024-03-04 11:00', 1],
  ])('a 30-minute first report at %s warns at %s', (now, warning) => {
    const first = deadlinesOf(majorLawCase(), profile('law-enforcement-bureau'), cst(now))[0];
    expect(first?.ruleId).toBe('first-report-major');
    expect(first?.warning).toBe(warning);
  });

  it.each([
    [[0.9], '2024-03-04 10:20', undefined],
    [[0.9], '2024-03-04 10:28', 0.9],
    [[0.25, 0.5], '2024-03-04 10:08', 0.25],
  ])('the fractions are configurable (%j at %s → %s)', (warnAt, now, warning) => {
    const first = deadlinesOf(majorLawCase(), profile('law-enforcement-bureau'), cst(now), { warnAt })[0];
    expect(first?.warning).toBe(warning);
  });

  it.each([[[0]], [[1.5]], [[-0.5]], [[Number.NaN]]])('refuses warning fractions %j', (warnAt) => {
    expect(() => deadlinesOf(majorLawCase(), profile('law-enforcement-bureau'), cst('2024-03-04 10:10'), { warnAt })).toThrow(/warnAt/);
  });

  it('met deadlines carry no warning', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 10:00', CAPTURE);
    log.add('claimed', '2024-03-04 10:01', { department: '市容处' });
    log.add('assessed', '2024-03-04 10:02', { tier: 'major', category: 'bureau', department: '相关责任处室' });
    log.add('reported', '2024-03-04 10:28', { channel: 'oral' });
    const first = deadlinesOf(replay(log.events), profile('law-enforcement-bureau'), cst('2024-03-04 11:00'))[0];
    expect(first).toMatchObject({ status: 'met', doneAt: cst('2024-03-04 10:28') });
    expect(first?.warning).toBeUndefined();
  });

  it('reports the time left and by how much a limit was missed', () => {
    const [pending] = deadlinesOf(majorLawCase(), profile('law-enforcement-bureau'), cst('2024-03-04 10:10'));
    expect(pending).toMatchObject({ status: 'pending', remainingMs: 20 * 60_000 });
    const [overdue] = deadlinesOf(majorLawCase(), profile('law-enforcement-bureau'), cst('2024-03-04 10:45'));
    expect(overdue).toMatchObject({ status: 'overdue', overdueByMs: 15 * 60_000 });
  });
});

function xuanchengClaimedOn(day: string) {
  const log = logFor();
  log.add('captured', `${day} 09:00`, CAPTURE);
  log.add('claimed', `${day} 09:30`, { department: '市住建局' });
  log.add('assessed', `${day} 10:00`, { tier: 'general', category: 'petition', department: '市住建局' });
  return log;
}

describe('working-day deadlines on the official calendar', () => {
  it('a deadline counted into a year without official data is marked provisional', () => {
    const log = xuanchengClaimedOn('2026-12-28');
    const byRule = Object.fromEntries(
      deadlinesOf(replay(log.events), profile('xuancheng-2015'), cst('2026-12-28 11:00')).map((d) => [d.ruleId, d]),
    );
    expect(byRule['investigation-report']).toMatchObject({ provisional: true });
    // 12-29, 12-30, 12-31, then 元旦 2027-01-01 (statutory, kept past the data) and the weekend: 01-04, 01-05.
    expect(china(byRule['investigation-report']?.limit ?? 0)).toBe('2027-01-05 23:59:59.999');
    expect(byRule['extension-request']).toMatchObject({ provisional: false });
    expect(china(byRule['extension-request']?.limit ?? 0)).toBe('2026-12-31 23:59:59.999');
  });

  it('a local holiday from settings moves the deadline', () => {
    const log = xuanchengClaimedOn('2024-09-09');
    const calendar = createCalendar({ overrides: [{ day: '2024-09-10', working: false, name: '本地假日' }] });
    const official = deadlinesAt(log.events, profile('xuancheng-2015'), cst('2024-09-09 11:00'));
    const local = deadlinesAt(log.events, profile('xuancheng-2015'), cst('2024-09-09 11:00'), { calendar });
    expect(official[1]).toBe('investigation-report | pending | limit 2024-09-14 23:59');
    expect(local[1]).toBe('investigation-report | pending | limit 2024-09-18 23:59');
  });
});

describe('the claim window, when an office sets one', () => {
  const claimWindow: DeadlineRule = {
    id: 'claim', step: 'claim', label: '认领', from: 'captured', clock: 'hours', limit: 2, appliesTo: {},
  };
  const office = () => withRules('xuancheng-2015', { claimWindow });

  it.each([
    ['claimed in time', 'claimed', '2024-03-04 10:00', 'claim | met | limit 2024-03-04 11:00'],
    ['assigned by the information office after the window', 'assigned', '2024-03-04 12:00', 'claim | met-late | limit 2024-03-04 11:00 | late 60min'],
  ] as const)('%s', (_name, type, at, expected) => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add(type, at, { department: '市住建局' });
    expect(deadlinesAt(log.events, office(), cst('2024-03-04 13:00'))[0]).toBe(expected);
  });

  it('an unclaimed case goes overdue', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    expect(deadlinesAt(log.events, office(), cst('2024-03-04 11:30'))).toEqual(['claim | overdue | limit 2024-03-04 11:00 | late 30min']);
  });

  it('with no claim window (as in every built-in profile) there is no claim deadline', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    expect(deadlinesAt(log.events, profile('xuancheng-2015'), cst('2024-03-05 09:00'))).toEqual([]);
  });
});

describe('a reopened case restarts the follow-up clock', () => {
  const followUp: DeadlineRule = {
    id: 'follow-up', step: 'follow-up', label: '跟踪', from: 'responded', restartOn: ['reopened'], clock: 'working-days', limit: 2, appliesTo: {},
  };
  const office = () => withRules('liaoyuan-emergency', { deadlines: [followUp] });
  const log = logFor();
  log.add('captured', '2024-03-04 09:00', CAPTURE);
  log.add('claimed', '2024-03-04 09:10', { department: '市局办公室' });
  log.add('responded', '2024-03-05 10:00', { channel: '网站' });
  log.add('follow-up', '2024-03-06 10:00', { result: 'stable' });
  log.add('closed', '2024-03-08 10:00', {});
  log.add('reopened', '2024-03-11 10:00', { reason: '舆情反复' });
  log.add('follow-up', '2024-03-12 10:00', { result: 'recurred' });

  it.each([
    ['2024-03-05 12:00', ['follow-up | pending | limit 2024-03-07 23:59']],
    ['2024-03-09 12:00', ['follow-up | met | limit 2024-03-07 23:59']],
    ['2024-03-11 12:00', ['follow-up | pending | limit 2024-03-13 23:59']],
    ['2024-03-12 12:00', ['follow-up | met | limit 2024-03-13 23:59']],
  ])('at %s', (now, expected) => {
    expect(deadlinesAt(log.events, office(), cst(now))).toEqual(expected);
  });
});

describe('closing a case stops its clocks', () => {
  function closedAt(time: string) {
    const log = logFor();
    log.add('captured', '2024-03-04 10:00', CAPTURE);
    log.add('claimed', '2024-03-04 10:05', { department: '市容处' });
    log.add('assessed', '2024-03-04 10:10', { tier: 'general', category: 'bureau', department: '相关责任处室' });
    log.add('closed', time, {});
    return log.events;
  }

  it('open deadlines still in time at closing are dropped', () => {
    expect(deadlinesAt(closedAt('2024-03-04 10:30'), profile('law-enforcement-bureau'), cst('2024-03-10 10:00'))).toEqual([]);
  });

  it('deadlines already missed at closing stay overdue by the amount at closing', () => {
    expect(deadlinesAt(closedAt('2024-03-04 11:30'), profile('law-enforcement-bureau'), cst('2024-03-10 10:00'))).toEqual([
      'first-report-general | overdue | limit 2024-03-04 11:00 | late 30min',
    ]);
  });
});

describe('the same events always give the same deadlines', () => {
  it('whatever the order the events arrive in, and however often it is asked', () => {
    const log = xuanchengClaimedOn('2024-09-09');
    log.add('reported', '2024-09-09 11:00', {});
    const now = cst('2024-09-11 09:00');
    const first = deadlinesOf(replay(log.events), profile('xuancheng-2015'), now);
    const again = deadlinesOf(replay([...log.events].reverse()), profile('xuancheng-2015'), now);
    expect(again).toEqual(first);
    expect(deadlinesOf(replay(log.events), profile('xuancheng-2015'), now)).toEqual(first);
  });
});

describe('the most urgent deadline', () => {
  const d = (ruleId: string, status: Deadline['status'], limit: number, optional = false): Deadline => ({
    ruleId, step: 'reply', label: '回应', startedAt: 0, limit, status, provisional: false, extended: false, optional,
  });

  it.each([
    ['the earliest open limit', [d('a', 'pending', 300), d('b', 'pending', 200)], 'b'],
    ['an overdue one before a pending one', [d('a', 'pending', 300), d('b', 'overdue', 100)], 'b'],
    ['never a met one', [d('a', 'met', 100), d('b', 'pending', 300)], 'b'],
    ['a required step before an optional one due earlier', [d('a', 'pending', 100, true), d('b', 'pending', 300)], 'b'],
    ['an optional one when nothing else is open', [d('a', 'pending', 100, true), d('b', 'met', 50)], 'a'],
  ])('is %s', (_name, deadlines, ruleId) => {
    expect(mostUrgentDeadline(deadlines)?.ruleId).toBe(ruleId);
  });

  it('is undefined when everything is done', () => {
    expect(mostUrgentDeadline([d('a', 'met', 1), d('b', 'met-late', 2)])).toBeUndefined();
  });
});
