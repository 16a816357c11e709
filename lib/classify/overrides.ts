/**
 * How often officers override the suggestion, per suggested tier and per
 * suggested category: the office's measure of whether the tier criteria
 * and keywords fit its cases. Read from the claim log alone — each
 * `assessed` event records the suggestion it confirmed or replaced.
 */
import { TIER_IDS, type CaseEvent, type TierId } from '../cases/events';

/** Counts for one suggested tier or category. */
export interface OverrideCount {
  /** Assessments made with this suggestion on screen. */
  suggested: number;
  /** Of those, how many the officer changed. */
  overridden: number;
  /** overridden ÷ suggested, 0…1; 0 when nothing was suggested. */
  rate: number;
}

/** Override statistics over a set of events. */
export interface OverrideStats {
  /** By suggested tier: the officer chose another tier. */
  byTier: Record<TierId, OverrideCount>;
  /** By suggested category id: the officer chose another category. */
  byCategory: Record<string, OverrideCount>;
  /** Assessments without a recorded suggestion (made before suggestions were recorded). */
  unrecorded: number;
}

/** Override rates from `assessed` events (any order; other events are ignored). */
export function overrideStats(events: Iterable<CaseEvent>): OverrideStats {
  const byTier = Object.fromEntries(TIER_IDS.map((tier) => [tier, { suggested: 0, overridden: 0, rate: 0 }])) as Record<TierId, OverrideCount>;
  const byCategory: Record<string, OverrideCount> = {};
  let unrecorded = 0;
  for (const event of events) {
    if (event.type !== 'assessed') continue;
    const { suggested } = event.payload;
    if (!suggested) {
      unrecorded += 1;
      continue;
    }
    count(byTier[suggested.tier], suggested.tier !== event.payload.tier);
    count((byCategory[suggested.category] ??= { suggested: 0, overridden: 0, rate: 0 }), suggested.category !== event.payload.category);
  }
  return { byTier, byCategory, unrecorded };
}

function count(entry: OverrideCount, overridden: boolean): void {
  entry.suggested += 1;
  if (overridden) entry.overridden += 1;
  entry.rate = entry.overridden / entry.suggested;
}
