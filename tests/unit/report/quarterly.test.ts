// @vitest-environment jsdom
/**
 * The quarterly bulletin (季度通报) of Xuancheng 2015: which cases count in
 * the quarter, how each department claimed, handled and responded, and the
 * text the office pastes into its notice.
 */
import { useProcessTimeZone } from '../../support/process-time-zone';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../lib/cases';
import { getBuiltInProfile, type PolicyProfile } from '../../../lib/policy';
import {
  bulletinText,
  quarterBounds,
  quarterOf,
  quarterlyStats,
  UNCLAIMED_DEPARTMENT,
  type QuarterlyStats,
} from '../../../lib/report';
import { capture, caseLog, cst } from './log';

function xuancheng(): PolicyProfile {
  const profile = getBuiltInProfile('xuancheng-2015');
  if (!profile) throw new Error('missing xuancheng-2015');
  return profile;
}

const Q4_2026 = { year: 2026, quarter: 4 } as const;
const QUARTER_END = quarterBounds(2026, 4).end;

/** A quarter's worth of cases, each showing one thing the bulletin must count. */
function quarterLog(): CaseEvent[] {
  // Claimed by the information office, assessed as 住建局's: counts for 住建局, claimed on its own,
  // answered in time across the adjusted working Saturday 10 Oct; reopened only next year.
  const onTime = caseLog('a-on-time')
    .add('captured', '2026-10-09 09:00', capture('小区停水三天无人管', '1'))
    .add('claimed', '2026-10-09 09:30', { department: '市信息办' })
    .add('assessed', '2026-10-09 09:40', { tier: 'general', category: 'other', department: '市住建局' })
    .add('reported', '2026-10-09 10:00', { channel: 'log' })
    .add('investigation-report', '2026-10-12 16:00', { summary: '已恢复供水' })
    .add('responded', '2026-10-13 10:00', { channel: '网络新闻发言人' })
    .add('closed', '2026-10-20 10:00', {})
    .add('reopened', '2027-01-05 10:00', { reason: '再次停水' });
  // Reported an hour late and answered after the 3 working days: two missed steps, a late response.
  const late = caseLog('b-late', '市住建局')
    .add('captured', '2026-11-02 09:00', capture('老旧小区加装电梯进展缓慢', '2'))
    .add('claimed', '2026-11-02 09:10', { department: '市住建局' })
    .add('assessed', '2026-11-02 09:20', { tier: 'general', category: 'other', department: '市住建局' })
    .add('reported', '2026-11-02 12:30', { channel: 'log' })
    .add('investigation-report', '2026-11-03 15:00', { summary: '正在推进' })
    .add('responded', '2026-11-10 09:00', { channel: '网络新闻发言人' });
  // Nobody claimed it, so the information office assigned it; the investigation report is still missing.
  // Its early "response" came before anyone owned the case and is rejected.
  const assigned = caseLog('c-assigned')
    .add('captured', '2026-12-01 10:00', capture('夜市占道经营扰民', '3'))
    .add('responded', '2026-12-01 11:00', { channel: '网络新闻发言人' })
    .add('assigned', '2026-12-02 09:00', { department: '市公安局', reason: '逾期未认领' });
  const unclaimed = caseLog('d-unclaimed').add('captured', '2026-12-20 10:00', capture('公交线路调整', '4'));
  // Late on New Year's Eve in China is still the fourth quarter, whatever the UTC date.
  const lastMinute = caseLog('f-last-minute').add('captured', '2026-12-31 23:30', capture('跨年烟花', '6'));
  const nextYear = caseLog('g-next-year').add('captured', '2027-01-01 00:10', capture('元旦停车难', '7'));
  // Captured in the third quarter: not this quarter's case, even though it was claimed in October.
  const lastQuarter = caseLog('e-last-quarter')
    .add('captured', '2026-09-30 23:59', capture('国庆景区拥堵', '5'))
    .add('claimed', '2026-10-08 09:00', { department: '市文旅局' });
  return [onTime, late, assigned, unclaimed, lastMinute, nextYear, lastQuarter].flatMap((log) => log.events);
}

function stats(events = quarterLog(), now = QUARTER_END): QuarterlyStats {
  return quarterlyStats(events, xuancheng(), { quarter: Q4_2026, now });
}

describe('which quarter an instant belongs to (China time)', () => {
  const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
  describe.each(zones)('with the machine in %s', (zone) => {
    useProcessTimeZone(zone);

    it('really runs in that zone', () => {
      const offsets: Record<string, number> = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420 };
      expect(new Date(cst('2026-10-01 12:00')).getTimezoneOffset()).toBe(offsets[zone]);
    });

    it.each([
      ['2026-01-01 00:00', 2026, 1, '2025-12-31T16:00:00.000Z', '2026-03-31T15:59:59.999Z'],
      ['2026-03-31 23:59', 2026, 1, '2025-12-31T16:00:00.000Z', '2026-03-31T15:59:59.999Z'],
      ['2026-04-01 00:00', 2026, 2, '2026-03-31T16:00:00.000Z', '2026-06-30T15:59:59.999Z'],
      ['2026-10-01 07:00', 2026, 4, '2026-09-30T16:00:00.000Z', '2026-12-31T15:59:59.999Z'],
      ['2026-12-31 23:59', 2026, 4, '2026-09-30T16:00:00.000Z', '2026-12-31T15:59:59.999Z'],
      ['2027-01-01 00:00', 2027, 1, '2026-12-31T16:00:00.000Z', '2027-03-31T15:59:59.999Z'],
    ])('%s (China) is %i Q%i, from %s to %s', (time, year, quarter, start, end) => {
      expect(quarterOf(cst(time))).toEqual({ year, quarter, start: Date.parse(start), end: Date.parse(end) });
    });

    it('gives the same bulletin figures', () => {
      expect(stats().totals.cases).toBe(5);
    });
  });

  it.each([[2026, 0], [2026, 5], [2026.5, 1], [Number.NaN, 1]])('refuses year %s quarter %s', (year, quarter) => {
    expect(() => quarterBounds(year, quarter)).toThrow(RangeError);
  });

  it('refuses an instant that is not a number', () => {
    expect(() => quarterOf(Number.NaN)).toThrow(RangeError);
  });
});

describe('the quarter’s figures per responsible department', () => {
  it('lists departments by cases, then name', () => {
    expect(stats().departments.map((row) => [row.department, row.cases])).toEqual([
      ['市住建局', 2],
      [UNCLAIMED_DEPARTMENT, 2],
      ['市公安局', 1],
    ]);
  });

  it.each([
    // department, cases, claimed, assigned, unclaimed, responded, on time, late, missed steps, closed
    ['市住建局', 2, 2, 0, 0, 2, 1, 1, 2, 1],
    ['市公安局', 1, 0, 1, 0, 0, 0, 0, 1, 0],
    [UNCLAIMED_DEPARTMENT, 2, 0, 0, 2, 0, 0, 0, 0, 0],
  ])(
    '%s: %i cases, %i claimed, %i assigned, %i unclaimed, %i responded (%i on time, %i late), %i missed steps, %i closed',
    (department, cases, claimed, assigned, unclaimed, responded, respondedOnTime, respondedLate, overdueSteps, closed) => {
      const row = stats().departments.find((r) => r.department === department);
      expect(row).toMatchObject({
        cases,
        claimed,
        assigned,
        unclaimed,
        responded,
        respondedOnTime,
        respondedLate,
        overdueSteps,
        closed,
      });
    },
  );

  it('adds up the office totals and rates', () => {
    expect(stats().totals).toEqual({
      cases: 5,
      claimed: 2,
      assigned: 1,
      unclaimed: 2,
      responded: 2,
      respondedOnTime: 1,
      respondedLate: 1,
      overdueSteps: 3,
      closed: 1,
      claimRate: 0.4,
      onTimeRate: 0.5,
    });
  });

  it('says how many events could not be used', () => {
    expect(stats().rejectedEvents).toBe(1);
  });

  it('gives no rates where there is nothing to divide', () => {
    const row = stats().departments.find((r) => r.department === UNCLAIMED_DEPARTMENT);
    expect(row?.claimRate).toBe(0);
    expect(row?.onTimeRate).toBeNull();
    const empty = quarterlyStats([], xuancheng(), { quarter: Q4_2026, now: QUARTER_END });
    expect(empty.totals.claimRate).toBeNull();
    expect(empty.departments).toEqual([]);
  });

  it('is the same whatever order the officers’ logs were merged in', () => {
    const events = quarterLog();
    expect(stats([...events].reverse())).toEqual(stats(events));
    expect(stats([...events, ...events.slice(0, 3)]).totals).toEqual(stats(events).totals);
  });

  it.each([
    // When the figures are taken, and what 住建局 and 公安局 show by then.
    ['2026-11-06 12:00', { responded: 1, respondedOnTime: 1, overdueSteps: 1 }, 0, 2],
    ['2026-11-07 12:00', { responded: 1, respondedOnTime: 1, overdueSteps: 2 }, 0, 2],
    ['2026-12-09 23:00', { responded: 2, respondedOnTime: 1, overdueSteps: 2 }, 0, 3],
    ['2026-12-10 00:00', { responded: 2, respondedOnTime: 1, overdueSteps: 2 }, 1, 3],
  ])('taken at %s: 住建局 %j, 公安局 %i missed steps, %i cases so far', (now, housing, police, cases) => {
    const result = stats(quarterLog(), cst(now));
    expect(result.departments.find((r) => r.department === '市住建局')).toMatchObject(housing);
    expect(result.departments.find((r) => r.department === '市公安局')?.overdueSteps ?? 0).toBe(police);
    expect(result.totals.cases).toBe(cases);
  });
});

describe('the bulletin text', () => {
  it('is ready to paste into the office notice', () => {
    expect(bulletinText(stats(), '宣城市网络政务舆情收集研判和回应(2015)')).toBe(
      [
        '2026年第4季度网络舆情认领处置回应情况通报',
        '统计范围:2026年10月1日至2026年12月31日采集的舆情;数据截至2026年12月31日23:59;依据:宣城市网络政务舆情收集研判和回应(2015)。',
        '一、总体情况:本季度共收集5件,自主认领2件,指定认领1件,未认领2件;回应2件,其中按时回应1件,按时回应率50%;逾期环节3个;办结1件。',
        '二、各单位情况:',
        '1. 市住建局:收集2件,自主认领2件,指定认领0件,未认领0件;回应2件,其中按时回应1件,按时回应率50%;逾期环节2个;办结1件。',
        '2. 未认领:收集2件,自主认领0件,指定认领0件,未认领2件;回应0件,其中按时回应0件,按时回应率—;逾期环节0个;办结0件。',
        '3. 市公安局:收集1件,自主认领0件,指定认领1件,未认领0件;回应0件,其中按时回应0件,按时回应率—;逾期环节1个;办结0件。',
        '说明:有1条记录因顺序或重复无法采用,未计入统计。',
      ].join('\n'),
    );
  });

  it('says so when nothing was captured', () => {
    const empty = quarterlyStats([], xuancheng(), { quarter: { year: 2026, quarter: 1 }, now: cst('2026-04-01 09:00') });
    expect(bulletinText(empty, '宣城')).toContain('二、各单位情况:本季度无采集舆情。');
    expect(bulletinText(empty, '宣城')).toContain('按时回应率—');
  });
});
