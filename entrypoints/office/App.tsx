/**
 * The office console (an unlisted extension page): import of the officers'
 * sync files, the whole office's cases (conflicts first, filterable by
 * department and tier) in the desk's list and case views, and the quarterly
 * bulletin per department with charts, CSV and a printable page.
 */
import { useCallback, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { I18nProvider, useT } from '../../components/I18n';
import { CaseFilters } from '../../components/CaseFilters';
import { FittedCaseList } from '../../components/CaseList';
import { SyncImportPanel } from '../../components/SyncImportPanel';
import { BulletinTable } from '../../components/BulletinTable';
import { BulletinChart } from '../../components/BulletinChart';
import { OverrideRateTable } from '../../components/OverrideRateTable';
import { overrideStats } from '../../lib/classify';
import { OfficeEvidenceCheck } from '../../components/OfficeEvidenceCheck';
import { verifyStoredLog } from '../../lib/db/repos/evidence-log';
import { getDb } from '../../lib/db/db';
import { projectionContextOf } from '../../lib/db/projection';
import { currentOfficeBulletin } from '../../lib/db/repos/office-bulletin';
import { listAllEvents } from '../../lib/db/repos/events';
import { ALL_CASES, useCases, useNow, useSettings } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { OfficeStats } from '../../components/OfficeStats';
import { bulletinText, quarterlyStats } from '../../lib/report';
import { recentQuarters } from '../../lib/report/recent-quarters';
import { BULLETIN_LABELS, bulletinCsv } from '../../lib/report/office-bulletin';
import type { CaseConflict } from '../../lib/sync/conflicts';
import { importSyncTexts } from '../../lib/sync/import';
import { downloadText } from '../../lib/files/download';
import { toItem } from '../../components/case-list-item';
import { OfficePackagePanel } from '../../components/OfficePackagePanel';
import { issueOfficePackage } from '../../lib/sync/issue-package';
import { getActiveWatchlist } from '../../lib/db/repos/watchlists';
import { exportWatchlist } from '../../lib/match';
import { chinaDayOf } from '../../lib/calendar/china-date';
import { CaseScreen } from '../sidepanel/CaseScreen';
import { ConflictAssignment } from '../../components/ConflictAssignment';
import { assignCase } from '../../lib/sync/assign';
import { HubSection } from './HubSection';


/** Cases picked from a bulletin figure: their ids and what they are. */
interface Picked {
  caseIds: Set<string>;
  label: string;
}

function Console() {
  const t = useT();
  const now = useNow(60_000);
  const settings = useSettings();
  const policy = useActiveProfile();
  const events = useLiveQuery(() => listAllEvents(getDb()), []);
  const rows = useCases({ order: 'urgency', limit: ALL_CASES });
  const quarters = useMemo(() => recentQuarters(now), [now]);
  const [chosen, setChosen] = useState(0);
  const [department, setDepartment] = useState('');
  const [tier, setTier] = useState('');
  const [picked, setPicked] = useState<Picked>();
  const [open, setOpen] = useState<string>();
  const quarter = quarters[chosen] ?? quarters[0]!;

  // Each case row keeps its conflict (written with its projection): no replay of the log.
  const conflicts = useMemo(
    () => new Map<string, CaseConflict>((rows ?? []).flatMap((r) => (r.conflict ? [[r.caseId, r.conflict] as const] : []))),
    [rows],
  );
  // The bulletin from each case's stored figures, judged at this moment (re-read on every change and each minute).
  const bulletin = useLiveQuery(
    () => currentOfficeBulletin(getDb(), { quarter: { year: quarter.year, quarter: quarter.quarter }, now: Math.max(now, Date.now()) }),
    [quarter.year, quarter.quarter, now],
  );
  // 研判改判率 and the summary table and text to paste into the office's document, as of the bulletin's time.
  const { overrides, stats } = useMemo(() => {
    if (!events || !policy || !settings || !bulletin) return {};
    const asOf = bulletin.asOf;
    const input = { quarter, now: asOf, options: projectionContextOf(settings, policy).options };
    // Over the bulletin's cases (captured in the quarter).
    const counted = new Set(bulletin.totals.captured.caseIds);
    const overrides = overrideStats(events.filter((e) => e.at <= asOf && counted.has(e.caseId)));
    return { overrides, stats: quarterlyStats(events, policy, input) };
  }, [events, policy, settings, quarter, bulletin]);
  const categoryNames = useMemo(() => new Map((policy?.categories ?? []).map((c) => [c.id, c.name])), [policy]);
  const departments = useMemo(() => [...new Set((rows ?? []).flatMap((r) => (r.department ? [r.department] : [])))].sort(), [rows]);
  const items = useMemo(() => {
    const list = (rows ?? [])
      .filter((r) => (!department || r.department === department) && (!tier || r.tier === tier))
      .filter((r) => !picked || picked.caseIds.has(r.caseId))
      .map((r) => ({ ...toItem(r, now, t), conflict: conflicts.has(r.caseId) }));
    // Conflicts first (the office must assign them), otherwise the desk's urgency order.
    return [...list.filter((i) => i.conflict), ...list.filter((i) => !i.conflict)];
  }, [rows, department, tier, picked, conflicts, now, t]);

  // Competing claims to settle (指定认领), with the case titles from the list rows.
  const toAssign = useMemo(() => {
    const titles = new Map((rows ?? []).map((r) => [r.caseId, r.title]));
    return [...conflicts.values()]
      .filter((c) => c.competingClaims)
      .map((c) => ({ caseId: c.caseId, title: titles.get(c.caseId) ?? c.caseId, claimants: c.claimants }));
  }, [conflicts, rows]);
  const assign = useCallback(async (caseId: string, to: string, reason: string) => {
    const done = await assignCase(getDb(), { caseId, department: to, reason, now: Date.now() });
    return done.ok ? undefined : done.error.message;
  }, []);

  const showCases = useCallback((caseIds: string[], label: string) => {
    setPicked({ caseIds: new Set(caseIds), label });
    setDepartment('');
    setTier('');
    document.getElementById('office-cases')?.scrollIntoView();
  }, []);
  const importFiles = useCallback(
    (files: { name: string; text: string }[], passphrase: string) =>
      importSyncTexts(getDb(), files, { now: Date.now(), ...(passphrase ? { passphrase } : {}) }),
    [],
  );

  const watchlist = useLiveQuery(() => getActiveWatchlist(getDb()), []);
  const issuePackage = useCallback(
    async (watchlistText: string, passphraseKeyId: string) => {
      const at = Date.now();
      const issued = await issueOfficePackage(getDb(), { watchlistText, passphraseKeyId, now: at });
      if (!issued.ok) return issued.error.message;
      const name = `办公室包-${issued.data.office}-${chinaDayOf(at)}.json`;
      downloadText(name, JSON.stringify(issued.data, null, 2));
      return t('syncPackageIssued', name);
    },
    [t],
  );

  if (open) {
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <CaseScreen caseId={open} onBack={() => setOpen(undefined)} onOpenCase={setOpen} />
      </div>
    );
  }

  return (
    <div className="office" style={{ maxWidth: 1100, margin: '0 auto' }}>
      <header className="topbar no-print">
        <h1>{t('officeTitle')}</h1>
        <span className="who">{policy ? t('profileActive', policy.name) : null}</span>
      </header>
      <div className="settings">
        <div className="no-print">
          <HubSection />
        </div>
        <div className="no-print">
          <SyncImportPanel onImport={importFiles} />
        </div>

        <div className="no-print">
          <ConflictAssignment conflicts={toAssign} departments={departments} onAssign={assign} />
        </div>

        <section id="office-cases" className="no-print" data-testid="office-cases">
          <h2>{t('syncCasesTitle')}</h2>
          <nav className="filters">
            <CaseFilters
              departments={departments}
              filter={{ department, tier }}
              onFilter={(next) => {
                setDepartment(next.department);
                setTier(next.tier);
              }}
            />
            {picked ? (
              <button type="button" onClick={() => setPicked(undefined)} data-testid="clear-picked">
                {t('syncClearFilter')}
              </button>
            ) : null}
            <span className="count" data-testid="office-case-count">
              {picked ? t('syncShowingCases', items.length, picked.label) : t('caseCount', items.length)}
            </span>
          </nav>
          <FittedCaseList cases={items} now={now} onOpen={setOpen} />
        </section>

        <section className="bulletin-page" data-testid="bulletin-section">
          <h2>{t('syncBulletinTitle')}</h2>
          <div className="no-print filters">
            <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="quarter">
              {quarters.map((q, i) => (
                <option key={`${q.year}-${q.quarter}`} value={i}>
                  {t('quarterLabel', q.year, q.quarter)}
                </option>
              ))}
            </select>
            {bulletin ? (
              <>
                <button
                  type="button"
                  onClick={() => downloadText(`季度通报-${bulletin.year}年第${bulletin.quarter}季度.csv`, bulletinCsv(bulletin), 'text/csv')}
                  data-testid="bulletin-csv"
                >
                  {t('syncBulletinCsv')}
                </button>
                <button type="button" onClick={() => window.print()} data-testid="bulletin-print">
                  {t('syncBulletinPrint')}
                </button>
              </>
            ) : null}
          </div>
          {bulletin ? (
            <>
              <h3 className="doc-title">{`${bulletin.year}年第${bulletin.quarter}季度网络舆情认领处置回应情况通报`}</h3>
              <BulletinChart departments={bulletin.departments} labels={BULLETIN_LABELS} title={t('syncChartTitle')} onShowCases={showCases} />
              <BulletinTable bulletin={bulletin} onShowCases={showCases} />
              {overrides ? <OverrideRateTable stats={overrides} categoryNames={categoryNames} onShowCases={showCases} /> : null}
              {stats && policy ? <OfficeStats stats={stats} bulletin={bulletinText(stats, policy.name)} /> : null}
            </>
          ) : (
            <p>{t('loading')}</p>
          )}
        </section>

        <section className="no-print">
          <OfficeEvidenceCheck onVerify={() => verifyStoredLog(getDb())} />
        </section>
        {watchlist ? (
          <div className="no-print">
            <OfficePackagePanel watchlistText={exportWatchlist(watchlist.entries, 'text')} onIssue={issuePackage} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function App() {
  const settings = useSettings();
  return (
    <I18nProvider locale={settings?.locale ?? 'zh_CN'}>
      <Console />
    </I18nProvider>
  );
}
