// @vitest-environment jsdom
/** A user copies a built-in profile, edits the copy, and a bad edit is refused with every reason. */
import { describe, expect, it } from 'vitest';
import { applyProfileEdit, copyProfile, getBuiltInProfile, parsePolicyProfile, type PolicyProfile } from '../../../lib/policy';

function xuancheng(): PolicyProfile {
  const p = getBuiltInProfile('xuancheng-2015');
  if (!p) throw new Error('missing profile');
  return p;
}

describe('copying a profile', () => {
  it('gives an editable user copy that remembers its origin', () => {
    const copy = copyProfile(xuancheng(), 'my-office', '我的单位');
    expect(copy).toMatchObject({ id: 'my-office', name: '我的单位', builtIn: false, basedOn: 'xuancheng-2015' });
    expect(copy.deadlines).toEqual(xuancheng().deadlines);
    (copy.deadlines[0] as { limit: number }).limit = 3;
    expect(xuancheng().deadlines[0]?.limit).toBe(2);
  });

  it.each([
    ['Bad Id', '我的单位', /id/],
    ['', '我的单位', /id/],
    ['my-office', '', /name/],
    ['yunhe-2017', '我的单位', /reserved/],
  ])('refuses id %j / name %j', (id, name, message) => {
    expect(() => copyProfile(xuancheng(), id, name)).toThrow(message);
  });
});

describe('editing a copy', () => {
  const mine = () => copyProfile(xuancheng(), 'my-office', '我的单位');

  it('accepts a valid edit, e.g. setting the claim window the document leaves open', () => {
    const edited = {
      ...mine(),
      claimWindow: { id: 'claim', step: 'claim', label: '认领', from: 'captured', clock: 'hours', limit: 2 },
    };
    const result = applyProfileEdit(mine(), edited);
    expect(result.ok).toBe(true);
    expect(result.value.claimWindow).toMatchObject({ limit: 2, clock: 'hours', appliesTo: {} });
  });

  it('refuses a bad edit with the path and reason of every error, keeping the old profile', () => {
    const current = mine();
    const edited = structuredClone(current) as unknown as Record<string, unknown>;
    const deadlines = edited.deadlines as Record<string, unknown>[];
    deadlines[0] = { ...deadlines[0], limit: -1 };
    deadlines[2] = { ...deadlines[2], limit: 5.5 };
    deadlines[3] = { ...deadlines[3], clock: 'fortnights' };
    deadlines[4] = { ...deadlines[4], id: 'investigation-report' };
    (edited.tiers as unknown[]).pop();
    edited.defaultCategory = 'nowhere';
    const result = applyProfileEdit(current, edited);
    expect(result.ok).toBe(false);
    expect(result.value).toBe(current);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['deadlines.0.limit', 'deadlines.3.clock', 'tiers']));
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
  });

  it.each([
    ['a target not stricter than its limit', { target: 2 }, 'deadlines.0.target', /stricter/],
    ['fractional working days', { clock: 'working-days', limit: 1.5 }, 'deadlines.0.limit', /whole number/],
    ['an unknown step', { step: 'lunch' }, 'deadlines.0.step', /./],
    ['an unknown start event', { from: 'yesterday' }, 'deadlines.0.from', /./],
    ['an unknown flag', { appliesTo: { flags: ['vip'] } }, 'deadlines.0.appliesTo.flags.0', /./],
  ])('refuses %s', (_name, change, path, message) => {
    const current = mine();
    const edited = structuredClone(current);
    edited.deadlines[0] = { ...edited.deadlines[0], ...change } as (typeof edited.deadlines)[0];
    const result = applyProfileEdit(current, edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(result.value).toBe(current);
  });

  it.each([
    ['tiers out of order', (p: PolicyProfile) => ({ ...p, tiers: [...p.tiers].reverse() }), 'tiers.0.id'],
    ['a duplicate rule id', (p: PolicyProfile) => ({ ...p, deadlines: [...p.deadlines, p.deadlines[0]] }), 'deadlines.7.id'],
    ['a duplicate category id', (p: PolicyProfile) => ({ ...p, categories: [...p.categories, p.categories[0]] }), 'categories.5.id'],
    ['a default category that does not exist', (p: PolicyProfile) => ({ ...p, defaultCategory: 'nowhere' }), 'defaultCategory'],
    ['a changed id', (p: PolicyProfile) => ({ ...p, id: 'other-office' }), 'id'],
    ['marking itself built-in', (p: PolicyProfile) => ({ ...p, builtIn: true }), 'builtIn'],
  ])('refuses %s', (_name, edit, path) => {
    const current = mine();
    const result = applyProfileEdit(current, edit(structuredClone(current)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toContain(path);
    expect(result.value).toBe(current);
  });

  it('refuses to edit a built-in profile', () => {
    const result = applyProfileEdit(xuancheng(), { ...xuancheng(), name: '改名' });
    expect(result.ok).toBe(false);
    expect(result.value).toBe(xuancheng());
  });
});

describe('parsing profile data from outside', () => {
  it.each([
    [null, '(profile)'],
    ['a string', '(profile)'],
    [{}, 'id'],
  ])('refuses %j with a path', (data, path) => {
    const result = parsePolicyProfile(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(path);
  });
});
