/** A live countdown to a deadline: "剩余 3小时20分", red once overdue. */
import { formatCountdown } from '../lib/format/duration';
import { useT } from './I18n';

export interface CountdownProps {
  limit: number;
  now: number;
}

export function Countdown({ limit, now }: CountdownProps) {
  const t = useT();
  const overdue = now > limit;
  return (
    <span className={overdue ? 'countdown overdue' : 'countdown'} data-testid="countdown">
      {formatCountdown(limit, now, t)}
    </span>
  );
}
