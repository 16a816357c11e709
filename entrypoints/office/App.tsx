/**
 * The office console (an unlisted extension page): the quarterly bulletin of
 * claim, handling and response per department, from the claim log on this
 * machine. Merging the sync files of many officers comes with the sync issue.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { I18nProvider, useT } from '../../components/I18n';
import { OfficeStats } from '../../components/OfficeStats';
import { OfficeEvidenceCheck } from '../../components/OfficeEvidenceCheck';
import { verifyStoredLog } from '../../lib/db/repos/evidence-log';
import { getDb } from '../../lib/db/db';
import { projectionContextOf } from '../../lib/db/projection';
import { listAllEvents } from '../../lib/db/repos/events';
import { useNow, useSettings } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { bulletinText, quarterOf, quarterlyStats, type QuarterId } from '../../lib/report';

/** The current quarter and the seven before it. */
function recentQuarters(now: number): QuarterId[] {
  const { year, quarter } = quarterOf(now);
  return Array.from({ length: 8 }, (_, i) => {
    const index = year * 4 + (quarter - 1) - i;
    return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as QuarterId['quarter'] };
  });
}

function Console() {
  const t = useT();
  const now = useNow(60_000);
  const settings = useSettings();
  const policy = useActiveProfile();
  const events = useLiveQuery(() => listAllEvents(getDb()), []);
  const quarters = useMemo(() => recentQuarters(now), [now]);
  const [chosen, setChosen] = useState(0);
  const quarter = quarters[chosen] ?? quarters[0]!;
  const stats = useMemo(
    () =>
      events && policy && settings
        ? quarterlyStats(events, policy, { quarter, now, options: projectionContextOf(settings, policy).options })
        : undefined,
    [events, policy, settings, quarter, now],
  );
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <header className="topbar">
        <h1>{t('officeTitle')}</h1>
        <span className="who">{policy ? t('profileActive', policy.name) : null}</span>
      </header>
      <div className="settings">
        <p className="muted">{t('officeHint')}</p>
        <label>
          {t('officeQuarter')}
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="quarter">
            {quarters.map((q, i) => (
              <option key={`${q.year}-${q.quarter}`} value={i}>
                {t('quarterLabel', q.year, q.quarter)}
              </option>
            ))}
          </select>
        </label>
        <h2>{t('officeStats')}</h2>
        {stats && policy ? <OfficeStats stats={stats} bulletin={bulletinText(stats, policy.name)} /> : <p>{t('loading')}</p>}
        <OfficeEvidenceCheck onVerify={() => verifyStoredLog(getDb())} />
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
