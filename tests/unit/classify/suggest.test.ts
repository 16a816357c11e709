import { describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../lib/classify';
import { BUILT_IN_PROFILES, getBuiltInProfile } from '../../../lib/policy';

const xuancheng = getBuiltInProfile('xuancheng-2015')!;

describe('the assessment the desk proposes explains itself', () => {
  it('proposes the general tier for an ordinary complaint, and says why', () => {
    const s = suggestAssessment('江北区白沙镇小区门口垃圾没人清理，向市里投诉了', xuancheng);
    expect(s.tier).toBe('general');
    expect(s.reasons.join()).toContain('一般');
  });

  it('grades deaths by their number, and names the words and the figure', () => {
    const s = suggestAssessment('云溪县河口镇工地坍塌，两人死亡', xuancheng);
    // Two deaths are below the 较大 bound of the national grading (3 or more).
    expect(s.tier).toBe('general');
    expect(s.flags).toContain('sudden-event');
    expect(s.reasons.join()).toContain('两人死亡');
    expect(s.reasons.join()).toContain('死亡2人');
  });

  it('routes by the profile’s category keywords to the responsible department', () => {
    const s = suggestAssessment('桃源街道夜里有人聚集打架，治安太差', xuancheng);
    const category = xuancheng.categories.find((c) => c.id === s.category)!;
    expect(category.department).toBe(s.department);
    expect(s.reasons.at(-1)).toContain(category.department);
  });

  it('marks a problem that has dragged on for years as a historical legacy issue', () => {
    expect(suggestAssessment('这个烂尾楼遗留了十多年至今未解决', xuancheng).flags).toContain('historical-legacy');
  });

  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))('falls back to the default category of %s', (_id, profile) => {
    const s = suggestAssessment('今天天气不错', profile);
    expect(s.category).toBe(profile.defaultCategory);
  });
});

describe('when no category keyword matches', () => {
  it('says so, so the desk keeps the claiming department', () => {
    expect(suggestAssessment('今天天气不错', xuancheng).categoryMatched).toBe(false);
    expect(suggestAssessment('有人聚集打架', xuancheng).categoryMatched).toBe(true);
  });
});
