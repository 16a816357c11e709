// @vitest-environment jsdom
/**
 * A deadline past the official calendar data is 暂定 (provisional): the
 * State Council has not yet published that year's holidays, so the limit may
 * move. The officer sees the mark wherever the deadline shows — the inbox row,
 * the badge on the forum page and the deadline notification — not only on
 * the case page.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';

// jsdom lays nothing out, so the virtualizer would render no rows: here every row is in view.
vi.mock('@tanstack/react-virtual', () => ({
  useVirtualizer: ({ count, estimateSize }: { count: number; estimateSize: () => number }) => ({
    getTotalSize: () => count * estimateSize(),
    getVirtualItems: () => Array.from({ length: count }, (_, index) => ({ index, start: index * estimateSize() })),
  }),
}));
import { CaseList } from '../../../components/CaseList';
import { I18nProvider } from '../../../components/I18n';
import type { CaseListItem } from '../../../components/types';
import { dueAlerts } from '../../../lib/alerts';
import { badgeStateOf } from '../../../lib/content/start';
import { AppDB } from '../../../lib/db/app-db';
import { getCaseStatesByKeys } from '../../../lib/db/repos/cases';
import { appendEvent } from '../../../lib/db/repos/events';
import { createTranslator } from '../../../lib/i18n';
import { captured, T0 } from '../../fixtures/db/builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const zh = createTranslator('zh_CN');
const HOUR = 3_600_000;

describe('the 暂定 mark of a provisional deadline', () => {
  it('shows on the badge in the page after the countdown', () => {
    const state = { status: 'claimed', claimedBy: '澜江市公安局', nextDeadlineAt: T0 + 3 * HOUR, provisional: true };
    expect(badgeStateOf(state, T0, zh)).toEqual({ kind: 'known', text: '已采集 · 已认领 · 澜江市公安局 · 剩余 3小时0分 · 暂定', overdue: false });
    expect(badgeStateOf({ ...state, provisional: false }, T0, zh)).toEqual({ kind: 'known', text: '已采集 · 已认领 · 澜江市公安局 · 剩余 3小时0分', overdue: false });
  });

  it('travels with the post state the background answers, only while the case has a deadline', async () => {
    const db = new AppDB(`provisional-${crypto.randomUUID()}`);
    try {
      await appendEvent(db, captured('c1'), { now: T0 });
      await appendEvent(db, captured('c2'), { now: T0 });
      // A captured case's projection row, given a provisional deadline as the projection writes it.
      await db.cases.update('c1', { nextDeadlineAt: T0 + 3 * HOUR, nextDeadlineStep: 'assess', provisional: true });
      await db.cases.update('c2', { provisional: true, nextDeadlineAt: null, nextDeadlineStep: null });
      const states = await getCaseStatesByKeys(db, ['c1', 'c2']);
      expect(states.c1?.provisional).toBe(true);
      expect(states.c2).toEqual({ status: 'captured', evidence: true });
    } finally {
      await db.delete();
    }
  });

  it('shows on the deadline notification beside the limit', () => {
    const limit = Date.UTC(2027, 0, 4, 15, 59); // 2027-01-04 23:59 China time
    const deadline = {
      ruleId: 'investigation-report',
      step: 'investigation-report' as const,
      label: '核实调查报告',
      startedAt: limit - 4 * 86_400_000,
      limit,
      status: 'pending' as const,
      provisional: true,
      extended: false,
      optional: false,
    };
    const [alert] = dueAlerts({
      cases: [{ caseId: 'case-1', title: '小区停水三天无人管', deadlines: [deadline] }],
      alreadySent: new Set(),
      now: limit - 2 * HOUR,
      warnAt: [0.5],
    });
    expect(alert?.message).toBe('小区停水三天无人管:剩余 2小时0分(时限 1月4日 23:59 暂定)');
  });

  describe('in the inbox row', () => {
    let unmount: (() => void) | undefined;
    afterEach(() => {
      unmount?.();
      unmount = undefined;
    });

    async function render(items: CaseListItem[]): Promise<HTMLElement> {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      await act(async () => {
        root.render(
          <I18nProvider locale="zh_CN">
            <CaseList cases={items} now={T0} onOpen={() => {}} />
          </I18nProvider>,
        );
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      unmount = () => {
        act(() => root.unmount());
        host.remove();
      };
      return host;
    }

    const row = (caseId: string, provisional: boolean): CaseListItem => ({
      caseId,
      title: `帖子 ${caseId}`,
      site: 'bbs.example.cn',
      status: 'claimed',
      nextDeadlineAt: T0 + 3 * HOUR,
      nextStepLabel: '研判',
      provisional,
      overdue: false,
    });

    it('marks the provisional deadline and explains it on hover, and leaves the others unmarked', async () => {
      const host = await render([row('a', true), row('b', false)]);
      const [a, b] = [...host.querySelectorAll('[data-testid="case-row"]')];
      expect(a?.querySelector('.row-deadline')?.textContent).toContain('· ⚠ 暂定');
      expect(a?.querySelector('.row-provisional')?.getAttribute('title')).toBe('暂定（超出官方日历数据）');
      expect(b?.textContent).not.toContain('暂定');
    });
  });
});
