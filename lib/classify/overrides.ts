/**
 * How often officers override the suggestion, per suggested tier and per
 * suggested category: the office's measure of whether the tier criteria
 * and keywords fit its cases. Read from the claim log alone — each
 * `assessed` event records the suggestion it confirmed or replaced.
 *
 * A case counts once, by its assessment in force (the last `assessed` event
 * in its history order, lib/cases `orderEvents`): an officer who first
 * overrides and later re-assesses leaves the later word. So every figure is
 * a count *and the cases behind it*, as the office bulletin's figures are.
 */
import { z } from 'zod';
import { TIER_IDS, TierIdSchema, type CaseEvent, type TierId } from '../cases/events';
import { groupByCase, orderEvents } from '../cases/replay';

/** Counts for one suggested tier or category, with the cases behind them (ids in code-point order). */
export interface OverrideCount {
  /** Cases assessed with this suggestion on screen. */
  suggested: number;
  /** Of those, how many the officer changed. */
  overridden: number;
  /** overridden ÷ suggested, 0…1; 0 when nothing was suggested. */
  rate: number;
  /** The `suggested` cases. */
  caseIds: string[];
  /** The `overridden` cases. */
  overriddenCaseIds: string[];
}

/** Override statistics over a set of events. */
export interface OverrideStats {
  /** By suggested tier: the officer chose another tier. */
  byTier: Record<TierId, OverrideCount>;
  /** By suggested category id: the officer chose another category. */
  byCategory: Record<string, OverrideCount>;
  /** Cases whose assessment recorded no suggestion (made before suggestions were recorded). */
  unrecorded: number;
}

const OverrideCountSchema = z.object({
  suggested: z.number().int().min(0),
  overridden: z.number().int().min(0),
  rate: z.number().min(0).max(1),
  caseIds: z.array(z.string()),
  overriddenCaseIds: z.array(z.string()),
});

/** {@link OverrideStats} as JSON (the office hub's `GET /v1/reports/override-rates` answer, checked on both ends). */
export const OverrideStatsSchema = z.object({
  byTier: z.record(TierIdSchema, OverrideCountSchema),
  byCategory: z.record(z.string(), OverrideCountSchema),
  unrecorded: z.number().int().min(0),
}) satisfies z.ZodType<OverrideStats>;

function emptyCount(): OverrideCount {
  return { suggested: 0, overridden: 0, rate: 0, caseIds: [], overriddenCaseIds: [] };
}

/** Statistics with nothing counted: every tier present, no category. */
export function emptyOverrideStats(): OverrideStats {
  return { byTier: Object.fromEntries(TIER_IDS.map((tier) => [tier, emptyCount()])) as Record<TierId, OverrideCount>, byCategory: {}, unrecorded: 0 };
}

/** The count of one suggestion from its cases and the overridden ones among them (both already in code-point order). */
export function overrideCountOf(caseIds: string[], overriddenCaseIds: string[]): OverrideCount {
  return {
    suggested: caseIds.length,
    overridden: overriddenCaseIds.length,
    rate: caseIds.length > 0 ? overriddenCaseIds.length / caseIds.length : 0,
    caseIds,
    overriddenCaseIds,
  };
}

/** Override rates from the `assessed` events of a merged log (any order; other events are ignored). */
export function overrideStats(events: Iterable<CaseEvent>): OverrideStats {
  const { byTier, byCategory } = emptyOverrideStats();
  let unrecorded = 0;
  const assessments = groupByCase([...events].filter((event) => event.type === 'assessed'));
  // Cases in id order, once: every list of cases is then built sorted.
  for (const caseId of [...assessments.keys()].sort()) {
    const inForce = orderEvents(assessments.get(caseId)!).at(-1);
    if (inForce?.type !== 'assessed') continue;
    const { suggested, tier, category } = inForce.payload;
    if (!suggested) {
      unrecorded += 1;
      continue;
    }
    count(byTier[suggested.tier], caseId, suggested.tier !== tier);
    count((byCategory[suggested.category] ??= emptyCount()), caseId, suggested.category !== category);
  }
  return { byTier, byCategory, unrecorded };
}

function count(entry: OverrideCount, caseId: string, overridden: boolean): void {
  entry.suggested += 1;
  entry.caseIds.push(caseId);
  if (overridden) {
    entry.overridden += 1;
    entry.overriddenCaseIds.push(caseId);
  }
  entry.rate = entry.overridden / entry.suggested;
}
