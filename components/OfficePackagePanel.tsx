/** The office console's package back to officers: watch list text and passphrase key id, signed on issue. */
import { useState, type FormEvent } from 'react';
import { useT } from './I18n';

export interface OfficePackagePanelProps {
  /** The office's current watch list as text (one term per line). */
  watchlistText: string;
  /** Signs and downloads the package; answers the message to show. */
  onIssue(watchlistText: string, passphraseKeyId: string): Promise<string>;
}

export function OfficePackagePanel({ watchlistText, onIssue }: OfficePackagePanelProps) {
  const t = useT();
  const [text, setText] = useState(watchlistText);
  const [keyId, setKeyId] = useState('');
  const [message, setMessage] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(await onIssue(text, keyId));
  };
  return (
    <form className="office-package" onSubmit={(e) => void submit(e)} data-testid="office-package">
      <h2>{t('syncPackageTitle')}</h2>
      <p className="muted">{t('syncPackageHint')}</p>
      <label>
        {t('syncPackageWatchlist')}
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} data-testid="package-watchlist" />
      </label>
      <label>
        {t('syncPackageKeyId')}
        <input value={keyId} required onChange={(e) => setKeyId(e.target.value)} data-testid="package-key-id" />
      </label>
      <button type="submit" data-testid="package-issue">
        {t('syncPackageIssue')}
      </button>
      {message ? <p className="form-message" data-testid="package-message">{message}</p> : null}
    </form>
  );
}
