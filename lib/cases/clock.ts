/**
 * Clock warnings: a case whose events' times cannot all be right (a device
 * clock set wrong). The case still moves on (replay orders by sequence and
 * counts events at clock-corrected times, replay.ts); the officer is told
 * so the deadlines shown are read with care and the device clock fixed.
 */
import type { CaseEvent, CaseEventType } from './events';
import { orderEvents } from './replay';

/** Skew below this is ordinary drift between devices, not worth a warning (ms). */
export const CLOCK_TOLERANCE_MS = 60_000;

/** One event whose time looks wrong. Times are epoch ms. */
export interface ClockWarning {
  eventId: string;
  type: CaseEventType;
  /** The time the event carries. */
  at: number;
  /** `future`: later than now; `before-previous`: earlier than the event before it in the case's history. */
  kind: 'future' | 'before-previous';
  /** The time of the event before it (`before-previous` only). */
  previousAt?: number;
}

/**
 * Events of one case whose recorded time is later than `now` or earlier
 * than the event before it in history order (by more than
 * {@link CLOCK_TOLERANCE_MS}), in history order. Pure.
 */
export function clockWarningsOf(events: readonly CaseEvent[], now: number): ClockWarning[] {
  const warnings: ClockWarning[] = [];
  let previous: CaseEvent | undefined;
  for (const event of orderEvents(events)) {
    if (event.at > now + CLOCK_TOLERANCE_MS) {
      warnings.push({ eventId: event.id, type: event.type, at: event.at, kind: 'future' });
    } else if (previous && event.at < previous.at - CLOCK_TOLERANCE_MS) {
      warnings.push({ eventId: event.id, type: event.type, at: event.at, kind: 'before-previous', previousAt: previous.at });
    }
    previous = event;
  }
  return warnings;
}
