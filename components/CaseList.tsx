/**
 * The inbox: every case of the officer's log, most urgent first, each with
 * its live countdown. Virtualized, because an office log reaches thousands
 * of cases and the side panel must paint at once.
 */
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Countdown } from './Countdown';
import { StatusBadge, TierBadge } from './Badges';
import { useT } from './I18n';
import type { CaseListItem } from './types';

export interface CaseListProps {
  cases: CaseListItem[];
  now: number;
  onOpen(caseId: string): void;
  /** Index of the row chosen with the keyboard (j/k), shown and kept in view; -1 or absent: none. */
  selected?: number;
  /** Called when the rows near the end of `cases` come into view (the inbox then reads the next page). */
  onNearEnd?(): void;
}

/** How close to the last loaded row the list asks for more. */
const NEAR_END_ROWS = 10;

const ROW_HEIGHT = 76;

/**
 * Memoized: the inbox re-renders when its count and filter lists arrive just
 * after the first rows; the rows (same items, same second) are not redrawn then.
 */
export const CaseList = memo(function CaseList({ cases, now, onOpen, selected = -1, onNearEnd }: CaseListProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom and the first paint have no layout yet: render the first screenful anyway.
    initialRect: { width: 360, height: 640 },
  });
  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  useEffect(() => {
    if (onNearEnd && cases.length > 0 && lastVisible >= cases.length - NEAR_END_ROWS) onNearEnd();
  }, [lastVisible, cases.length, onNearEnd]);
  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);
  if (cases.length === 0)
    return (
      <p className="empty" data-testid="empty-inbox">
        {t('emptyInbox')}
      </p>
    );
  return (
    <div ref={scroller} className="case-list" data-testid="case-list">
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = cases[row.index];
          if (!item) return null;
          return (
            <li
              key={item.caseId}
              className={`case-row${item.overdue ? ' overdue' : ''}${row.index === selected ? ' selected' : ''}`}
              aria-current={row.index === selected ? 'true' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <button type="button" onClick={() => onOpen(item.caseId)} data-testid="case-row" data-case-id={item.caseId}>
                <span className="row-title">{item.title}</span>
                <span className="row-meta">
                  {item.conflict ? <span className="badge conflict">{t('syncConflictBadge')}</span> : null}
                  <StatusBadge status={item.status} />
                  {item.tier ? <TierBadge tier={item.tier} /> : null}
                  {item.author ? <span className="row-author">{item.author}</span> : null}
                  <span className="row-site">{item.site}</span>
                  {item.department ? <span className="row-dept">{item.department}</span> : null}
                </span>
                <span className="row-deadline">
                  {item.nextStepLabel ? <span className="row-step">{t('nextStep', item.nextStepLabel)}</span> : <span className="muted">{t('noNextStep')}</span>}
                  {item.nextDeadlineAt != null ? (
                    <>
                      {' · '}
                      {item.deadlineLabel ? `${item.deadlineLabel} ` : null}
                      <Countdown limit={item.nextDeadlineAt} now={now} />
                      {item.provisional ? (
                        <span className="row-provisional" title={t('provisional')}>
                          {` · ⚠ ${t('guardProvisionalMark')}`}
                        </span>
                      ) : null}
                    </>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
});

/** Room kept above the list when it fills the window: the section's title and filters stay in view (px). */
const FITTED_HEADROOM = 120;

/**
 * The case list inside a page that scrolls (the office console, local or on
 * a hub): exactly as tall as its rows — no empty band under three cases —
 * and never taller than the window less the section's header, so a long
 * list scrolls inside itself with every row reachable. Virtualization needs
 * a definite height; this gives it one from the row count.
 */
export function FittedCaseList({ testId, ...props }: CaseListProps & { testId?: string }) {
  const height = props.cases.length === 0 ? undefined : `min(${String(props.cases.length * ROW_HEIGHT)}px, calc(100vh - ${String(FITTED_HEADROOM)}px))`;
  return (
    <div className="case-list-fit" style={height ? { height } : undefined} data-testid={testId}>
      <CaseList {...props} />
    </div>
  );
}
