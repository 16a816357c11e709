/**
 * The office console's "校验": checks every event and evidence on this
 * machine (logs merged from several officers included), case chain by case
 * chain, and names the first that no longer matches.
 */
import type { VerificationReport } from '../lib/evidence/verify';
import { EvidenceCheck } from './EvidenceCheck';
import { useT } from './I18n';

export function OfficeEvidenceCheck({ onVerify }: { onVerify(): Promise<VerificationReport> }) {
  const t = useT();
  return (
    <section data-testid="office-evidence-check">
      <h2>{t('console_verify_heading')}</h2>
      <p className="muted">{t('console_verify_hint')}</p>
      <EvidenceCheck onVerify={onVerify} />
    </section>
  );
}
