// @vitest-environment jsdom
/**
 * Deadline notifications: each warning threshold of each step notifies
 * once, the limit passing is an overdue alert, and a worker that slept
 * through several thresholds shows only the latest.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../lib/calendar';
import { deadlinesOf, replay, type Deadline } from '../../../lib/cases';
import { alertKey, dueAlerts, type AlertCase } from '../../../lib/alerts';
import { getBuiltInProfile, type PolicyProfile } from '../../../lib/policy';
import { capture, caseLog, cst } from '../report/log';

/** A four-hour 核实调查报告 window, 08:00–12:00 on 9 Oct 2026. */
/** The alert key of the report step's window (limit 12:00) at `fraction`. */
const K = (fraction: number) => alertKey('case-1', 'investigation-report', cst('2026-10-09 12:00'), fraction);

function report(overrides: Partial<Deadline> = {}): Deadline {
  return {
    ruleId: 'investigation-report',
    step: 'investigation-report',
    label: '核实调查报告',
    startedAt: cst('2026-10-09 08:00'),
    limit: cst('2026-10-09 12:00'),
    status: 'pending',
    provisional: false,
    extended: false,
    optional: false,
    ...overrides,
  };
}

function one(deadline: Deadline, caseId = 'case-1', title = '小区停水三天无人管'): AlertCase[] {
  return [{ caseId, title, deadlines: [deadline] }];
}

const WARN_AT = [0.5, 0.75, 1];

function xuancheng(): PolicyProfile {
  const profile = getBuiltInProfile('xuancheng-2015');
  if (!profile) throw new Error('missing xuancheng-2015');
  return profile;
}

describe('warning thresholds of an open step', () => {
  it.each([
    ['2026-10-09 09:59', undefined, undefined, undefined, undefined],
    [
      '2026-10-09 10:00',
      0.5,
      'warning',
      '“核实调查报告”时限已用去 50%',
      '小区停水三天无人管:剩余 2小时0分(时限 10月9日 12:00)',
    ],
    [
      '2026-10-09 11:30',
      0.75,
      'warning',
      '“核实调查报告”时限已用去 75%',
      '小区停水三天无人管:剩余 30分钟(时限 10月9日 12:00)',
    ],
    [
      '2026-10-09 12:00',
      0.75,
      'warning',
      '“核实调查报告”时限已用去 75%',
      '小区停水三天无人管:剩余 0分钟(时限 10月9日 12:00)',
    ],
    [
      '2026-10-09 13:30',
      1,
      'overdue',
      '“核实调查报告”已超过时限',
      '小区停水三天无人管:超期 1小时30分(时限 10月9日 12:00)',
    ],
  ])('at %s the alert is for %s (%s): %s — %s', (now, fraction, level, title, message) => {
    const status = cst(now) > cst('2026-10-09 12:00') ? 'overdue' : 'pending';
    const alerts = dueAlerts({ cases: one(report({ status })), alreadySent: new Set(), now: cst(now), warnAt: WARN_AT });
    if (fraction === undefined) {
      expect(alerts).toEqual([]);
      return;
    }
    expect(alerts).toEqual([
      {
        key: alertKey('case-1', 'investigation-report', cst('2026-10-09 12:00'), fraction),
        caseId: 'case-1',
        ruleId: 'investigation-report',
        fraction,
        limit: cst('2026-10-09 12:00'),
        title,
        message,
        level,
      },
    ]);
  });

  it.each([
    // already sent, now, what is shown
    [[], '2026-10-09 11:30', [K(0.75)]],
    [[K(0.5)], '2026-10-09 11:30', [K(0.75)]],
    [[K(0.75)], '2026-10-09 11:30', []],
    [[K(0.75)], '2026-10-09 11:59', []],
    [[K(0.75)], '2026-10-09 12:01', [K(1)]],
    [[K(1)], '2026-10-09 18:00', []],
  ])('with %j already sent, at %s it shows %j', (sent, now, keys) => {
    const status = cst(now) > cst('2026-10-09 12:00') ? 'overdue' : 'pending';
    const alerts = dueAlerts({ cases: one(report({ status })), alreadySent: new Set(sent), now: cst(now), warnAt: WARN_AT });
    expect(alerts.map((alert) => alert.key)).toEqual(keys);
  });

  it.each([
    [[0.9], '2026-10-09 11:30', []],
    [[0.9], '2026-10-09 11:40', [K(0.9)]],
    [[0.9], '2026-10-09 12:01', [K(1)]],
    [[0.25, 0.5], '2026-10-09 09:00', [K(0.25)]],
  ])('the office’s own thresholds %j at %s give %j (the limit always notifies)', (warnAt, now, keys) => {
    const status = cst(now) > cst('2026-10-09 12:00') ? 'overdue' : 'pending';
    const alerts = dueAlerts({ cases: one(report({ status })), alreadySent: new Set(), now: cst(now), warnAt });
    expect(alerts.map((alert) => alert.key)).toEqual(keys);
  });

  it.each([['met' as const], ['met-late' as const]])('a %s step notifies nothing', (status) => {
    const done = report({ status, doneAt: cst('2026-10-09 11:00') });
    expect(dueAlerts({ cases: one(done), alreadySent: new Set(), now: cst('2026-10-09 13:00'), warnAt: WARN_AT })).toEqual([]);
  });

  it.each([[[0]], [[1.5]], [[-0.5]], [[Number.NaN]]])('refuses thresholds %j', (warnAt) => {
    expect(() => dueAlerts({ cases: one(report()), alreadySent: new Set(), now: cst('2026-10-09 10:00'), warnAt })).toThrow(
      RangeError,
    );
  });

  it('keys are stable: the same case, rule and threshold', () => {
    expect(alertKey('case-9', 'reply-general', 1_800_000_000_000, 0.75)).toBe('case-9|reply-general|1800000000000|0.75');
  });
});

describe('several cases', () => {
  it('puts overdue first, then the earliest limit', () => {
    const cases: AlertCase[] = [
      { caseId: 'late', title: '甲', deadlines: [report({ limit: cst('2026-10-09 11:00'), status: 'overdue' })] },
      {
        caseId: 'soon',
        title: '乙',
        deadlines: [report({ ruleId: 'first-report-general', label: '上报', limit: cst('2026-10-09 12:30') })],
      },
      { caseId: 'sooner', title: '丙', deadlines: [report()] },
      { caseId: 'later-overdue', title: '丁', deadlines: [report({ limit: cst('2026-10-09 11:30'), status: 'overdue' })] },
    ];
    const alerts = dueAlerts({ cases, alreadySent: new Set(), now: cst('2026-10-09 11:45'), warnAt: WARN_AT });
    expect(alerts.map((alert) => [alert.caseId, alert.level])).toEqual([
      ['late', 'overdue'],
      ['later-overdue', 'overdue'],
      ['sooner', 'warning'],
      ['soon', 'warning'],
    ]);
  });
});

describe('with deadlines from the claim log across National Day 2026', () => {
  // Claimed on 30 Sep: the 5 working days skip the 1–7 Oct holiday and count the adjusted Saturday 10 Oct,
  // so the report is due at the end of 13 Oct.
  const policy = xuancheng();
  const calendar = createCalendar();
  const state = replay(
    caseLog('national-day')
      .add('captured', '2026-09-30 09:00', capture('景区门票乱收费'))
      .add('claimed', '2026-09-30 09:00', { department: '市文旅局' }).events,
  );
  function alertsAt(now: string, sent: string[] = []) {
    const at = cst(now);
    const deadlines = deadlinesOf(state, policy, at, { calendar });
    return dueAlerts({
      cases: [{ caseId: state.caseId, title: state.capture.title, deadlines }],
      alreadySent: new Set(sent),
      now: at,
      warnAt: WARN_AT,
    });
  }

  it.each([
    // now, alerts as [rule, fraction]
    ['2026-10-02 12:00', []],
    ['2026-10-06 12:00', [['extension-request', 0.5]]],
    ['2026-10-08 12:00', [['extension-request', 0.75], ['investigation-report', 0.5]]],
    ['2026-10-10 18:00', [['extension-request', 0.75], ['investigation-report', 0.75]]],
    ['2026-10-11 09:00', [['extension-request', 1], ['investigation-report', 0.75]]],
    ['2026-10-14 00:00', [['extension-request', 1], ['investigation-report', 1]]],
  ])('at %s: %j', (now, expected) => {
    expect(alertsAt(now).map((alert) => [alert.ruleId, alert.fraction])).toEqual(expected);
  });

  it('shows the limit in China time', () => {
    const report = alertsAt('2026-10-14 09:00').find((alert) => alert.ruleId === 'investigation-report');
    expect(report?.message).toBe('景区门票乱收费:超期 9小时0分(时限 10月13日 23:59)');
  });
});

describe('a step given a new window', () => {
  it('warns again after an extension moved its limit, though the old window already warned', () => {
    const extended = report({ startedAt: cst('2026-10-09 08:00'), limit: cst('2026-10-09 20:00'), extended: true });
    const alerts = dueAlerts({ cases: one(extended), alreadySent: new Set([K(0.75), K(1)]), now: cst('2026-10-09 17:00'), warnAt: [0.5, 0.75, 1] });
    expect(alerts.map((a) => a.key)).toEqual([alertKey('case-1', 'investigation-report', cst('2026-10-09 20:00'), 0.75)]);
  });
});
