/**
 * 认领并研判 in one click: the claim and the accepted suggestion are exactly
 * what the two forms would record, and the log accepts them in order.
 */
import { describe, expect, it } from 'vitest';
import { buildCaseView } from '../../../lib/desk/case-view';
import { canQuickClaim, quickClaimEvents } from '../../../lib/desk/quick-claim';
import { getBuiltInProfile } from '../../../lib/policy/built-in';
import { DEFAULT_SETTINGS } from '../../../lib/db/entities/settings';
import { CaseEventSchema, replay, type CaseEvent } from '../../../lib/cases';
import { captured, T0 } from '../../fixtures/db/builders';

const POLICY = getBuiltInProfile('xuancheng-2015')!;
const SETTINGS = { ...DEFAULT_SETTINGS, officerName: '李明', department: '宣城市教育局' };
const ACTOR = { officer: '李明', department: '宣城市教育局' };

function poisoningCase(): CaseEvent[] {
  const base = captured('canteen', T0);
  if (base.type !== 'captured') throw new Error('builder changed');
  return [CaseEventSchema.parse({ ...base, payload: { ...base.payload, title: '某中学食堂12名学生食物中毒送医', excerpt: '昨天午饭后12名学生上吐下泻，已送医院' } }) as CaseEvent];
}

describe('认领并研判', () => {
  it('claims for the officer’s department and records the suggestion it accepted', () => {
    const events = poisoningCase();
    const view = buildCaseView(events, POLICY, SETTINGS, T0 + 60_000);
    expect(canQuickClaim(view.state, view.allowed, view.form)).toBe(true);
    let n = 0;
    const [claim, assess] = quickClaimEvents('canteen', view.form, ACTOR, T0 + 60_000, () => `e${++n}`);
    expect(claim).toMatchObject({ type: 'claimed', at: T0 + 60_000, payload: { department: '宣城市教育局' } });
    const s = view.form.suggestion!;
    expect(assess).toMatchObject({
      type: 'assessed',
      at: T0 + 60_001,
      payload: { tier: s.tier, category: s.category, reasons: s.reasons, suggested: { tier: s.tier, category: s.category } },
    });
    // The school canteen poisoning is not routed to 其他.
    expect(s.categoryMatched).toBe(true);

    const state = replay([...events, CaseEventSchema.parse(claim) as CaseEvent, CaseEventSchema.parse(assess) as CaseEvent]);
    expect(state.status).toBe('assessed');
    expect(state.tier).toBe(s.tier);
  });

  it('is not offered once the case is claimed', () => {
    const events = poisoningCase();
    const view = buildCaseView(events, POLICY, SETTINGS, T0 + 60_000);
    const [claim] = quickClaimEvents('canteen', view.form, ACTOR, T0 + 60_000, () => crypto.randomUUID());
    const after = buildCaseView([...events, CaseEventSchema.parse(claim) as CaseEvent], POLICY, SETTINGS, T0 + 120_000);
    expect(canQuickClaim(after.state, after.allowed, after.form)).toBe(false);
  });
});
