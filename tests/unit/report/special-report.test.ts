import { describe, expect, it } from 'vitest';
import { deadlinesOf, replay } from '../../../lib/cases';
import { getBuiltInProfile } from '../../../lib/policy';
import { buildDailyLog, buildSpecialReport, specialReportText } from '../../../lib/report';
import { CAPTURE, cst, logFor } from '../cases/helpers';

const xuancheng = getBuiltInProfile('xuancheng-2015')!;

function assessedCase() {
  const log = logFor('case-1');
  log.add('captured', '2024-09-09 09:00', { ...CAPTURE, siteName: '宣城论坛', replies: 120, views: 3400 });
  log.add('claimed', '2024-09-09 09:30', { department: '市住建局', level: 'city' });
  log.add('assessed', '2024-09-09 09:40', {
    tier: 'general',
    category: 'petition',
    department: '市住建局',
    flags: ['historical-legacy'],
    mustRespondCriteria: [],
    reasons: ['关键词“投诉”属于“社情民意”'],
  });
  return log;
}

describe('舆情专报 from the claim log', () => {
  it('fills 报送单位, 时间, 来源, 摘要, 研判 and 处置建议 from the case and the profile', () => {
    const log = assessedCase();
    const state = replay(log.events);
    const now = cst('2024-09-09 10:00');
    const report = buildSpecialReport(state, { office: '市住建局', now, deadlines: deadlinesOf(state, xuancheng, now), policy: xuancheng });
    expect(report.title).toBe('关于“某小区停水三天无人管”的舆情专报');
    expect(report.office).toBe('市住建局');
    expect(report.issuedAt).toBe('2024-09-09 10:00');
    expect(report.source).toMatchObject({ site: '宣城论坛', author: '网友甲', publishedAt: '2024-09-09 08:30', capturedAt: '2024-09-09 09:00' });
    expect(report.summary).toBe(CAPTURE.excerpt);
    expect(report.assessment).toEqual({
      tier: '一般',
      category: '社情民意',
      department: '市住建局',
      flags: ['历史遗留问题'],
      reasons: ['关键词“投诉”属于“社情民意”'],
    });
    // Historical legacy: the investigation report is due 15 working days after the claim (宣政办秘〔2015〕1号).
    expect(report.proposals.join('\n')).toContain('核实调查报告');
    expect(report.proposals.join('\n')).toContain('2024-09-30');
    expect(report.cc).toEqual([...xuancheng.ccList]);
  });

  it('reads as plain text ready to copy', () => {
    const state = replay(assessedCase().events);
    const now = cst('2024-09-09 10:00');
    const text = specialReportText(buildSpecialReport(state, { office: '市住建局', now, deadlines: deadlinesOf(state, xuancheng, now), policy: xuancheng }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('舆情专报');
    expect(text).toContain('报送单位：市住建局');
    expect(text).toContain('来源：宣城论坛，发帖人网友甲，发布于2024-09-09 08:30，2024-09-09 09:00采集，跟帖120、浏览3400');
    expect(text).toContain('研判：一般；社情民意；归口市住建局；历史遗留问题');
    expect(text).toContain(`链接：${CAPTURE.url}`);
    expect(text).toMatch(/处置建议：\n {2}1\. /);
  });
});

describe('舆情日志 of one day', () => {
  it('lists the cases captured or acted on that day, with what was done', () => {
    const first = assessedCase();
    const second = logFor('case-2');
    second.add('captured', '2024-09-08 16:00', { ...CAPTURE, title: '路灯不亮', postId: '2' });
    second.add('claimed', '2024-09-09 08:10', { department: '市城管局', level: 'city' });
    const old = logFor('case-3');
    old.add('captured', '2024-09-01 16:00', { ...CAPTURE, title: '旧帖', postId: '3' });
    const log = buildDailyLog([replay(first.events), replay(second.events), replay(old.events)], {
      office: '市信息办',
      dayStart: cst('2024-09-09 00:00'),
      day: '2024-09-09',
      now: cst('2024-09-09 18:00'),
      policy: xuancheng,
    });
    expect(log.title).toBe('舆情日志（2024-09-09）');
    expect(log.entries.map((e) => [e.title, e.actions.join('、'), e.status])).toEqual([
      ['路灯不亮', '认领', '已认领'],
      ['某小区停水三天无人管', '采集、认领、研判', '已研判'],
    ]);
    expect(log.totals).toBe('共2件：认领2件，采集1件，研判1件');
  });
});
