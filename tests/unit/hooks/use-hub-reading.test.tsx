// @vitest-environment jsdom
/**
 * The office console reading a city hub: changing the case filter reads the
 * cases again and nothing else (not the bulletin, the ledger, who the token
 * is); changing the quarter reads the quarter's figures and not the cases;
 * a later page keeps the departments the first page brought; an answer
 * overtaken by a newer filter is dropped.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyOverrideStats } from '../../../lib/classify';
import { useHubReading, type HubCaseFilter, type HubReading } from '../../../lib/hooks/use-hub-reading';
import type { HubCase } from '../../../lib/office-hub-client';
import { emptyQuarterlyCounts, type QuarterId } from '../../../lib/report/quarterly';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CONNECTION = { url: 'http://hub.test', token: 'office-token' };
const AT = Date.parse('2026-11-30T16:00:00+08:00');

function row(caseId: string, department: string, tier: string): HubCase {
  return { case_id: caseId, captured_at: AT, title: caseId, url: `https://bbs.example.cn/${caseId}`, site: 'discuz', tier, department, claimed_by: null, status: 'assessed', event_count: 2, conflict: false };
}
const ROWS = [row('a-water', '市住建局', 'general'), row('b-lift', '市住建局', 'general'), row('c-flood', '市应急管理局', 'major')];

/**
 * A hub in memory that records every path asked for. `hold` keeps the
 * answer to a cases request whose query contains it until released.
 */
function fakeHub() {
  const asked: string[] = [];
  const held = new Map<string, () => void>();
  const doFetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    asked.push(url.pathname + url.search);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    switch (url.pathname) {
      case '/v1/whoami':
        return json({ officer: { name: '信息办', department: '市信息办', role: 'office' } });
      case '/v1/reports/quarterly': {
        const year = Number(url.searchParams.get('year'));
        const quarter = Number(url.searchParams.get('quarter'));
        return json({ year, quarter, start: 0, end: 1, policyId: 'xuancheng-2015', asOf: AT, departments: [], totals: emptyQuarterlyCounts(), rejectedEvents: 0 });
      }
      case '/v1/reports/override-rates':
        return json(emptyOverrideStats());
      case '/v1/imports':
        return json({ imports: [] });
      case '/v1/cases': {
        const department = url.searchParams.get('department');
        const tier = url.searchParams.get('tier');
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        const matching = ROWS.filter((r) => (!department || r.department === department) && (!tier || r.tier === tier));
        const gate = [...held.keys()].find((key) => url.search.includes(key));
        if (gate) await new Promise<void>((release) => held.set(gate, release));
        return json({
          cases: matching.slice(offset, offset + limit),
          total: matching.length,
          // As lib/hub/case-list.ts: the departments come with a first page only.
          ...(offset === 0 ? { departments: ['市住建局', '市应急管理局'] } : {}),
        });
      }
      default:
        return new Response('{}', { status: 404 });
    }
  }) as typeof fetch;
  return { asked, doFetch, hold: (key: string) => held.set(key, () => undefined), release: (key: string) => held.get(key)?.() };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

/** Renders the hook; `set` re-renders it with other arguments; `current` is its latest answer. */
function mount(doFetch: typeof fetch, filter: HubCaseFilter, quarter: QuarterId = { year: 2026, quarter: 4 }) {
  const state: { current?: HubReading } = {};
  function Probe(props: { filter: HubCaseFilter; quarter: QuarterId }) {
    state.current = useHubReading(CONNECTION, props.quarter, props.filter, 2, doFetch);
    return null;
  }
  root = createRoot(document.createElement('div'));
  const render = (f: HubCaseFilter, q: QuarterId) => act(() => root!.render(<Probe filter={f} quarter={q} />));
  render(filter, quarter);
  return { state, set: (f: HubCaseFilter, q: QuarterId = quarter) => render(f, q) };
}

/** Lets the fake hub's answers land. */
const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('the office console reading a hub', () => {
  it('reads who the token is, the quarter, the ledger and the first page of cases when it connects', async () => {
    const hub = fakeHub();
    const { state } = mount(hub.doFetch, { department: '', tier: '' });
    await settle();
    expect(hub.asked.map((path) => path.split('?')[0]).sort()).toEqual(['/v1/cases', '/v1/imports', '/v1/reports/override-rates', '/v1/reports/quarterly', '/v1/whoami']);
    expect(state.current?.view?.officer.department).toBe('市信息办');
    expect(state.current?.listing).toMatchObject({ total: 3, departments: ['市住建局', '市应急管理局'] });
    expect(state.current?.listing?.cases.map((c) => c.case_id)).toEqual(['a-water', 'b-lift']);
    expect(state.current?.busy).toBe(false);
  });

  it('reads only the cases again when the officer filters by department or tier', async () => {
    const hub = fakeHub();
    const { state, set } = mount(hub.doFetch, { department: '', tier: '' });
    await settle();
    hub.asked.length = 0;
    set({ department: '市应急管理局', tier: '' });
    await settle();
    expect(hub.asked).toEqual([`/v1/cases?limit=2&offset=0&department=${encodeURIComponent('市应急管理局')}`]);
    expect(state.current?.listing?.cases.map((c) => c.case_id)).toEqual(['c-flood']);
    expect(state.current?.view).toBeDefined();
  });

  it('reads only the quarter’s figures (and who the token is) again when the officer picks another quarter', async () => {
    const hub = fakeHub();
    const { state, set } = mount(hub.doFetch, { department: '', tier: '' });
    await settle();
    hub.asked.length = 0;
    set({ department: '', tier: '' }, { year: 2026, quarter: 3 });
    await settle();
    expect(hub.asked.some((path) => path.startsWith('/v1/cases'))).toBe(false);
    expect(state.current?.view?.stats.quarter).toBe(3);
  });

  it('appends the next page and keeps the departments the first page brought', async () => {
    const hub = fakeHub();
    const { state } = mount(hub.doFetch, { department: '', tier: '' });
    await settle();
    act(() => state.current!.more());
    await settle();
    expect(hub.asked.at(-1)).toBe('/v1/cases?limit=2&offset=2');
    expect(state.current?.listing?.cases.map((c) => c.case_id)).toEqual(['a-water', 'b-lift', 'c-flood']);
    expect(state.current?.listing?.departments).toEqual(['市住建局', '市应急管理局']);
  });

  it('drops an answer overtaken by a newer filter, so the list matches the filter shown', async () => {
    const hub = fakeHub();
    const { state, set } = mount(hub.doFetch, { department: '', tier: '' });
    await settle();
    hub.hold('tier=general');
    set({ department: '', tier: 'general' });
    await settle();
    set({ department: '', tier: 'major' });
    await settle();
    hub.release('tier=general');
    await settle();
    expect(state.current?.listing?.cases.map((c) => c.case_id)).toEqual(['c-flood']);
  });
});
