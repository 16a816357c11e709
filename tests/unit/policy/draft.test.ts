import { describe, expect, it } from 'vitest';
import { applyProfileEdit, copyProfile, getBuiltInProfile, readNumber, removeAtPath, setAtPath, splitWords } from '../../../lib/policy';

const xuancheng = getBuiltInProfile('xuancheng-2015')!;

describe('the profile editor’s draft', () => {
  it('changes one field of a copy and leaves the built-in profile alone', () => {
    const copy = copyProfile(xuancheng, 'my-office', '本办配置');
    const edited = setAtPath(copy, ['deadlines', 2, 'limit'], 7);
    expect(edited.deadlines[2]!.limit).toBe(7);
    expect(copy.deadlines[2]!.limit).toBe(xuancheng.deadlines[2]!.limit);
    expect(applyProfileEdit(copy, edited)).toMatchObject({ ok: true });
  });

  it('is refused with every path and reason, keeping the saved profile', () => {
    const copy = copyProfile(xuancheng, 'my-office', '本办配置');
    let edited = setAtPath(copy, ['deadlines', 0, 'limit'], readNumber('abc'));
    edited = setAtPath(edited, ['tiers', 1, 'label'], '');
    edited = setAtPath(edited, ['tierCriteria', 'thresholds', 0, 'levels', 0, 'atLeast'], -1);
    const result = applyProfileEdit(copy, edited);
    expect(result.ok).toBe(false);
    expect(result.value).toBe(copy);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(
        expect.arrayContaining(['deadlines.0.limit', 'tiers.1.label', 'tierCriteria.thresholds.0.levels.0.atLeast']),
      );
    }
  });

  it('refuses removing the default category', () => {
    const copy = copyProfile(xuancheng, 'my-office', '本办配置');
    const index = copy.categories.findIndex((c) => c.id === copy.defaultCategory);
    const result = applyProfileEdit(copy, removeAtPath(copy, ['categories'], index));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path: 'defaultCategory', message: `no category with id ${copy.defaultCategory}` });
  });

  it('reads keywords typed with Chinese or Latin separators', () => {
    expect(splitWords('食堂、中毒，学校, 学生 ')).toEqual(['食堂', '中毒', '学校', '学生']);
    expect(readNumber('')).toBeUndefined();
  });
});
