/**
 * The inbox's filter bar: the views (open, unclaimed, overdue, closed, all),
 * the facets (status, tier, category, department, site), the search box,
 * the count, and the keyboard shortcuts the desk answers.
 */
import type { Ref } from 'react';
import { CAPTURE_COMMAND, DESK_SHORTCUTS, INBOX_VIEWS, type InboxFilter, type InboxView } from '../lib/desk/inbox';
import type { TierId } from '../lib/cases';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

const VIEW_LABELS: Record<InboxView, MessageKey> = {
  open: 'filterOpen',
  unclaimed: 'filterUnclaimed',
  overdue: 'filterOverdue',
  closed: 'filterClosed',
  all: 'filterAll',
};

/** The statuses of the state machine, in procedure order. */
const STATUSES = ['captured', 'claimed', 'assessed', 'reported', 'investigated', 'responded', 'closed'] as const;

export interface InboxFiltersProps {
  filter: InboxFilter;
  /** The search box's text as typed (the filter's `text` follows it after a pause). */
  searchText: string;
  onFilter(next: InboxFilter): void;
  onSearchText(text: string): void;
  /** Cases the filter lists; undefined while counting. */
  count: number | undefined;
  tiers: readonly { id: TierId; label: string }[];
  categories: readonly { id: string; name: string }[];
  departments: readonly string[];
  sites: readonly string[];
  searchRef?: Ref<HTMLInputElement>;
}

export function InboxFilters(props: InboxFiltersProps) {
  const t = useT();
  const { filter, onFilter } = props;
  // A select left on "全部" drops its key, so the filter never carries empty facets.
  const facet = (key: 'status' | 'tier' | 'category' | 'department' | 'site', value: string) => {
    const { [key]: _dropped, ...rest } = filter;
    onFilter(value ? ({ ...rest, [key]: value } as InboxFilter) : rest);
  };
  const select = (
    key: 'status' | 'tier' | 'category' | 'department' | 'site',
    label: MessageKey,
    options: readonly { value: string; label: string }[],
  ) => (
    <label className="facet">
      <span>{t(label)}</span>
      <select value={filter[key] ?? ''} onChange={(e) => facet(key, e.target.value)} data-testid={`facet-${key}`} name={key}>
        <option value="">{t('desk12_inboxAny')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="inbox-filters">
      <nav className="filters" aria-label={t('deskTitle')}>
        {INBOX_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={filter.view === view}
            onClick={() => onFilter({ ...filter, view })}
            data-testid={`filter-${view}`}
          >
            {t(VIEW_LABELS[view])}
          </button>
        ))}
        <span className="count" data-testid="case-count">
          {props.count === undefined ? t('desk12_inboxCounting') : t('caseCount', props.count)}
        </span>
        <a href="report.html#day/" target="_blank" rel="noreferrer" data-testid="open-daily-log">
          {t('desk12_dailyLog')}
        </a>
      </nav>
      <div className="facets">
        <input
          ref={props.searchRef}
          type="search"
          className="search"
          value={props.searchText}
          onChange={(e) => props.onSearchText(e.target.value)}
          placeholder={t('desk12_inboxSearch')}
          aria-label={t('desk12_inboxSearch')}
          data-testid="inbox-search"
        />
        {select('status', 'desk12_inboxStatus', STATUSES.map((s) => ({ value: s, label: t(`status_${s}` as MessageKey) })))}
        {select('tier', 'tier', props.tiers.map((tier) => ({ value: tier.id, label: tier.label })))}
        {select('category', 'category', props.categories.map((c) => ({ value: c.id, label: c.name })))}
        {select('department', 'department', props.departments.map((d) => ({ value: d, label: d })))}
        {select('site', 'desk12_inboxSite', props.sites.map((s) => ({ value: s, label: s })))}
      </div>
    </div>
  );
}

const SHORTCUT_LABELS: Record<(typeof DESK_SHORTCUTS)[number]['shortcut'], MessageKey> = {
  next: 'desk12_keyNext',
  previous: 'desk12_keyPrevious',
  open: 'desk12_keyOpen',
  search: 'desk12_keySearch',
  claim: 'desk12_keyClaim',
  assess: 'desk12_keyAssess',
  report: 'desk12_keyReport',
  back: 'desk12_keyBack',
};

/** The keyboard shortcuts, listed where the officer can find them. */
export function ShortcutHelp() {
  const t = useT();
  const keyName = (key: string) => ({ ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' })[key] ?? key;
  return (
    <details className="shortcuts" data-testid="shortcut-help">
      <summary>{t('desk12_keysTitle')}</summary>
      <dl>
        <div>
          <dt>
            <kbd>{CAPTURE_COMMAND.suggestedKey}</kbd>
          </dt>
          <dd>{t('desk12_keyCapture')}</dd>
        </div>
        {DESK_SHORTCUTS.map((s) => (
          <div key={s.shortcut}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' / ' : null}
                  <kbd>{keyName(k)}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(SHORTCUT_LABELS[s.shortcut])}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
