/** The next action on a case follows the procedure, then the most urgent deadline. */
import { describe, expect, it } from 'vitest';
import { nextStepOf, replay, type CaseEvent } from '../../../lib/cases';
import { getBuiltInProfile, type PolicyProfile } from '../../../lib/policy';
import { CAPTURE, china, cst, logFor } from './helpers';

function profile(id: string): PolicyProfile {
  const p = getBuiltInProfile(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
}

const log = logFor();
log.add('captured', '2024-09-09 09:00', CAPTURE);
log.add('claimed', '2024-09-09 09:30', { department: '市住建局' });
log.add('assessed', '2024-09-09 10:00', { tier: 'general', category: 'petition', department: '市住建局' });
log.add('reported', '2024-09-09 11:00', {});
log.add('investigation-report', '2024-09-13 16:00', { summary: '已核实' });
log.add('responded', '2024-09-18 10:00', { channel: '政民互动' });
log.add('follow-up', '2024-09-20 10:00', { result: 'stable' });
log.add('closed', '2024-09-20 11:00', {});

function upTo(at: string): CaseEvent[] {
  return log.events.filter((e) => e.at <= cst(at));
}

describe('the next step of a Xuancheng case', () => {
  it.each([
    ['2024-09-09 09:10', 'claim', '认领', undefined],
    ['2024-09-09 09:40', 'assess', '研判', undefined],
    ['2024-09-09 10:10', 'first-report', '上报(报送本单位领导,抄送市信息办)', '2024-09-09 11:30:00.000'],
    ['2024-09-09 11:10', 'investigation-report', '核实调查报告', '2024-09-14 23:59:59.999'],
    ['2024-09-13 16:10', 'reply', '回应(政民互动·网络新闻发言人)', '2024-09-19 23:59:59.999'],
    ['2024-09-18 10:10', 'follow-up', '跟踪', undefined],
    ['2024-09-20 10:10', 'close', '办结', undefined],
  ])('at %s is %s (%s)', (now, step, label, limit) => {
    const next = nextStepOf(replay(upTo(now)), profile('xuancheng-2015'), cst(now));
    expect(next?.step).toBe(step);
    expect(next?.label).toBe(label);
    expect(next?.deadline ? china(next.deadline.limit) : undefined).toBe(limit);
  });

  it('a closed case has no next step', () => {
    expect(nextStepOf(replay(log.events), profile('xuancheng-2015'), cst('2024-09-21 09:00'))).toBeUndefined();
  });
});

describe('the next step of a major law-enforcement case', () => {
  it('is the 30-minute first report with its 20-minute target', () => {
    const major = logFor();
    major.add('captured', '2024-03-04 10:00', CAPTURE);
    major.add('claimed', '2024-03-04 10:01', { department: '市容处' });
    major.add('assessed', '2024-03-04 10:02', { tier: 'major', category: 'bureau', department: '相关责任处室' });
    const next = nextStepOf(replay(major.events), profile('law-enforcement-bureau'), cst('2024-03-04 10:05'));
    expect(next?.step).toBe('first-report');
    expect(next?.deadline && china(next.deadline.limit)).toBe('2024-03-04 10:30:00.000');
    expect(next?.deadline?.target && china(next.deadline.target)).toBe('2024-03-04 10:20:00.000');
  });
});
