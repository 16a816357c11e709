/**
 * The desk's export to the office: scope, passphrase (encrypted by default;
 * an unencrypted export is an explicit choice), screenshots. Props in,
 * callback out: the page does the export and the download.
 */
import { useState, type FormEvent } from 'react';
import { useT } from './I18n';

/** What the officer chose. */
export interface SyncExportRequest {
  scope: 'all' | 'since-last';
  /** Undefined for an unencrypted export. */
  passphrase?: string;
  includeScreenshots: boolean;
}

export interface SyncExportPanelProps {
  /** Key id of the office passphrase named by the office's package, when one was imported. */
  keyId?: string;
  /** Does the export; answers the message to show. */
  onExport(request: SyncExportRequest): Promise<string>;
}

export function SyncExportPanel({ keyId, onExport }: SyncExportPanelProps) {
  const t = useT();
  const [scope, setScope] = useState<SyncExportRequest['scope']>('since-last');
  const [passphrase, setPassphrase] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  const [screenshots, setScreenshots] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unencrypted && passphrase.length === 0) {
      setMessage(t('syncNeedPassphrase'));
      return;
    }
    setBusy(true);
    try {
      setMessage(
        await onExport({ scope, includeScreenshots: screenshots, ...(unencrypted ? {} : { passphrase }) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings sync-export" onSubmit={(e) => void submit(e)} data-testid="sync-export">
      <h2>{t('syncExportTitle')}</h2>
      <p className="muted">{t('syncExportHint')}</p>
      <label>
        <input type="radio" name="scope" checked={scope === 'since-last'} onChange={() => setScope('since-last')} />
        {t('syncScopeSince')}
      </label>
      <label>
        <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="sync-scope-all" />
        {t('syncScopeAll')}
      </label>
      <label>
        {t('syncPassphrase')}
        <input
          type="password"
          value={passphrase}
          disabled={unencrypted}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="off"
          data-testid="sync-passphrase"
        />
      </label>
      {keyId ? <p className="muted">{t('syncKeyId', keyId)}</p> : null}
      <label>
        <input type="checkbox" checked={unencrypted} onChange={(e) => setUnencrypted(e.target.checked)} data-testid="sync-unencrypted" />
        {t('syncUnencrypted')}
      </label>
      <label>
        <input type="checkbox" checked={screenshots} onChange={(e) => setScreenshots(e.target.checked)} />
        {t('syncScreenshots')}
      </label>
      <button type="submit" disabled={busy} data-testid="sync-export-button">
        {t('syncExportButton')}
      </button>
      {message ? (
        <p className="form-message" data-testid="sync-export-message">
          {message}
        </p>
      ) : null}
    </form>
  );
}
