// @vitest-environment jsdom
/**
 * The office console on a hub: the quarter's 研判改判率 as the hub answered
 * it (GET /v1/reports/override-rates, checked with the shared schema), in
 * the same table as for imported files; a figure narrows the hub's case list
 * to the cases behind it, 显示全部 brings the whole list back. An answer of the
 * wrong shape is refused naming its JSON path.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../components/I18n';
import { OfficeHubConsole, type OfficeHubData } from '../../../components/OfficeHubConsole';
import type { CaseListItem } from '../../../components/types';
import { emptyOverrideStats, overrideCountOf, type OverrideStats } from '../../../lib/classify';
import { hubCasesByIds, hubOverrideRates, type HubCase } from '../../../lib/office-hub-client';
import { emptyQuarterlyCounts } from '../../../lib/report/quarterly';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AT = Date.parse('2026-11-30T16:00:00+08:00');
const CONNECTION = { url: 'http://hub.test', token: 'office-token' };

/** 重大 suggested for the flood and the gas leak, lowered on the flood; 应急管理 suggested for both, kept. */
function hubAnswer(): OverrideStats {
  const stats = emptyOverrideStats();
  stats.byTier.major = overrideCountOf(['f-flood', 'i-gas'], ['f-flood']);
  stats.byCategory.emergency = overrideCountOf(['f-flood', 'i-gas'], []);
  stats.unrecorded = 1;
  return stats;
}

function caseItem(caseId: string, title: string): CaseListItem {
  return { caseId, title, site: 'discuz', status: 'assessed', overdue: false };
}

/** The hub's rows of the cases above, as `GET /v1/cases?ids=…` answers them. */
function hubRow(caseId: string, title: string): HubCase {
  return { case_id: caseId, captured_at: AT, title, url: `https://bbs.example.cn/${caseId}`, site: 'discuz', tier: 'major', department: '市应急管理局', claimed_by: null, status: 'assessed', event_count: 3, conflict: false };
}
const HUB_ROWS = [hubRow('f-flood', '城区内涝多处积水'), hubRow('i-gas', '小区燃气泄漏'), hubRow('a-water', '小区停水三天无人管')];

/** A hub answering `GET /v1/cases?ids=…` from HUB_ROWS. */
const hubByIds = (async (input: RequestInfo | URL) => {
  const ids = new URL(String(input)).searchParams.get('ids')?.split(',') ?? [];
  const cases = HUB_ROWS.filter((row) => ids.includes(row.case_id));
  return new Response(JSON.stringify({ cases, total: cases.length, departments: [] }), { status: 200 });
}) as typeof fetch;

/** What the console page does around the component: picks read from the hub by id (as HubSection). */
function Harness({ data }: { data: OfficeHubData }) {
  const [picked, setPicked] = useState<{ label: string; cases: CaseListItem[] }>();
  const noop = () => undefined;
  return (
    <OfficeHubConsole
      url={CONNECTION.url}
      quarters={[{ year: 2026, quarter: 4 }]}
      quarter={0}
      onQuarter={noop}
      data={data}
      busy={false}
      now={AT}
      onConnect={noop}
      onRefresh={noop}
      onDisconnect={noop}
      onOpenCase={noop}
      filter={{ department: '', tier: '' }}
      onFilter={noop}
      onMore={noop}
      {...(picked ? { picked } : {})}
      onShowCases={(caseIds, label) =>
        void hubCasesByIds(CONNECTION, caseIds, hubByIds).then((found) => found.ok && setPicked({ label, cases: found.data.map((c) => caseItem(c.case_id, c.title)) }))
      }
      onClearPicked={() => setPicked(undefined)}
    />
  );
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function render(overrides: OfficeHubData['overrides'], patch: Partial<OfficeHubData> = {}) {
  const data: OfficeHubData = {
    officer: { name: '张主任', department: '市委网信办' },
    cases: HUB_ROWS.map((row) => caseItem(row.case_id, row.title)),
    total: 3,
    departments: ['市应急管理局'],
    stats: { year: 2026, quarter: 4, start: 0, end: 1, policyId: 'xuancheng-2015', asOf: AT, departments: [], totals: emptyQuarterlyCounts(), rejectedEvents: 0 },
    bulletin: '',
    imports: [],
    overrides,
    categoryNames: new Map([['emergency', '应急管理']]),
    at: AT,
    ...patch,
  };
  const host = document.createElement('div');
  root = createRoot(host);
  act(() =>
    root!.render(
      <I18nProvider locale="zh_CN">
        <Harness data={data} />
      </I18nProvider>,
    ),
  );
  return host;
}

function fetchAnswering(body: unknown, seen: string[]): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    seen.push(String(input));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('研判改判率 in the console on a hub', () => {
  it('labels the quarterly table’s last row as the whole office (全办合计), not as a column name', () => {
    const host = render(hubAnswer());
    const rows = [...host.querySelectorAll('[data-testid="office-stats"] tbody tr')];
    expect(rows.at(-1)?.querySelector('td')?.textContent).toBe('全办合计');
  });

  it('reads the quarter’s figures from the hub and shows them in the override table', async () => {
    const seen: string[] = [];
    const answer = await hubOverrideRates(CONNECTION, { year: 2026, quarter: 4 }, fetchAnswering(hubAnswer(), seen));
    expect(seen).toEqual(['http://hub.test/v1/reports/override-rates?year=2026&quarter=4']);
    expect(answer).toEqual({ ok: true, data: hubAnswer() });

    const host = render(hubAnswer());
    const row = host.querySelector('[data-testid="override-by-tier"] [data-suggestion="major"]');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['重大', '2', '1', '50%']);
    expect(host.querySelector('[data-testid="override-unrecorded"]')?.textContent).toContain('1');
  });

  it('narrows the hub’s case list to the cases behind a figure, read from the hub by id, and back', async () => {
    const host = render(hubAnswer());
    const count = () => host.querySelector('[data-testid="hub-console-case-count"]')?.textContent;
    expect(count()).toBe('共 3 件');
    await act(async () => (host.querySelector('[data-suggestion="major"] [data-figure="overridden"] button') as HTMLButtonElement).click());
    expect(count()).toBe('显示 1 件（研判改判率 · 重大 · 改判）');
    act(() => (host.querySelector('[data-testid="hub-console-clear-picked"]') as HTMLButtonElement).click());
    expect(count()).toBe('共 3 件');
  });

  it('a hub that cannot give the rates (an older hub: 404) still shows its bulletin and cases, and says why the rates are missing', () => {
    const host = render({ unavailable: '办公室服务器出错（HTTP 404）：' });
    expect(host.querySelector('[data-testid="override-by-tier"]')).toBeNull();
    expect(host.querySelector('[data-testid="hub-override-unavailable"]')?.textContent).toContain('HTTP 404');
    expect(host.querySelector('[data-testid="hub-console-case-count"]')?.textContent).toBe('共 3 件');
  });

  it('refuses an answer of the wrong shape, naming the field', async () => {
    const broken = { ...hubAnswer(), byTier: { ...hubAnswer().byTier, major: { ...hubAnswer().byTier.major, rate: 'half' } } };
    const answer = await hubOverrideRates(CONNECTION, { year: 2026, quarter: 4 }, fetchAnswering(broken, []));
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.message).toContain('byTier.major.rate');
  });
});

describe('a city’s cases on a hub, more than one page', () => {
  it('says how many of how many are shown, and offers the next page', () => {
    const host = render(hubAnswer(), { total: 1203, departments: ['市应急管理局', '市住建局'] });
    expect(host.querySelector('[data-testid="hub-console-case-count"]')?.textContent).toBe('已显示 3 件，共 1203 件');
    expect(host.querySelector('[data-testid="hub-console-more"]')?.textContent).toBe('再载入 500 件');
    expect([...host.querySelectorAll('[data-testid="hub-filter-department"] option')].map((o) => o.textContent)).toEqual(['全部部门', '市应急管理局', '市住建局']);
  });

  it('asks the hub for a figure’s cases in batches it accepts', async () => {
    const seen: string[] = [];
    const ids = Array.from({ length: 250 }, (_, i) => `case-${String(i)}`);
    const answer = await hubCasesByIds(CONNECTION, ids, (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ cases: [] }), { status: 200 });
    }) as typeof fetch);
    expect(answer.ok).toBe(true);
    expect(seen.map((url) => new URL(url).searchParams.get('ids')!.split(',').length)).toEqual([100, 100, 50]);
  });
});
