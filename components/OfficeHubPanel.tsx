/**
 * The desk's office hub section (上报至办公室): the hub's address, the
 * officer's token (never shown back, only its last characters), automatic
 * push, "立即推送", and the last push's outcome in words — synced with the
 * hub's counts, or what went wrong (unreachable, token revoked, too large,
 * file refused with its JSON paths). Props in, callbacks out.
 */
import { useState, type FormEvent } from 'react';
import { formatChinaTime } from '../lib/format/china-time';
import type { Translate } from '../lib/i18n';
import type { OfficeHubStatus, OfficeHubView } from '../lib/office-push/desk';
import { useT } from './I18n';

export interface OfficeHubPanelProps {
  view: OfficeHubView;
  /** Saves (after the hub confirmed the token); answers an error or a confirmation to show. */
  onSave(input: { url: string; token: string; auto: boolean }): Promise<{ error?: string; message?: string }>;
  /** Pushes now; answers an error to show when there was nothing to push with (no link, no name). */
  onPush(): Promise<string | undefined>;
}

/** The last push in one sentence, for the officer. */
export function officeHubStatusText(status: OfficeHubStatus, t: Translate): string {
  const time = formatChinaTime(status.at, 'MM-dd HH:mm');
  switch (status.result) {
    case 'synced':
      return t('hubPush_synced', time, status.counts?.new ?? 0, status.counts?.duplicate ?? 0, status.counts?.conflict ?? 0);
    case 'replayed':
      return t('hubPush_replayed', time);
    case 'nothing':
      return t('hubPush_nothing', time);
    case 'failed':
      return t('hubPush_unreachable', time, status.attempts ?? 1, status.detail ?? '');
    case 'refused':
      switch (status.code) {
        case 'token-revoked':
          return t('hubPush_revoked', time);
        case 'token-unknown':
        case 'token-missing':
          return t('hubPush_unknownToken', time);
        case 'body-too-large':
          return t('hubPush_tooLarge', time, status.events ?? 0);
        case 'wrong-sender':
          return t('hubPush_wrongSender', time);
        default:
          return t('hubPush_refusedFile', time, status.code ?? '', status.detail ?? '');
      }
  }
}

export function OfficeHubPanel({ view, onSave, onPush }: OfficeHubPanelProps) {
  const t = useT();
  const [url, setUrl] = useState(view.url ?? '');
  const [token, setToken] = useState('');
  const [auto, setAuto] = useState(view.auto);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await onSave({ url, token, auto });
      if (!answer.error) setToken('');
      setMessage(answer.error ? { text: answer.error, error: true } : { text: answer.message ?? t('hubPush_saved'), error: false });
    } finally {
      setBusy(false);
    }
  };
  const push = async () => {
    setBusy(true);
    setMessage({ text: t('hubPush_pushing'), error: false });
    try {
      const error = await onPush();
      setMessage(error ? { text: error, error: true } : undefined);
    } finally {
      setBusy(false);
    }
  };
  const status = view.status;
  const failed = status?.result === 'refused' || status?.result === 'failed';

  return (
    <form className="settings office-hub" onSubmit={(e) => void save(e)} data-testid="office-hub">
      <h2>{t('hubPush_title')}</h2>
      <p className="muted">{t('hubPush_hint')}</p>
      <label>
        {t('hubPush_url')}
        <input
          type="url"
          value={url}
          placeholder="https://hub.example.gov.cn"
          onChange={(e) => setUrl(e.target.value)}
          autoComplete="off"
          data-testid="hub-url"
        />
      </label>
      <label>
        {t('hubPush_token')}
        <input
          type="password"
          value={token}
          placeholder={view.tokenHint ? t('hubPush_tokenKept', view.tokenHint) : 'yq_…'}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="off"
          data-testid="hub-token"
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} data-testid="hub-auto" />
        {t('hubPush_auto')}
      </label>
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="hub-save">
          {t('hubPush_save')}
        </button>
        <button type="button" disabled={busy || !view.url} onClick={() => void push()} data-testid="hub-push">
          {t('hubPush_now')}
        </button>
      </div>
      {status ? (
        <p className={failed ? 'error' : 'ok'} role="status" data-testid="hub-status" data-result={status.result}>
          {officeHubStatusText(status, t)}
        </p>
      ) : view.url ? (
        <p className="muted" data-testid="hub-status">{t('hubPush_never')}</p>
      ) : null}
      {status?.errors && status.errors.length > 0 ? (
        <ul className="error" data-testid="hub-errors">
          {status.errors.slice(0, 20).map((e) => (
            <li key={`${e.path} ${e.message}`}>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {failed && view.lastSyncedAt ? <p className="muted">{t('hubPush_lastSynced', formatChinaTime(view.lastSyncedAt, 'MM-dd HH:mm'))}</p> : null}
      {message ? (
        <p className={message.error ? 'error' : 'muted'} data-testid="hub-message">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
