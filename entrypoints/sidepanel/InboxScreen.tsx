/**
 * The inbox: the most urgent cases first, read a page at a time from the
 * urgency index (lib/db/repos/inbox.ts), with filters, search and keyboard
 * shortcuts (lib/desk/inbox.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CaseList } from '../../components/CaseList';
import { toItem } from '../../components/case-list-item';
import { InboxFilters, ShortcutHelp } from '../../components/InboxFilters';
import { useT } from '../../components/I18n';
import { useInbox, useNow } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { moveSelection, parseInboxFilter, shortcutOf, type InboxFilter } from '../../lib/desk/inbox';

/** Rows read at first paint: a screenful and a half; more are read as the officer scrolls. */
const PAGE_ROWS = 40;
/** The search waits for a pause in typing (ms), so each key does not re-read the log. */
const SEARCH_PAUSE_MS = 250;
const FILTER_KEY = 'inbox-filter';

/** A facet's options: the values in the log, and the chosen one even before they are read (so the select never shows "全部" for a kept filter). */
function offered(values: readonly string[] | undefined, chosen: string | undefined): readonly string[] {
  const list = values ?? [];
  return chosen === undefined || list.includes(chosen) ? list : [...list, chosen];
}

export function InboxScreen({ onOpen }: { onOpen(caseId: string): void }) {
  const t = useT();
  const now = useNow(1000);
  const [filter, setFilterState] = useState<InboxFilter>(() => parseInboxFilter(sessionStorage.getItem(FILTER_KEY)));
  const [searchText, setSearchText] = useState(filter.text ?? '');
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [selected, setSelected] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const setFilter = useCallback((next: InboxFilter) => {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(next));
    setFilterState(next);
    setLimit(PAGE_ROWS);
    setSelected(-1);
  }, []);
  useEffect(() => {
    if ((filter.text ?? '') === searchText.trim()) return;
    const timer = setTimeout(() => {
      const { text: _old, ...rest } = filter;
      setFilter(searchText.trim() ? { ...rest, text: searchText.trim() } : rest);
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [searchText, filter, setFilter]);

  // The countdowns tick every second, but membership only changes by the minute.
  const minute = Math.floor(now / 60_000) * 60_000;
  const { rows, count, facets } = useInbox(filter, minute, limit);
  const profile = useActiveProfile();
  const items = useMemo(() => (rows ?? []).map((row) => toItem(row, minute, t)), [rows, minute, t]);
  const onNearEnd = useCallback(() => {
    if (rows && rows.length >= limit) setLimit((l) => l + PAGE_ROWS * 5);
  }, [rows, limit]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const shortcut = shortcutOf(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, targetTag: target?.tagName, targetEditable: target?.isContentEditable },
        'inbox',
      );
      if (!shortcut) return;
      if (shortcut === 'next' || shortcut === 'previous') setSelected((i) => moveSelection(i, shortcut, items.length));
      else if (shortcut === 'open') {
        const item = items[selected];
        if (!item) return;
        onOpen(item.caseId);
      } else if (shortcut === 'search') searchRef.current?.focus();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, selected, onOpen]);

  return (
    <>
      <InboxFilters
        filter={filter}
        searchText={searchText}
        onFilter={setFilter}
        onSearchText={setSearchText}
        count={count}
        tiers={profile?.tiers ?? []}
        categories={profile?.categories ?? []}
        departments={offered(facets?.departments, filter.department)}
        sites={offered(facets?.sites, filter.site)}
        searchRef={searchRef}
      />
      {rows === undefined ? (
        <p className="empty">{t('loading')}</p>
      ) : (
        <CaseList cases={items} now={now} onOpen={onOpen} selected={selected} onNearEnd={onNearEnd} />
      )}
      <ShortcutHelp />
    </>
  );
}
