/** Small coloured labels for a case's status and severity tier. */
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const key = `status_${status}` as MessageKey;
  return <span className={`badge status-${status}`}>{t(key)}</span>;
}

export function TierBadge({ tier }: { tier: string }) {
  const t = useT();
  const key = `tier_${tier.replace(/-/g, '_')}` as MessageKey;
  return <span className={`badge tier-${tier}`}>{t(key)}</span>;
}
