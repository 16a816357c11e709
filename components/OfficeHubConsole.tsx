/**
 * The office console opened on an office hub: the connection (address and
 * the office's token), then the hub's view of the whole office — the
 * quarterly bulletin computed by the hub in SQL, the quarter's 研判改判率
 * (each figure lists its cases in the case list below), every case the
 * officers pushed (conflicts first, the office must assign them) and the
 * imports ledger. Props in, callbacks out; the page fetches (lib/office-hub-client).
 */
import { useState, type FormEvent } from 'react';
import type { OverrideStats } from '../lib/classify';
import { formatChinaTime } from '../lib/format/china-time';
import type { QuarterId, QuarterlyStats } from '../lib/report/quarterly';
import type { HubImportRow } from '../lib/office-hub-client';
import { FittedCaseList } from './CaseList';
import { CaseFilters, type CaseFilter } from './CaseFilters';
import { useT } from './I18n';
import { OfficeStats } from './OfficeStats';
import { OverrideRateTable } from './OverrideRateTable';
import type { CaseListItem } from './types';

/** What the hub answered, once connected. */
export interface OfficeHubData {
  officer: { name: string; department: string };
  /** The cases read so far under the current filter, a page at a time. */
  cases: CaseListItem[];
  /** How many cases match the filter on the hub (more than `cases` until every page is read). */
  total: number;
  /** Every department named on the hub's cases, for the filter. */
  departments: string[];
  stats: QuarterlyStats;
  bulletin: string;
  imports: HubImportRow[];
  /**
   * The quarter's 研判改判率, computed by the hub in SQL; or why it could not
   * be read (a hub older than the route answers 404) — the rest of the view
   * does not depend on it.
   */
  overrides: OverrideStats | { unavailable: string };
  /** Category names by id (the hub's profile), for the override table. */
  categoryNames: ReadonlyMap<string, string>;
  /** Epoch ms of the reading. */
  at: number;
}

/** Cases read from the hub per page. */
export const HUB_PAGE_SIZE = 500;

export interface OfficeHubConsoleProps {
  /** The stored address, when the console was connected before. */
  url?: string;
  quarters: QuarterId[];
  quarter: number;
  onQuarter(index: number): void;
  data?: OfficeHubData;
  error?: string;
  busy: boolean;
  now: number;
  onConnect(url: string, token: string): void;
  onRefresh(): void;
  onDisconnect(): void;
  onOpenCase(caseId: string): void;
  /** The case filter (department, tier); changing it reads the hub's cases again. */
  filter: CaseFilter;
  onFilter(filter: CaseFilter): void;
  /** Reads the next page of cases. */
  onMore(): void;
  /** The cases behind one figure, read from the hub by id; shown instead of the filtered list. */
  picked?: { label: string; cases: CaseListItem[] };
  onShowCases(caseIds: readonly string[], label: string): void;
  onClearPicked(): void;
}

export function OfficeHubConsole(props: OfficeHubConsoleProps) {
  const t = useT();
  const { data } = props;
  const [url, setUrl] = useState(props.url ?? '');
  const [token, setToken] = useState('');
  const { picked } = props;
  const cases = picked ? picked.cases : (data?.cases ?? []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConnect(url, token);
  };
  return (
    <section className="office-hub-console" data-testid="office-hub-console">
      <h2>{t('hubConsole_title')}</h2>
      {!data ? (
        <form className="settings" onSubmit={submit}>
          <p className="muted">{t('hubConsole_hint')}</p>
          <label>
            {t('hubPush_url')}
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hub.example.gov.cn" data-testid="hub-console-url" />
          </label>
          <label>
            {t('hubConsole_token')}
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" data-testid="hub-console-token" />
          </label>
          <button type="submit" disabled={props.busy} data-testid="hub-console-connect">
            {t('hubConsole_connect')}
          </button>
        </form>
      ) : (
        <>
          <nav className="filters">
            <span data-testid="hub-console-who">{t('hubConsole_connected', props.url ?? '', data.officer.name, data.officer.department, formatChinaTime(data.at, 'MM-dd HH:mm'))}</span>
            <select value={props.quarter} onChange={(e) => props.onQuarter(Number(e.target.value))} data-testid="hub-console-quarter">
              {props.quarters.map((q, i) => (
                <option key={`${q.year}-${q.quarter}`} value={i}>
                  {t('quarterLabel', q.year, q.quarter)}
                </option>
              ))}
            </select>
            <button type="button" disabled={props.busy} onClick={props.onRefresh} data-testid="hub-console-refresh">
              {t('hubConsole_refresh')}
            </button>
            <button type="button" onClick={props.onDisconnect} data-testid="hub-console-disconnect">
              {t('hubConsole_disconnect')}
            </button>
          </nav>
          <h3 className="doc-title">{`${data.stats.year}年第${data.stats.quarter}季度网络舆情认领处置回应情况通报（${t('hubConsole_fromHub')}）`}</h3>
          <OfficeStats stats={data.stats} bulletin={data.bulletin} />
          {'unavailable' in data.overrides ? (
            <p className="muted" data-testid="hub-override-unavailable">
              {t('override12_title')}：{data.overrides.unavailable}
            </p>
          ) : (
            <OverrideRateTable stats={data.overrides} categoryNames={data.categoryNames} onShowCases={props.onShowCases} />
          )}
          <h3>{t('hubConsole_cases')}</h3>
          <nav className="filters">
            <CaseFilters departments={data.departments} filter={props.filter} onFilter={props.onFilter} testIdPrefix="hub-filter-" disabled={props.busy || picked !== undefined} />
            <span className="count" data-testid="hub-console-case-count">
              {picked ? t('syncShowingCases', cases.length, picked.label) : cases.length < data.total ? t('hubCases_shownOf', cases.length, data.total) : t('caseCount', data.total)}
            </span>
            {picked ? (
              <button type="button" onClick={props.onClearPicked} data-testid="hub-console-clear-picked">
                {t('syncClearFilter')}
              </button>
            ) : null}
          </nav>
          <FittedCaseList cases={cases} now={props.now} onOpen={props.onOpenCase} testId="hub-console-cases" />
          {!picked && cases.length < data.total ? (
            <button type="button" disabled={props.busy} onClick={props.onMore} data-testid="hub-console-more">
              {t('hubCases_more', Math.min(HUB_PAGE_SIZE, data.total - cases.length))}
            </button>
          ) : null}
          <h3>{t('hubConsole_ledger')}</h3>
          <table className="stats" data-testid="hub-console-ledger">
            <thead>
              <tr>
                <th>{t('hubConsole_ledgerTime')}</th>
                <th>{t('officeDepartment')}</th>
                <th>{t('hubConsole_ledgerOfficer')}</th>
                <th>{t('hubConsole_ledgerVia')}</th>
                <th>{t('hubConsole_ledgerCounts')}</th>
              </tr>
            </thead>
            <tbody>
              {data.imports.map((row) => (
                <tr key={row.id}>
                  <td>{formatChinaTime(row.importedAt, 'MM-dd HH:mm')}</td>
                  <td>{row.department}</td>
                  <td>{row.officer}</td>
                  <td>{row.via === 'push' ? t('hubConsole_viaPush') : t('hubConsole_viaFolder')}</td>
                  <td>{t('hubConsole_counts', row.new, row.duplicate, row.conflict, row.refused)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {props.error ? (
        <p className="error" role="alert" data-testid="hub-console-error">
          {props.error}
        </p>
      ) : null}
    </section>
  );
}
