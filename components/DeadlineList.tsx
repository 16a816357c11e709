/** Every deadline of a case: target (力争) and limit, status, live countdown, provisional mark. */
import type { Deadline } from '../lib/cases';
import type { MessageKey } from '../lib/i18n';
import { formatChinaTime } from '../lib/format/china-time';
import { Countdown } from './Countdown';
import { useT } from './I18n';

export function DeadlineList({ deadlines, now }: { deadlines: Deadline[]; now: number }) {
  const t = useT();
  if (deadlines.length === 0) return <p className="muted">{t('noDeadlines')}</p>;
  return (
    <div data-testid="deadlines">
      {deadlines.some((d) => d.provisional && (d.status === 'pending' || d.status === 'overdue')) ? (
        <p className="muted" data-testid="provisional-note">
          ⚠ {t('desk12_provisionalNote')}
        </p>
      ) : null}
      {deadlines.map((d) => {
        const open = d.status === 'pending' || d.status === 'overdue';
        const tone = d.status === 'overdue' || d.status === 'met-late' ? 'overdue' : d.status === 'met' ? 'met' : (d.warning ?? 0) >= 0.75 ? 'warn' : '';
        return (
          <div key={d.ruleId} className={`deadline ${tone}`} data-testid="deadline"
            data-step={d.step}
            data-status={d.status}
            // Epoch ms, for tools that read the page (the text is China time, to the minute).
            data-limit={d.limit}
            data-target={d.target}
          >
            <span>
              <strong>{d.label}</strong> · {t(`deadline_${d.status.replace('-', '_')}` as MessageKey)}
            </span>
            <span>{open ? <Countdown limit={d.limit} now={now} /> : d.doneAt ? formatChinaTime(d.doneAt) : null}</span>
            <span className="sub">
              {d.target !== undefined ? `${t('deadlineTarget', formatChinaTime(d.target))} · ` : ''}
              {t('deadlineLimit', formatChinaTime(d.limit))}
              {d.extended ? ` · ${t('extended')}` : ''}
              {d.provisional ? ` · ⚠ ${t('provisional')}` : ''}
            </span>
          </div>
        );
      })}
    </div>
  );
}
