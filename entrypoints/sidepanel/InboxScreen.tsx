/** The inbox: filters over the live case list, most urgent (overdue) first. */
import { useMemo, useState } from 'react';
import { CaseList } from '../../components/CaseList';
import { useT } from '../../components/I18n';
import type { CaseListItem } from '../../components/types';
import { STEP_LABELS } from '../../lib/policy/steps';
import { ALL_CASES, useCases, useNow } from '../../lib/hooks';
import type { CaseRow } from '../../lib/db/entities/case-row';
import type { MessageKey, Translate } from '../../lib/i18n';

const FILTERS = ['open', 'unclaimed', 'overdue', 'closed', 'all'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABELS: Record<Filter, MessageKey> = {
  open: 'filterOpen',
  unclaimed: 'filterUnclaimed',
  overdue: 'filterOverdue',
  closed: 'filterClosed',
  all: 'filterAll',
};

function keep(filter: Filter, row: CaseRow, now: number): boolean {
  switch (filter) {
    case 'open':
      return row.status !== 'closed';
    case 'unclaimed':
      return row.status === 'captured';
    case 'overdue':
      return row.nextDeadlineAt != null && row.nextDeadlineAt < now;
    case 'closed':
      return row.status === 'closed';
    case 'all':
      return true;
  }
}

/** A case row as the inbox (and the office console) lists it. */
export function toItem(row: CaseRow, now: number, t: Translate): CaseListItem {
  return {
    caseId: row.caseId,
    title: row.title,
    site: row.site,
    status: row.status,
    ...(row.tier ? { tier: row.tier } : {}),
    ...(row.department ? { department: row.department } : {}),
    nextDeadlineAt: row.nextDeadlineAt,
    ...(row.nextDeadlineAt != null && row.provisional ? { provisional: true } : {}),
    ...(row.author ? { author: row.author } : {}),
    ...nextStepLabel(row, t),
    overdue: row.nextDeadlineAt != null && row.nextDeadlineAt < now,
  };
}


/**
 * The next action by the procedure (the same the case page shows), and the
 * step of the most urgent deadline when that is another one.
 */
function nextStepLabel(row: CaseRow, t: Translate): { nextStepLabel?: string; deadlineLabel?: string } {
  const stepLabel = (step: string) => ((STEP_LABELS as Record<string, string>)[step] ? t(`step_${step.replace(/-/g, '_')}` as MessageKey) : step);
  return {
    ...(row.nextStep ? { nextStepLabel: stepLabel(row.nextStep) } : {}),
    ...(row.nextDeadlineStep && row.nextDeadlineStep !== row.nextStep ? { deadlineLabel: stepLabel(row.nextDeadlineStep) } : {}),
  };
}

export function InboxScreen({ onOpen }: { onOpen(caseId: string): void }) {
  const t = useT();
  const now = useNow(1000);
  const [filter, setFilter] = useState<Filter>('open');
  const rows = useCases({ order: 'urgency', limit: ALL_CASES });
  // The countdowns tick every second, but membership only changes by the minute: filter at minute granularity.
  const minute = Math.floor(now / 60_000);
  const items = useMemo(
    () => (rows ?? []).filter((row) => keep(filter, row, minute * 60_000)).map((row) => toItem(row, minute * 60_000, t)),
    [rows, filter, minute, t],
  );
  return (
    <>
      <nav className="filters" aria-label={t('deskTitle')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`filter-${f}`}>
            {t(FILTER_LABELS[f])}
          </button>
        ))}
        <span className="count" data-testid="case-count">
          {t('caseCount', items.length)}
        </span>
        <a href="report.html#day/" target="_blank" rel="noreferrer" data-testid="open-daily-log">
          {t('desk12_dailyLog')}
        </a>
      </nav>
      {rows === undefined ? <p className="empty">{t('loading')}</p> : <CaseList cases={items} now={now} onOpen={onOpen} />}
    </>
  );
}
