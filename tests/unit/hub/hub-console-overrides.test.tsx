// @vitest-environment jsdom
/**
 * The office console on a hub: the quarter's 研判改判率 as the hub answered
 * it (GET /v1/reports/override-rates, checked with the shared schema), in
 * the same table as for imported files; a figure narrows the hub's case list
 * to the cases behind it, 显示全部 brings the whole list back. An answer of the
 * wrong shape is refused naming its JSON path.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../components/I18n';
import { OfficeHubConsole, type OfficeHubData } from '../../../components/OfficeHubConsole';
import { emptyOverrideStats, overrideCountOf, type OverrideStats } from '../../../lib/classify';
import { hubOverrideRates } from '../../../lib/office-hub-client';
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

function caseItem(caseId: string, title: string) {
  return { caseId, title, site: 'discuz', status: 'assessed', overdue: false };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function render(overrides: OfficeHubData['overrides']) {
  const data: OfficeHubData = {
    officer: { name: '张主任', department: '市委网信办' },
    cases: [caseItem('f-flood', '城区内涝多处积水'), caseItem('i-gas', '小区燃气泄漏'), caseItem('a-water', '小区停水三天无人管')],
    stats: { year: 2026, quarter: 4, start: 0, end: 1, policyId: 'xuancheng-2015', asOf: AT, departments: [], totals: emptyQuarterlyCounts(), rejectedEvents: 0 },
    bulletin: '',
    imports: [],
    overrides,
    categoryNames: new Map([['emergency', '应急管理']]),
    at: AT,
  };
  const host = document.createElement('div');
  root = createRoot(host);
  const noop = () => undefined;
  act(() =>
    root!.render(
      <I18nProvider locale="zh_CN">
        <OfficeHubConsole url={CONNECTION.url} quarters={[{ year: 2026, quarter: 4 }]} quarter={0} onQuarter={noop} data={data} busy={false} now={AT} onConnect={noop} onRefresh={noop} onDisconnect={noop} onOpenCase={noop} />
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

  it('narrows the hub’s case list to the cases behind a figure, and back', () => {
    const host = render(hubAnswer());
    const count = () => host.querySelector('[data-testid="hub-console-case-count"]')?.textContent;
    expect(count()).toBe('共 3 件');
    act(() => (host.querySelector('[data-suggestion="major"] [data-figure="overridden"] button') as HTMLButtonElement).click());
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
