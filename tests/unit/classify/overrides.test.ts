import { describe, expect, it } from 'vitest';
import { overrideStats } from '../../../lib/classify';
import { AssessedEventSchema, type CaseEvent, type TierId } from '../../../lib/cases/events';

const actor = { officer: '张三', department: '市信息办' };

function assessed(
  n: number,
  chosen: { tier: TierId; category: string },
  suggested?: { tier: TierId; category: string },
  caseId = `c${n}`,
): CaseEvent {
  return AssessedEventSchema.parse({
    id: `e${n}`,
    caseId,
    at: Date.parse('2026-11-30T09:00:00+08:00') + n,
    actor,
    type: 'assessed',
    payload: { ...chosen, department: '市应急办', ...(suggested ? { suggested } : {}) },
  });
}

describe('the office sees how often the suggestion is overridden', () => {
  it('counts overrides per suggested tier and per suggested category', () => {
    const stats = overrideStats([
      assessed(1, { tier: 'major', category: 'emergency' }, { tier: 'major', category: 'emergency' }),
      assessed(2, { tier: 'larger', category: 'emergency' }, { tier: 'major', category: 'emergency' }),
      assessed(3, { tier: 'general', category: 'petition' }, { tier: 'general', category: 'other' }),
      assessed(4, { tier: 'general', category: 'other' }),
    ]);
    expect(stats.byTier.major).toEqual({ suggested: 2, overridden: 1, rate: 0.5, caseIds: ['c1', 'c2'], overriddenCaseIds: ['c2'] });
    expect(stats.byTier.general).toEqual({ suggested: 1, overridden: 0, rate: 0, caseIds: ['c3'], overriddenCaseIds: [] });
    expect(stats.byTier.larger).toEqual({ suggested: 0, overridden: 0, rate: 0, caseIds: [], overriddenCaseIds: [] });
    expect(stats.byCategory.emergency).toEqual({ suggested: 2, overridden: 0, rate: 0, caseIds: ['c1', 'c2'], overriddenCaseIds: [] });
    expect(stats.byCategory.other).toEqual({ suggested: 1, overridden: 1, rate: 1, caseIds: ['c3'], overriddenCaseIds: ['c3'] });
    expect(stats.unrecorded).toBe(1);
  });

  it('counts a re-assessed case once, by the assessment in force, whatever order the events arrive in', () => {
    const overriddenFirst = assessed(6, { tier: 'general', category: 'emergency' }, { tier: 'major', category: 'emergency' }, 'c-re');
    const confirmedLater = assessed(7, { tier: 'major', category: 'emergency' }, { tier: 'major', category: 'emergency' }, 'c-re');
    const stats = overrideStats([confirmedLater, overriddenFirst]);
    expect(stats.byTier.major).toEqual({ suggested: 1, overridden: 0, rate: 0, caseIds: ['c-re'], overriddenCaseIds: [] });
  });

  it('keeps the replaced suggestion in the assessed event', () => {
    const event = assessed(5, { tier: 'larger', category: 'emergency' }, { tier: 'major', category: 'emergency' });
    expect(event.type === 'assessed' && event.payload.suggested).toEqual({ tier: 'major', category: 'emergency', flags: [] });
  });
});
