// @vitest-environment jsdom
/**
 * The office console's 研判改判率: per suggested tier and per suggested
 * category, how many cases were assessed with that suggestion, how many the
 * officer changed, and the rate; each count opens the cases behind it.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../components/I18n';
import { OverrideRateTable } from '../../../components/OverrideRateTable';
import { AssessedEventSchema, type CaseEvent, type TierId } from '../../../lib/cases/events';
import { overrideStats } from '../../../lib/classify';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const actor = { officer: '张三', department: '宣城市应急管理局' };
const T0 = Date.parse('2026-11-30T09:00:00+08:00');

function assessed(caseId: string, chosen: { tier: TierId; category: string }, suggested?: { tier: TierId; category: string }): CaseEvent {
  return AssessedEventSchema.parse({
    id: `${caseId}-assessed`,
    caseId,
    at: T0,
    actor,
    type: 'assessed',
    payload: { ...chosen, department: actor.department, ...(suggested ? { suggested } : {}) },
  });
}

const EVENTS = [
  // 较大 suggested three times: kept once, lowered to 一般 twice.
  assessed('c-bridge', { tier: 'larger', category: 'emergency' }, { tier: 'larger', category: 'emergency' }),
  assessed('c-canteen', { tier: 'general', category: 'food-safety' }, { tier: 'larger', category: 'education' }),
  assessed('c-fire', { tier: 'general', category: 'emergency' }, { tier: 'larger', category: 'emergency' }),
  assessed('c-road', { tier: 'general', category: 'urban' }, { tier: 'general', category: 'urban' }),
  assessed('c-old', { tier: 'general', category: 'urban' }),
];
const NAMES = new Map([
  ['emergency', '突发事件'],
  ['education', '教育'],
  ['urban', '城市管理'],
]);

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(events: CaseEvent[], onShowCases = vi.fn()) {
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(
      <I18nProvider locale="zh_CN">
        <OverrideRateTable stats={overrideStats(events)} categoryNames={NAMES} onShowCases={onShowCases} />
      </I18nProvider>,
    ),
  );
  return { host, onShowCases };
}

function cells(row: Element | null): string[] {
  return [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent ?? '');
}

describe('研判改判率 in the office console', () => {
  it('shows per suggested tier the cases suggested, overridden and the rate, only for tiers suggested', () => {
    const { host } = render(EVENTS);
    const byTier = host.querySelector('[data-testid="override-by-tier"]')!;
    expect(byTier.querySelector('thead')!.textContent).toBe('建议等级有建议改判改判率');
    expect(cells(byTier.querySelector('[data-suggestion="larger"]'))).toEqual(['较大', '3', '2', '66.7%']);
    expect(cells(byTier.querySelector('[data-suggestion="general"]'))).toEqual(['一般', '1', '0', '0%']);
    expect(byTier.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('shows per suggested category, by name from the profile (an unknown id as is), most suggested first', () => {
    const { host } = render(EVENTS);
    const rows = [...host.querySelectorAll('[data-testid="override-by-category"] tbody tr')].map(cells);
    expect(rows).toEqual([
      ['突发事件', '2', '0', '0%'],
      ['教育', '1', '1', '100%'],
      ['城市管理', '1', '0', '0%'],
    ]);
  });

  it('opens the cases behind a figure', () => {
    const { host, onShowCases } = render(EVENTS);
    const overridden = host.querySelector('[data-testid="override-by-tier"] [data-suggestion="larger"] [data-figure="overridden"] button') as HTMLButtonElement;
    act(() => overridden.click());
    expect(onShowCases).toHaveBeenCalledWith(['c-canteen', 'c-fire'], '研判改判率 · 较大 · 改判');
    const suggested = host.querySelector('[data-testid="override-by-category"] [data-suggestion="education"] [data-figure="suggested"] button') as HTMLButtonElement;
    act(() => suggested.click());
    expect(onShowCases).toHaveBeenLastCalledWith(['c-canteen'], '研判改判率 · 教育 · 有建议');
  });

  it('says how many assessments recorded no suggestion, and when there is none to rate', () => {
    expect(render(EVENTS).host.querySelector('[data-testid="override-unrecorded"]')!.textContent).toBe('另有 1 件案件的研判未记录系统建议，未计入。');
    act(() => root!.unmount());
    const { host } = render([assessed('c-old', { tier: 'general', category: 'urban' })]);
    expect(host.querySelector('[data-testid="override-none"]')!.textContent).toBe('本季度尚无附带系统建议的研判。');
    expect(host.querySelector('[data-testid="override-by-tier"]')).toBeNull();
  });
});
