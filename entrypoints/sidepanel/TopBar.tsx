import { useT } from '../../components/I18n';
import type { Settings } from '../../lib/db/entities/settings';
import { useDbConnectionState } from '../../lib/hooks';
import { useLastPatrol } from '../../lib/hooks/use-last-patrol';
import { formatChinaTime } from '../../lib/format/china-time';

/** The desk's header: who is working, the settings button, and a blocked-database warning. */
export function TopBar({ settings, onSettings }: { settings: Settings | undefined; onSettings(): void }) {
  const t = useT();
  const connection = useDbConnectionState();
  const { lastPatrolAt, recordPatrol } = useLastPatrol();
  return (
    <>
      <header className="topbar">
        <h1>{t('extName')}</h1>
        <span className="who" data-testid="who">
          {settings?.officerName ? `${settings.officerName} · ${settings.department}` : t('officerMissing')}
        </span>
        <button
          type="button"
          onClick={recordPatrol}
          title={lastPatrolAt ? t('lastPatrol', formatChinaTime(lastPatrolAt)) : undefined}
          data-testid="record-patrol"
        >
          {t('recordPatrol')}
        </button>
        <button type="button" onClick={onSettings} data-testid="open-settings">
          {t('settings')}
        </button>
      </header>
      {connection === 'blocked' ? (
        <p className="error" role="alert">
          {t('dbBlocked')}
        </p>
      ) : null}
    </>
  );
}
