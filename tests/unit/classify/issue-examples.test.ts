import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../lib/classify';
import { getBuiltInProfile, PolicyProfileSchema } from '../../../lib/policy';

const xuancheng = getBuiltInProfile('xuancheng-2015')!;
const qinzhou = getBuiltInProfile('qinzhou-routing')!;
const yunhe = getBuiltInProfile('yunhe-2017')!;

describe('the suggestion reads negations and refutations (issue 12)', () => {
  it('does not grade “事故未造成人员伤亡” as a casualty event', () => {
    const s = suggestAssessment('今天上午城南路口发生一起交通事故，未造成人员伤亡', xuancheng);
    expect(s.tier).toBe('general');
    expect(s.flags).not.toContain('major-casualties');
    expect(s.reasons.join()).toContain('未造成人员伤亡');
  });

  it('flags a refuted rumour 谣言 instead of grading the bridge collapse it denies', () => {
    const s = suggestAssessment('网传大桥坍塌系谣言', xuancheng);
    expect(s.tier).toBe('general');
    expect(s.flags).toContain('rumour');
    expect(s.flags).not.toContain('sudden-event');
    expect(s.reasons[0]).toContain('网传大桥坍塌');
    expect(s.reasons[0]).toContain('系谣言');
  });

  it('routes a refuted rumour to the Yunhe rumour category (hand over to police / network regulator)', () => {
    const s = suggestAssessment('网传我县化工厂爆炸死亡数十人，经核实，该信息不实', yunhe);
    expect(s.flags).toContain('rumour');
    expect(s.tier).toBe('general');
    expect(s.category).toBe('rumour');
    expect(s.department).toBe('公安机关、网络监管部门');
  });

  it('keeps “经核实” that confirms a fact from refuting it', () => {
    const s = suggestAssessment('经核实，事故造成3人死亡', xuancheng);
    expect(s.flags).not.toContain('rumour');
    expect(s.tier).toBe('larger');
  });
});

describe('the suggestion reads figures as people write them (issue 12)', () => {
  it('tells 12 miners killed (重大) from 1 death (一般)', () => {
    expect(suggestAssessment('某煤矿发生透水事故，12名矿工遇难', xuancheng).tier).toBe('major');
    expect(suggestAssessment('某煤矿发生透水事故，1人死亡', xuancheng).tier).toBe('general');
  });

  it('reads Chinese numerals, 余 and 数十', () => {
    expect(suggestAssessment('客车侧翻致二十九人死亡', xuancheng).tier).toBe('major');
    expect(suggestAssessment('山体滑坡，三十余人遇难', xuancheng).tier).toBe('especially-major');
    expect(suggestAssessment('商场火灾造成数十人受伤', xuancheng).tier).toBe('larger');
  });

  it('reads “2死3伤” and “死亡人数升至10人”', () => {
    const twoDead = suggestAssessment('高速连环追尾2死3伤', xuancheng);
    expect(twoDead.tier).toBe('general');
    expect(twoDead.reasons.join()).toContain('死亡2人');
    expect(suggestAssessment('化工厂爆炸事故死亡人数升至10人', xuancheng).tier).toBe('major');
  });

  it('grades a direct loss of 2000万元 较大 and 1.2亿元 特别重大', () => {
    expect(suggestAssessment('仓库起火，直接经济损失约2000万元', xuancheng).tier).toBe('larger');
    expect(suggestAssessment('洪水冲毁堤坝，直接经济损失1.2亿元', xuancheng).tier).toBe('especially-major');
  });

  it('includes the bound: “30人以上” means 30 is 特别重大', () => {
    expect(suggestAssessment('事故造成30人死亡', xuancheng).tier).toBe('especially-major');
    expect(suggestAssessment('事故造成3人死亡', xuancheng).tier).toBe('larger');
  });

  it('counts replies and views, from the page or the text', () => {
    const quiet = suggestAssessment('开发区一工厂排放黑烟', xuancheng, { replies: 12, views: 300 });
    const loud = suggestAssessment('开发区一工厂排放黑烟', xuancheng, { replies: 1500 });
    expect(quiet.tier).toBe('general');
    expect(loud.tier).toBe('larger');
    expect(loud.flags).toContain('high-attention');
    expect(suggestAssessment('视频浏览量已超过100万次', xuancheng).tier).toBe('major');
  });

  it('raises the tier when replies grow fast between two re-checks', () => {
    const s = suggestAssessment('开发区一工厂排放黑烟', xuancheng, { replies: 600, previous: { replies: 150 } });
    expect(s.tier).toBe('larger');
    expect(s.reasons.join()).toContain('由150条增至600条');
  });

  it('raises the tier when central media or a hot search is involved', () => {
    expect(suggestAssessment('央视曝光本市一食品厂使用过期原料', qinzhou).tier).toBe('major');
    expect(suggestAssessment('“天价停车费”登上微博热搜', qinzhou).tier).toBe('larger');
  });
});

describe('the category comes from keywords and the subject (issue 12)', () => {
  const canteen = '实验小学食堂十二名学生午饭后呕吐，疑似食物中毒送医';

  it('routes twelve students poisoned in a school canteen to food safety, not 其他', () => {
    const s = suggestAssessment(canteen, qinzhou);
    expect(s.category).toBe('livelihood-food-drug');
    expect(s.tier).toBe('larger');
    expect(s.categoryWords).toEqual(expect.arrayContaining(['食堂', '中毒']));
    expect(s.reasons.at(-1)).toContain('食堂');
  });

  it('routes it to 应急管理 in a profile with neither food safety nor education', () => {
    const s = suggestAssessment(canteen, xuancheng);
    expect(s.category).toBe('emergency');
    expect(s.reasons.at(-1)).toContain('主题“');
  });
});

describe('tier criteria are profile data', () => {
  it('gives every built-in profile the national grading as its default', () => {
    const deaths = xuancheng.tierCriteria.thresholds.find((rule) => rule.measure === 'deaths')!;
    expect(deaths.levels.map((level) => [level.tier, level.atLeast])).toEqual([
      ['especially-major', 30],
      ['major', 10],
      ['larger', 3],
    ]);
    expect(deaths.source).toContain('第三条');
  });

  it('follows an office’s edited thresholds', () => {
    const strict = PolicyProfileSchema.parse({
      ...structuredClone(xuancheng),
      id: 'strict-copy',
      builtIn: false,
      tierCriteria: {
        ...structuredClone(xuancheng.tierCriteria),
        thresholds: [{ measure: 'deaths', levels: [{ tier: 'major', atLeast: 1 }] }],
      },
    });
    expect(suggestAssessment('工地1人死亡', strict).tier).toBe('major');
    expect(suggestAssessment('工地1人死亡', xuancheng).tier).toBe('general');
  });
});
