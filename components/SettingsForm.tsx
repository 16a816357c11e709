/** The settings form (presentational): values in, a validated save out. */
import { useState, type FormEvent } from 'react';
import type { Settings } from '../lib/db/entities/settings';
import { formatCalendarOverrides, parseCalendarOverrides } from '../lib/calendar/overrides';
import type { StorageEstimate } from '../lib/db/repos/storage';
import { useT } from './I18n';

/** What the form saves. `watchlistText` is set only when the officer edited the list. */
export interface SettingsFormValue {
  settings: Partial<Settings>;
  watchlistText?: string;
}

export interface SettingsFormProps {
  settings: Settings;
  profiles: { id: string; name: string }[];
  watchlistText: string;
  /** 'json' when the list holds what the text format cannot say: the editor then shows (and saves) JSON. */
  watchlistFormat?: 'text' | 'json';
  watchlistJson: string;
  coverage: { first: string; last: string };
  storage?: StorageEstimate;
  onSave(value: SettingsFormValue): Promise<string | undefined>;
}

function megabytes(bytes: number | null): string {
  return bytes == null ? '—' : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function SettingsForm(props: SettingsFormProps) {
  const t = useT();
  const [officerName, setOfficerName] = useState(props.settings.officerName);
  const [department, setDepartment] = useState(props.settings.department);
  const [profileId, setProfileId] = useState(props.settings.activeProfileId);
  const [locale, setLocale] = useState(props.settings.locale);
  const [watchlist, setWatchlist] = useState(props.watchlistText);
  const [overrides, setOverrides] = useState(formatCalendarOverrides(props.settings.calendarOverrides));
  const [message, setMessage] = useState<{ error: boolean; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Adjustments that cannot be used are refused here, line by line; nothing is saved and the calendar in force stays.
    const adjustments = parseCalendarOverrides(overrides);
    if (!adjustments.ok) {
      const lines = adjustments.errors.map((e) => `${t('guardCalendarOverridesRefused')} ${t('importLine', e.line)}：${e.message}`);
      setMessage({ error: true, text: lines.join('\n') });
      return;
    }
    const error = await props.onSave({
      settings: { officerName, department, activeProfileId: profileId, locale, calendarOverrides: adjustments.value },
      ...(watchlist !== props.watchlistText ? { watchlistText: watchlist } : {}),
    });
    setMessage(error ? { error: true, text: error } : { error: false, text: t('saved') });
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([props.watchlistJson], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'watchlist.json';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <form className="settings" onSubmit={(e) => void submit(e)} data-testid="settings-form">
      <label>
        {t('officerName')}
        <input value={officerName} onChange={(e) => setOfficerName(e.target.value)} name="officerName" required />
      </label>
      <label>
        {t('officerDepartment')}
        <input value={department} onChange={(e) => setDepartment(e.target.value)} name="department" required />
      </label>
      <label>
        {t('policyProfile')}
        <select value={profileId} onChange={(e) => setProfileId(e.target.value)} name="profile">
          {props.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('language')}
        <select value={locale} onChange={(e) => setLocale(e.target.value as Settings['locale'])} name="locale">
          <option value="zh_CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t('watchlist')} <span className="muted">{t('watchlistHint')}</span>
        {props.watchlistFormat === 'json' ? <span className="muted" data-testid="watchlist-json-note"> {t('guardWatchlistShownAsJson')}</span> : null}
        <textarea rows={8} value={watchlist} onChange={(e) => setWatchlist(e.target.value)} name="watchlist" />
      </label>
      <div>
        <button type="button" onClick={download}>
          {t('exportWatchlist')}
        </button>
        <label style={{ display: 'inline-block', marginLeft: 8 }}>
          {t('importWatchlist')}
          <input type="file" accept=".json,.txt,text/plain,application/json" onChange={(e) => void e.target.files?.[0]?.text().then(setWatchlist)} />
        </label>
      </div>
      <label>
        {t('calendarOverrides')} <span className="muted">{t('calendarCoverage', props.coverage.first, props.coverage.last)}</span>
        <textarea rows={3} value={overrides} onChange={(e) => setOverrides(e.target.value)} placeholder="2026-12-01 holiday 县庆" name="overrides" />
      </label>
      {props.storage ? (
        <p className="muted" data-testid="storage">
          {t('storageUsage', megabytes(props.storage.usage), megabytes(props.storage.quota))} ·{' '}
          {props.storage.persisted ? t('storagePersisted') : t('storageNotPersisted')}
        </p>
      ) : null}
      {message ? (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'} style={{ whiteSpace: 'pre-line' }}>
          {message.text}
        </p>
      ) : null}
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
