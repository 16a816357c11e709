/**
 * The trend of a case (跟踪) and the effect of its response (效果评估), from
 * the replies/views each capture and re-check read. Pure.
 *
 * Response effect, after the city procedure's 效果评估: the growth of
 * replies and views in the 24 h before the (first) official response against
 * the 24 h after it. Counts between two readings are interpolated linearly;
 * a window the readings do not cover is shortened to what they cover and
 * marked `partial`. A case that grows again after 办结 has flared up, and the
 * desk offers 重新打开.
 */
import type { CaseState } from './state';

/** One reading of the thread's counts. */
export interface TrendPoint {
  at: number;
  replies?: number;
  views?: number;
}

/** A moment marked on the chart. */
export interface TrendMark {
  kind: 'captured' | 'claimed' | 'responded' | 'closed';
  at: number;
}

/** The readings (ascending, one per instant) and the marks of a case. */
export interface Trend {
  points: TrendPoint[];
  marks: TrendMark[];
}

/** Growth of one count over a window. */
export interface Growth {
  before?: number;
  after?: number;
}

/** The response effect of a responded case. */
export interface ResponseEffect {
  respondedAt: number;
  replies: Growth;
  views: Growth;
  /** True when a window is shorter than 24 h because the readings do not cover it yet. */
  partial: boolean;
  /** `calmed`: less growth after than before; `growing`: as much or more; `unknown`: not enough readings. */
  verdict: 'calmed' | 'growing' | 'unknown';
}

/** A flare-up after closing: growth of replies since 办结. */
export interface FlareUp {
  closedAt: number;
  replies: number;
}

/** Length of each response-effect window (ms). */
export const EFFECT_WINDOW_MS = 24 * 3_600_000;
/** Growth in replies after 办结 that counts as flaring up again (a few late replies do not). */
export const FLARE_UP_REPLIES = 10;

/** The case's readings: what each evidence item showed when captured, and what each re-check read. */
export function trendOf(state: CaseState): Trend {
  const byTime = new Map<number, TrendPoint>();
  const add = (at: number, replies?: number, views?: number) => {
    if (replies === undefined && views === undefined) return;
    const point = byTime.get(at) ?? { at };
    // Several posts read at one instant: the thread's own counts are the largest.
    if (replies !== undefined) point.replies = Math.max(point.replies ?? 0, replies);
    if (views !== undefined) point.views = Math.max(point.views ?? 0, views);
    byTime.set(at, point);
  };
  for (const item of state.evidence) add(item.at, item.replies, item.views);
  for (const check of state.rechecks) if (check.outcome === 'found' || check.outcome === 'edited') add(check.at, check.replies, check.views);
  const marks: TrendMark[] = [];
  if (state.steps.captured !== undefined) marks.push({ kind: 'captured', at: state.steps.captured });
  if (state.claimedAt !== undefined) marks.push({ kind: 'claimed', at: state.claimedAt });
  for (const response of state.responses) marks.push({ kind: 'responded', at: response.at });
  if (state.closedAt !== undefined) marks.push({ kind: 'closed', at: state.closedAt });
  return { points: [...byTime.values()].sort((a, b) => a.at - b.at), marks };
}

/** The count at `at`, interpolated between readings; undefined outside them. */
function valueAt(points: readonly { at: number; value: number }[], at: number): number | undefined {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || at < first.at || at > last.at) return undefined;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (at <= b.at) return b.at === a.at ? b.value : a.value + ((b.value - a.value) * (at - a.at)) / (b.at - a.at);
  }
  return last.value;
}

function growthAround(points: readonly TrendPoint[], key: 'replies' | 'views', at: number): Growth & { partial: boolean } {
  const series = points.flatMap((p) => (p[key] !== undefined ? [{ at: p.at, value: p[key]! }] : []));
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last || at < first.at || at > last.at) return { partial: true };
  const from = Math.max(at - EFFECT_WINDOW_MS, first.at);
  const to = Math.min(at + EFFECT_WINDOW_MS, last.at);
  const now = valueAt(series, at)!;
  return {
    ...(from < at ? { before: Math.round(now - valueAt(series, from)!) } : {}),
    ...(to > at ? { after: Math.round(valueAt(series, to)! - now) } : {}),
    partial: from > at - EFFECT_WINDOW_MS || to < at + EFFECT_WINDOW_MS,
  };
}

/** The effect of the first response, or undefined when the case has none. */
export function responseEffectOf(state: CaseState): ResponseEffect | undefined {
  const response = state.responses[0];
  if (!response) return undefined;
  const { points } = trendOf(state);
  const { partial: partialReplies, ...replies } = growthAround(points, 'replies', response.at);
  const { partial: partialViews, ...views } = growthAround(points, 'views', response.at);
  const judged = replies.before !== undefined && replies.after !== undefined ? replies : views;
  const verdict =
    judged.before === undefined || judged.after === undefined ? 'unknown' : judged.after < judged.before ? 'calmed' : 'growing';
  return { respondedAt: response.at, replies, views, partial: partialReplies || partialViews, verdict };
}

/** Growth of replies since 办结 when it reaches {@link FLARE_UP_REPLIES}, else undefined. */
export function flareUpOf(state: CaseState): FlareUp | undefined {
  if (state.closedAt === undefined) return undefined;
  const closedAt = state.closedAt;
  const series = trendOf(state).points.flatMap((p) => (p.replies !== undefined ? [{ at: p.at, value: p.replies }] : []));
  const atClose = valueAt(series, closedAt) ?? [...series].reverse().find((p) => p.at <= closedAt)?.value;
  const latest = series[series.length - 1];
  if (atClose === undefined || !latest || latest.at <= closedAt) return undefined;
  const growth = Math.round(latest.value - atClose);
  return growth >= FLARE_UP_REPLIES ? { closedAt, replies: growth } : undefined;
}
