/**
 * The office console's hub section: connects to an office hub with the
 * office's token (kept in this browser's extension storage), reads the
 * hub's cases, bulletin, 研判改判率 and ledger (useHubReading over
 * lib/office-hub-client) and shows them with OfficeHubConsole, beside what
 * was imported from files below.
 */
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { HUB_PAGE_SIZE, OfficeHubConsole, type OfficeHubData } from '../../components/OfficeHubConsole';
import type { CaseFilter } from '../../components/CaseFilters';
import { useT } from '../../components/I18n';
import { hubCaseItem } from '../../components/case-list-item';
import { hubWhoAmI, type HubConnection } from '../../lib/office-hub-client';
import { getBuiltInProfile } from '../../lib/policy';
import { bulletinText } from '../../lib/report';
import { recentQuarters } from '../../lib/report/recent-quarters';
import { useNow } from '../../lib/hooks';
import { useHubReading } from '../../lib/hooks/use-hub-reading';

const STORAGE_KEY = 'officeConsoleHub';

export function HubSection() {
  const t = useT();
  const now = useNow(60_000);
  const quarters = useMemo(() => recentQuarters(now), [now]);
  const [chosen, setChosen] = useState(0);
  const [connection, setConnection] = useState<HubConnection>();
  const [connectError, setConnectError] = useState<string>();
  const [connecting, setConnecting] = useState(false);
  const [filter, setFilter] = useState<CaseFilter>({ department: '', tier: '' });
  const quarter = quarters[chosen] ?? quarters[0]!;
  const reading = useHubReading(connection, quarter, filter, HUB_PAGE_SIZE);
  const { view, listing } = reading;

  useEffect(() => {
    void browser.storage.local.get(STORAGE_KEY).then((stored) => {
      const value = stored[STORAGE_KEY] as HubConnection | undefined;
      if (value && typeof value.url === 'string' && typeof value.token === 'string') setConnection(value);
    });
  }, []);

  const data = useMemo((): OfficeHubData | undefined => {
    if (!view || !listing) return undefined;
    const profile = getBuiltInProfile(view.stats.policyId);
    return {
      officer: view.officer,
      cases: listing.cases.map((c) => hubCaseItem(c, listing.at, t)),
      total: listing.total,
      departments: listing.departments,
      stats: view.stats,
      bulletin: bulletinText(view.stats, profile?.name ?? view.stats.policyId),
      imports: view.imports,
      overrides: view.overrides,
      categoryNames: new Map((profile?.categories ?? []).map((c) => [c.id, c.name])),
      at: listing.at,
    };
  }, [view, listing, t]);

  const picked = useMemo(
    () => reading.picked && { label: reading.picked.label, cases: reading.picked.cases.map((c) => hubCaseItem(c, listing?.at ?? Date.now(), t)) },
    [reading.picked, listing?.at, t],
  );
  const urls = useMemo(
    () => new Map([...(listing?.cases ?? []), ...(reading.picked?.cases ?? [])].map((c) => [c.case_id, c.url] as const)),
    [listing, reading.picked],
  );
  const error = connectError ?? reading.error;

  return (
    <OfficeHubConsole
      {...(connection ? { url: connection.url } : {})}
      quarters={quarters}
      quarter={chosen}
      onQuarter={setChosen}
      {...(data ? { data } : {})}
      {...(error ? { error } : {})}
      busy={reading.busy || connecting}
      now={now}
      onConnect={(url, token) => {
        const target = { url: url.trim().replace(/\/+$/, ''), token: token.trim() };
        if (!/^https?:\/\/[^/]/.test(target.url) || target.token === '') return setConnectError(t('hubConsole_hint'));
        // Only a token the hub knows is kept: a typo must not be stored and read again on every visit.
        setConnecting(true);
        void hubWhoAmI(target).then((who) => {
          setConnecting(false);
          if (!who.ok) return setConnectError(who.error.message);
          setConnectError(undefined);
          void browser.storage.local.set({ [STORAGE_KEY]: target });
          setConnection(target);
        });
      }}
      onRefresh={reading.refresh}
      onDisconnect={() => {
        void browser.storage.local.remove(STORAGE_KEY);
        setConnection(undefined);
      }}
      filter={filter}
      onFilter={setFilter}
      onMore={reading.more}
      {...(picked ? { picked } : {})}
      onShowCases={reading.showCases}
      onClearPicked={reading.clearPicked}
      onOpenCase={(caseId) => {
        const url = urls.get(caseId);
        if (url) window.open(url, '_blank', 'noopener');
      }}
    />
  );
}
