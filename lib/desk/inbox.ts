/**
 * The inbox's filters, search and keyboard shortcuts, as plain data and pure
 * functions: the side panel keeps the chosen filter, lib/db/repos/inbox.ts
 * answers it from the cases projection, and these decide what matches.
 */
import { z } from 'zod';
import { TierIdSchema, type TierId } from '../cases';
import type { CaseRow } from '../db/entities/case-row';

/** The inbox's views, by where a case stands (the chips above the list). */
export const INBOX_VIEWS = ['open', 'unclaimed', 'overdue', 'closed', 'all'] as const;
/** One of {@link INBOX_VIEWS}. */
export type InboxView = (typeof INBOX_VIEWS)[number];

/**
 * What the officer asked the inbox for. Every field but `view` is optional;
 * an empty string counts as not set (a select left on "全部").
 */
export interface InboxFilter {
  view: InboxView;
  /** The state machine's status (captured, claimed, assessed, reported, investigated, responded, closed). */
  status?: string;
  tier?: TierId;
  /** Category id of the active profile. */
  category?: string;
  /** Responsible department, exactly as recorded. */
  department?: string;
  /** Site family id (e.g. discuz). */
  site?: string;
  /** Search text: every whitespace-separated term must occur in the title or a captured post's text (case-insensitive). */
  text?: string;
}

/** The filter the inbox opens with: every open case, nothing else narrowed. */
export const DEFAULT_INBOX_FILTER: InboxFilter = { view: 'open' };

const Facet = z.string().max(200).optional();
const InboxFilterSchema = z.object({
  view: z.enum(INBOX_VIEWS),
  status: Facet,
  tier: TierIdSchema.optional(),
  category: Facet,
  department: Facet,
  site: Facet,
  text: z.string().max(500).optional(),
});

/**
 * The filter kept between visits (the side panel keeps it in
 * sessionStorage while the officer opens cases), or the default when
 * `stored` is missing or not a filter (e.g. written by another version).
 */
export function parseInboxFilter(stored: string | null): InboxFilter {
  if (!stored) return DEFAULT_INBOX_FILTER;
  try {
    const parsed = InboxFilterSchema.safeParse(JSON.parse(stored));
    if (!parsed.success) return DEFAULT_INBOX_FILTER;
    return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined && v !== '')) as unknown as InboxFilter;
  } catch {
    return DEFAULT_INBOX_FILTER;
  }
}

/** The search terms of `text`: lower-cased, split on any whitespace (including the ideographic space), empty ones dropped. */
export function searchTermsOf(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/[\s\u3000]+/u)
    .filter((term) => term.length > 0);
}

/** True when every term occurs in `haystack` (already lower-cased or not: compared lower-cased). */
export function containsAllTerms(haystack: string, terms: readonly string[]): boolean {
  const lower = haystack.toLowerCase();
  return terms.every((term) => lower.includes(term));
}

/** True when the filter narrows by anything the projection's indexes cannot answer alone (a facet or search text). */
export function isNarrowed(filter: InboxFilter): boolean {
  return Boolean(filter.status || filter.tier || filter.category || filter.department || filter.site || searchTermsOf(filter.text).length > 0);
}

/** True when `row` is in the view at `now` (epoch ms). Merged cases are in none: they count under their survivor. */
export function inView(view: InboxView, row: CaseRow, now: number): boolean {
  if (row.mergedInto !== undefined) return false;
  switch (view) {
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

/**
 * True when `row` passes the view and every facet of `filter` at `now`.
 * Search text is checked against the title here; `textMatches` holds the
 * cases whose captured posts matched (the repository finds them in the log).
 */
export function matchesInbox(row: CaseRow, filter: InboxFilter, now: number, textMatches?: ReadonlySet<string>): boolean {
  if (!inView(filter.view, row, now)) return false;
  if (filter.status && row.status !== filter.status) return false;
  if (filter.tier && row.tier !== filter.tier) return false;
  if (filter.category && row.category !== filter.category) return false;
  if (filter.department && row.department !== filter.department) return false;
  if (filter.site && row.site !== filter.site) return false;
  const terms = searchTermsOf(filter.text);
  if (terms.length === 0) return true;
  return containsAllTerms(`${row.title}\n${row.author ?? ''}`, terms) || (textMatches?.has(row.caseId) ?? false);
}

/** What a key press does on the desk. */
export type DeskShortcut = 'next' | 'previous' | 'open' | 'search' | 'back' | 'claim' | 'assess' | 'report';

/**
 * The desk's keyboard shortcuts, in the order the UI lists them. `keys` are
 * `KeyboardEvent.key` values; `where` says on which screen they work. The
 * capture shortcut lives in the manifest (`commands`), because it acts on
 * the page, not on the desk: {@link CAPTURE_COMMAND}.
 */
export const DESK_SHORTCUTS: readonly { shortcut: DeskShortcut; keys: readonly string[]; where: 'inbox' | 'case' }[] = [
  { shortcut: 'next', keys: ['j', 'ArrowDown'], where: 'inbox' },
  { shortcut: 'previous', keys: ['k', 'ArrowUp'], where: 'inbox' },
  { shortcut: 'open', keys: ['Enter', 'o'], where: 'inbox' },
  { shortcut: 'search', keys: ['/'], where: 'inbox' },
  { shortcut: 'claim', keys: ['c'], where: 'case' },
  { shortcut: 'assess', keys: ['a'], where: 'case' },
  { shortcut: 'report', keys: ['r'], where: 'case' },
  { shortcut: 'back', keys: ['Escape', 'u'], where: 'case' },
];

/** The manifest command that captures the current page (and its default key). */
export const CAPTURE_COMMAND = { name: 'capture-page', suggestedKey: 'Alt+Shift+Y' } as const;

/** The part of a key event the shortcuts read (a DOM `KeyboardEvent` fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Tag name of the focused element (e.g. INPUT): typing there is text, not a shortcut. */
  targetTag?: string;
  /** True when the focused element is contenteditable. */
  targetEditable?: boolean;
}

/**
 * The shortcut a key press means on `screen`, or undefined. Keys typed into
 * a field, and any press with Ctrl/⌘/Alt (the browser's own shortcuts), are
 * never shortcuts — except Escape, which leaves a field.
 */
export function shortcutOf(press: KeyPress, screen: 'inbox' | 'case'): DeskShortcut | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const typing = press.targetEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes((press.targetTag ?? '').toUpperCase());
  if (typing) return undefined;
  return DESK_SHORTCUTS.find((s) => s.where === screen && s.keys.includes(press.key))?.shortcut;
}

/** The row index after moving by `shortcut` from `current` (-1: none yet) in a list of `count` rows; clamped to the list. */
export function moveSelection(current: number, shortcut: 'next' | 'previous', count: number): number {
  if (count === 0) return -1;
  const next = shortcut === 'next' ? current + 1 : current - 1;
  return Math.min(count - 1, Math.max(0, next));
}
