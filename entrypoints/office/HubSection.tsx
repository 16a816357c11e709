/**
 * The office console's hub section: connects to an office hub with the
 * office's token (kept in this browser's extension storage), reads the
 * hub's cases, bulletin, 研判改判率 and ledger (lib/office-hub-client) and shows them
 * with OfficeHubConsole, beside what was imported from files below.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { HUB_PAGE_SIZE, OfficeHubConsole, type OfficeHubData } from '../../components/OfficeHubConsole';
import type { CaseFilter } from '../../components/CaseFilters';
import type { CaseListItem } from '../../components/types';
import { useT } from '../../components/I18n';
import { hubCaseItem } from '../../components/case-list-item';
import {
  hubCases,
  hubCasesByIds,
  hubImports,
  hubOverrideRates,
  hubQuarterly,
  hubWhoAmI,
  type HubCase,
  type HubCasesQuery,
  type HubConnection,
} from '../../lib/office-hub-client';
import { getBuiltInProfile } from '../../lib/policy';
import { bulletinText } from '../../lib/report';
import { recentQuarters } from '../../lib/report/recent-quarters';
import { useNow } from '../../lib/hooks';

const STORAGE_KEY = 'officeConsoleHub';

export function HubSection() {
  const t = useT();
  const now = useNow(60_000);
  const quarters = useMemo(() => recentQuarters(now), [now]);
  const [chosen, setChosen] = useState(0);
  const [connection, setConnection] = useState<HubConnection>();
  const [data, setData] = useState<OfficeHubData>();
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<CaseFilter>({ department: '', tier: '' });
  const [picked, setPicked] = useState<{ label: string; cases: CaseListItem[] }>();
  const quarter = quarters[chosen] ?? quarters[0]!;
  const pageQuery = useCallback(
    (offset: number): HubCasesQuery => ({
      limit: HUB_PAGE_SIZE,
      offset,
      ...(filter.department ? { department: filter.department } : {}),
      ...(filter.tier ? { tier: filter.tier } : {}),
    }),
    [filter],
  );
  const remember = useCallback((cases: readonly HubCase[]) => setUrls((known) => new Map([...known, ...cases.map((c) => [c.case_id, c.url] as const)])), []);

  useEffect(() => {
    void browser.storage.local.get(STORAGE_KEY).then((stored) => {
      const value = stored[STORAGE_KEY] as HubConnection | undefined;
      if (value && typeof value.url === 'string' && typeof value.token === 'string') setConnection(value);
    });
  }, []);

  const load = useCallback(
    async (target: HubConnection) => {
      setBusy(true);
      try {
        const [who, cases, stats, imports, overrides] = await Promise.all([
          hubWhoAmI(target),
          hubCases(target, pageQuery(0)),
          hubQuarterly(target, quarter),
          hubImports(target),
          hubOverrideRates(target, quarter),
        ]);
        // The override rates are an addition: a hub without them still serves the view.
        const failed = [who, cases, stats, imports].find((r) => !r.ok);
        if (failed && !failed.ok) {
          setError(failed.error.message);
          setData(undefined);
          return false;
        }
        if (!who.ok || !cases.ok || !stats.ok || !imports.ok) return false;
        const at = Date.now();
        const profile = getBuiltInProfile(stats.data.policyId);
        const policyName = profile?.name ?? stats.data.policyId;
        setUrls(new Map(cases.data.cases.map((c) => [c.case_id, c.url])));
        setPicked(undefined);
        setData({
          officer: who.data,
          cases: cases.data.cases.map((c) => hubCaseItem(c, at, t)),
          total: cases.data.total,
          departments: cases.data.departments,
          stats: stats.data,
          bulletin: bulletinText(stats.data, policyName),
          imports: imports.data,
          overrides: overrides.ok ? overrides.data : { unavailable: overrides.error.message },
          categoryNames: new Map((profile?.categories ?? []).map((c) => [c.id, c.name])),
          at,
        });
        setError(undefined);
        return true;
      } finally {
        setBusy(false);
      }
    },
    [quarter, t, pageQuery],
  );

  useEffect(() => {
    if (connection) void load(connection);
  }, [connection, load]);

  /** Reads the next page under the current filter and appends it. */
  const more = async () => {
    if (!connection || !data) return;
    setBusy(true);
    try {
      const page = await hubCases(connection, pageQuery(data.cases.length));
      if (!page.ok) return setError(page.error.message);
      remember(page.data.cases);
      const known = new Set(data.cases.map((c) => c.caseId));
      const added = page.data.cases.filter((c) => !known.has(c.case_id)).map((c) => hubCaseItem(c, data.at, t));
      setData({ ...data, cases: [...data.cases, ...added], total: page.data.total, departments: page.data.departments });
    } finally {
      setBusy(false);
    }
  };

  /** The cases behind one figure, read by id (they need not be among the pages read). */
  const showCases = async (caseIds: readonly string[], label: string) => {
    if (!connection || !data) return;
    setBusy(true);
    try {
      const found = await hubCasesByIds(connection, caseIds);
      if (!found.ok) return setError(found.error.message);
      remember(found.data);
      setPicked({ label, cases: found.data.map((c) => hubCaseItem(c, data.at, t)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <OfficeHubConsole
      {...(connection ? { url: connection.url } : {})}
      quarters={quarters}
      quarter={chosen}
      onQuarter={setChosen}
      {...(data ? { data } : {})}
      {...(error ? { error } : {})}
      busy={busy}
      now={now}
      onConnect={(url, token) => {
        const target = { url: url.trim().replace(/\/+$/, ''), token: token.trim() };
        if (!/^https?:\/\/[^/]/.test(target.url) || target.token === '') {
          setError(t('hubConsole_hint'));
          return;
        }
        void load(target).then((connected) => {
          if (!connected) return;
          void browser.storage.local.set({ [STORAGE_KEY]: target });
          setConnection(target);
        });
      }}
      onRefresh={() => connection && void load(connection)}
      onDisconnect={() => {
        void browser.storage.local.remove(STORAGE_KEY);
        setConnection(undefined);
        setData(undefined);
      }}
      filter={filter}
      onFilter={setFilter}
      onMore={() => void more()}
      {...(picked ? { picked } : {})}
      onShowCases={(caseIds, label) => void showCases(caseIds, label)}
      onClearPicked={() => setPicked(undefined)}
      onOpenCase={(caseId) => {
        const url = urls.get(caseId);
        if (url) window.open(url, '_blank', 'noopener');
      }}
    />
  );
}
