import type { CaseEvent } from '../../cases/events';

/**
 * One stored claim-log event: the parsed event exactly as recorded, plus a
 * local bookkeeping field that never leaves this browser.
 *
 * Rows are append-only: nothing updates or deletes them (the projection and
 * every statistic are rebuilt from them). A case's events are replayed in
 * the canonical (at, id) order of lib/cases, which is also the order of the
 * `[caseId+at]` index (IndexedDB breaks ties by primary key, the id).
 */
export type EventRow = CaseEvent & {
  /** Epoch ms when this browser stored the event (for "export since last time"). */
  storedAt: number;
};

/** The event as it is exported or replayed, without the local bookkeeping field. */
export function toCaseEvent(row: EventRow): CaseEvent {
  const { storedAt: _storedAt, ...event } = row;
  return event as CaseEvent;
}
