/**
 * The "校验" action: recomputes every hash of the log and the evidence and
 * says either that all is intact or which event or evidence first no longer
 * matches. Used at the desk (one case) and in the office console (all).
 */
import { useState } from 'react';
import type { VerificationReport } from '../lib/evidence/verify';
import type { MessageKey } from '../lib/i18n/translate';
import { useT } from './I18n';

export interface EvidenceCheckProps {
  onVerify(): Promise<VerificationReport>;
  /** Names an event for the officer (e.g. "认领 · 2026-11-20 09:12"), from its id; the id is shown otherwise. */
  describeEvent?(id: string): string | undefined;
}

export function EvidenceCheck({ onVerify, describeEvent }: EvidenceCheckProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerificationReport>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await onVerify());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const first = report?.first;
  return (
    <div className="evidence-check" data-testid="evidence-check">
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="verify-log">
        {busy ? t('verify_running') : t('verify_button')}
      </button>
      {error ? <p className="error">{error}</p> : null}
      {report && report.ok ? (
        <p className="ok" data-testid="verify-result" data-ok="true">
          {t('verify_ok', report.events, report.evidence, report.chains.length)}
          {report.chains.some((c) => c.unsealed > 0) || report.unrecordedEvidence > 0 ? ` ${t('verify_legacy')}` : ''}
        </p>
      ) : null}
      {report && first ? (
        <div className="error" data-testid="verify-result" data-ok="false" role="alert">
          <p>
            {t(first.kind === 'event' ? 'verify_first_event' : 'verify_first_evidence', describeEvent?.(first.id) ?? first.id, first.caseId)}
          </p>
          <p>{t(`verify_reason_${first.reason.replaceAll('-', '_')}` as MessageKey)}{first.field ? `（${first.field}）` : ''}</p>
          {report.findings.length > 1 ? <p className="muted">{t('verify_more', report.findings.length - 1)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
