// @vitest-environment jsdom
/**
 * The five built-in profiles encode every number and table of POLICIES.md.
 * Each row pins one rule: changing a number in the data fails its row.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROFILES,
  getBuiltInProfile,
  parsePolicyProfile,
  type DeadlineRule,
  type PolicyProfile,
} from '../../../lib/policy';

function profile(id: string): PolicyProfile {
  const found = getBuiltInProfile(id);
  if (!found) throw new Error(`no built-in profile ${id}`);
  return found;
}

function rule(profileId: string, ruleId: string): DeadlineRule {
  const found = profile(profileId).deadlines.find((r) => r.id === ruleId);
  if (!found) throw new Error(`no rule ${ruleId} in ${profileId}`);
  return found;
}

describe('the built-in profiles', () => {
  it('are the five seed documents, with stable ids', () => {
    expect(BUILT_IN_PROFILES.map((p) => p.id)).toEqual([
      'xuancheng-2015',
      'qinzhou-routing',
      'yunhe-2017',
      'law-enforcement-bureau',
      'liaoyuan-emergency',
    ]);
  });

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))('%s passes its own schema and names its source', (_id, p) => {
    expect(parsePolicyProfile(structuredClone(p))).toEqual({ ok: true, value: p });
    expect(p.name).toMatch(/[\u4e00-\u9fff]/);
    expect(p.source).toMatch(/[\u4e00-\u9fff]/);
    expect(p.builtIn).toBe(true);
  });

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))('%s has the four tiers in order, with 重大敏感 / 一般性 mapped', (_id, p) => {
    expect(p.tiers.map((t) => [t.id, t.label])).toEqual([
      ['especially-major', '特别重大'],
      ['major', '重大'],
      ['larger', '较大'],
      ['general', '一般'],
    ]);
    expect(p.tiers.filter((t) => t.aliases.includes('重大敏感')).map((t) => t.id)).toEqual(['especially-major', 'major']);
    expect(p.tiers.filter((t) => t.aliases.includes('一般性')).map((t) => t.id)).toEqual(['larger', 'general']);
  });

  it('cannot be changed in place', () => {
    const xuancheng = profile('xuancheng-2015');
    expect(() => {
      (xuancheng.deadlines[0] as { limit: number }).limit = 99;
    }).toThrow(TypeError);
    expect(xuancheng.deadlines[0]?.limit).toBe(2);
  });

  it('getBuiltInProfile answers undefined for an unknown id', () => {
    expect(getBuiltInProfile('nowhere')).toBeUndefined();
  });
});

describe('deadline rules, one row per number in POLICIES.md', () => {
  it.each<[string, string, string, string, string, number, number | undefined, object]>([
    // Xuancheng 2015
    ['xuancheng-2015', 'first-report-general', 'first-report', 'claimed', 'hours', 2, undefined, { tiers: ['larger', 'general'] }],
    ['xuancheng-2015', 'first-report-major', 'first-report', 'claimed', 'hours', 2, undefined, { tiers: ['especially-major', 'major'] }],
    ['xuancheng-2015', 'investigation-report', 'investigation-report', 'claimed', 'working-days', 5, undefined, { withoutFlags: ['historical-legacy'] }],
    ['xuancheng-2015', 'investigation-report-legacy', 'investigation-report', 'claimed', 'working-days', 15, undefined, { flags: ['historical-legacy'] }],
    ['xuancheng-2015', 'extension-request', 'extension-request', 'claimed', 'working-days', 3, undefined, {}],
    ['xuancheng-2015', 'reply-general', 'reply', 'investigation-report', 'working-days', 3, undefined, { withoutFlags: ['high-attention'] }],
    ['xuancheng-2015', 'reply-high-attention', 'reply', 'investigation-report', 'working-days', 5, undefined, { flags: ['high-attention'] }],
    // Qinzhou routing
    ['qinzhou-routing', 'publish-facts-major-sudden', 'publish-facts', 'claimed', 'hours', 1, undefined, { tiers: ['especially-major', 'major'], flags: ['sudden-event'] }],
    ['qinzhou-routing', 'press-conference-major-casualties', 'press-conference', 'claimed', 'hours', 24, undefined, { tiers: ['especially-major', 'major'], flags: ['sudden-event', 'major-casualties'] }],
    ['qinzhou-routing', 'reply-other', 'reply', 'claimed', 'hours', 48, undefined, { except: { tiers: ['especially-major', 'major'], flags: ['sudden-event'] } }],
    // Yunhe 2017
    ['yunhe-2017', 'press-conference-major-sudden', 'press-conference', 'captured', 'hours', 24, undefined, { tiers: ['especially-major', 'major'], flags: ['sudden-event'] }],
    ['yunhe-2017', 'reply-other', 'reply', 'captured', 'hours', 48, undefined, { except: { tiers: ['especially-major', 'major'], flags: ['sudden-event'] } }],
    // Law-enforcement bureau
    ['law-enforcement-bureau', 'first-report-general', 'first-report', 'captured', 'hours', 1, undefined, { tiers: ['larger', 'general'] }],
    ['law-enforcement-bureau', 'written-report-general', 'written-report', 'captured', 'hours', 2, undefined, { tiers: ['larger', 'general'] }],
    ['law-enforcement-bureau', 'first-report-major', 'first-report', 'captured', 'minutes', 30, 20, { tiers: ['especially-major', 'major'] }],
    ['law-enforcement-bureau', 'written-report-major', 'written-report', 'captured', 'minutes', 90, 40, { tiers: ['especially-major', 'major'] }],
  ])('%s %s: %s from %s, %s limit %s target %s', (profileId, ruleId, step, from, clock, limit, target, appliesTo) => {
    const r = rule(profileId, ruleId);
    expect({ step: r.step, from: r.from, clock: r.clock, limit: r.limit, target: r.target, appliesTo: r.appliesTo }).toEqual({
      step,
      from,
      clock,
      limit,
      target,
      appliesTo,
    });
  });

  it.each([
    ['xuancheng-2015', 7],
    ['qinzhou-routing', 3],
    ['yunhe-2017', 2],
    ['law-enforcement-bureau', 4],
    ['liaoyuan-emergency', 0],
  ])('%s has exactly %i deadline rules (no invented numbers)', (id, count) => {
    expect(profile(id).deadlines).toHaveLength(count);
  });

  it('the extension request is moot once the investigation report is in', () => {
    expect(rule('xuancheng-2015', 'extension-request').supersededBy).toBe('investigation-report');
  });

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))('%s sets no claim window: no document gives the number', (_id, p) => {
    expect(p.claimWindow).toBeNull();
  });

  it('Xuancheng says why its claim window is open', () => {
    expect(profile('xuancheng-2015').notes.join('\n')).toMatch(/逾期未认领.*没有给出认领时限/);
  });
});

describe('routing, copying and patrols', () => {
  it.each([
    ['民生热点·就业', '市就业行业主管部门'],
    ['民生热点·食品药品安全', '市食品药品安全行业主管部门'],
    ['民生热点·公共基础设施建设', '市公共基础设施建设行业主管部门'],
    ['社情民意', '市信访局'],
    ['对外宣传', '市委宣传部'],
    ['社会稳定', '市公安局'],
    ['涉外', '市外侨办'],
    ['应急管理', '市应急办'],
    ['其他', '市人民政府办公室'],
  ])('Qinzhou routes %s to %s', (name, department) => {
    expect(profile('qinzhou-routing').categories.find((c) => c.name === name)?.department).toBe(department);
  });

  it('Qinzhou covers all ten livelihood sectors and defaults to the government office', () => {
    const p = profile('qinzhou-routing');
    expect(p.categories.filter((c) => c.name.startsWith('民生热点')).map((c) => c.name.slice(5))).toEqual([
      '就业', '住房', '教育', '卫生计生', '质监', '食品药品安全', '价格', '扶贫', '移民搬迁', '公共基础设施建设',
    ]);
    expect(p.categories.find((c) => c.id === p.defaultCategory)?.department).toBe('市人民政府办公室');
  });

  it.each([
    ['xuancheng-2015', ['市信息办']],
    ['qinzhou-routing', ['市政务公开工作领导小组办公室', '市新闻办', '市网信办']],
    ['law-enforcement-bureau', ['局办公室']],
  ])('%s copies every report to %j', (id, cc) => {
    expect(profile(id).ccList).toEqual(cc);
  });

  it.each([
    ['county', '县(市、区)政府办或政府职能部门'],
    ['city', '市政府相关部门(按职责分工)'],
    ['several', '市信息办'],
    ['unclear', '市信息办指定认领'],
  ])('Xuancheng routes a %s case to %s', (level, responsible) => {
    expect(profile('xuancheng-2015').routing.find((r) => r.level === level)?.responsible).toBe(responsible);
  });

  it.each([
    ['county', '属地综合执法(分)局'],
    ['city', '承办处室(分管领导审核)'],
    ['unclear', '指定处室或属地综合执法(分)局协同办理'],
  ])('the law-enforcement bureau routes a %s case to %s', (level, responsible) => {
    expect(profile('law-enforcement-bureau').routing.find((r) => r.level === level)?.responsible).toBe(responsible);
  });

  it('Yunhe routes townships, several townships, several departments and 特别重大', () => {
    const routing = profile('yunhe-2017').routing;
    expect(routing.map((r) => [r.level, r.responsible])).toEqual([
      ['county', '县政府主管部门'],
      ['township', '涉事乡镇(街道)'],
      ['several', '县政府主管部门'],
      ['several', '相关部门按职责分工(必要时确定牵头部门)'],
      ['county', '县政府主要领导和分管领导指导、协调、督促'],
    ]);
    expect(routing[4]?.tiers).toEqual(['especially-major']);
  });

  it('Yunhe lists the five must-respond criteria', () => {
    expect(profile('yunhe-2017').mustRespondCriteria.map((c) => c.text)).toEqual([
      '对重大政策措施存在误解误读的',
      '涉及公众切身利益且产生较大影响的',
      '涉及民生领域严重冲击社会道德底线的',
      '涉及突发事件处置和自然灾害应对的',
      '上级政府要求下级政府主动回应的',
    ]);
  });

  it('Xuancheng patrols three slots a day, hourly in office hours, every 2 hours nights (until 24:00) and holidays', () => {
    const patrol = profile('xuancheng-2015').patrol;
    expect(patrol.slots).toEqual(['上午', '下午', '晚上']);
    expect(patrol.intervals).toEqual([
      { when: 'working-hours', everyMinutes: 60 },
      { when: 'off-hours', everyMinutes: 120, until: '24:00' },
      { when: 'holiday', everyMinutes: 120 },
    ]);
  });

  it('Xuancheng patrols its four city forums and six outside portals', () => {
    const sources = profile('xuancheng-2015').sources;
    expect(sources.filter((s) => s.kind === 'local-forum').map((s) => s.name)).toEqual(['宣城论坛', '宣城社区论坛', '南宣论坛', '宣城十八巷论坛']);
    expect(sources.filter((s) => s.kind === 'portal').map((s) => s.name)).toEqual(['人民网', '凤凰网', '网易', '新浪', '搜狐', '天涯论坛']);
  });

  it('Xuancheng replies on 政民互动 with a link to the source post, and is bulletined quarterly on claim, handling and response', () => {
    const p = profile('xuancheng-2015');
    expect(p.response.channels[0]).toContain('政民互动');
    expect(p.response.linkToSource).toBe(true);
    expect(p.oversight).toEqual({ bulletin: 'quarterly', scored: ['claim', 'handle', 'respond'] });
  });

  it('Liaoyuan reports emergency-management cases through the bureau office', () => {
    const p = profile('liaoyuan-emergency');
    expect(p.categories.find((c) => c.id === 'emergency')?.department).toBe('市局办公室');
    expect(p.response.guidance[0]).toBe('谁主管谁发声、谁处置谁发声');
  });
});
