/** The toolbar popup: this page's flags, the desk's workload, and capture without leaving the page. */
import { useState } from 'react';
import { useT } from './I18n';

export interface PopupViewProps {
  flaggedOnPage: number | undefined;
  openCases: number;
  overdueCases: number;
  onCapturePage(): Promise<string | undefined>;
  onCaptureSelection(): Promise<string | undefined>;
  onOpenDesk(): void;
}

export function PopupView(props: PopupViewProps) {
  const t = useT();
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const run = async (action: () => Promise<string | undefined>) => {
    setMessage(undefined);
    const error = await action();
    setMessage(error ? { error: true, text: error } : { error: false, text: t('captured') });
  };
  return (
    <div className="popup" style={{ width: 340, padding: 12, display: 'grid', gap: 10 }}>
      <header className="topbar" style={{ margin: '-12px -12px 0' }}>
        <h1>{t('extName')}</h1>
      </header>
      <p data-testid="popup-flagged">{t('popupFlagged', props.flaggedOnPage ?? 0)}</p>
      <p data-testid="popup-cases">{t('popupOpenCases', props.openCases, props.overdueCases)}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void run(props.onCapturePage)} data-testid="capture-page">
          {t('capturePage')}
        </button>
        <button type="button" onClick={() => void run(props.onCaptureSelection)} data-testid="capture-selection">
          {t('captureSelection')}
        </button>
        <button type="button" onClick={props.onOpenDesk} data-testid="open-desk">
          {t('openDesk')}
        </button>
      </div>
      {message ? (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
