/**
 * The watch list: what the officer watches for, as zod-validated data.
 *
 * - `region`: a place, with `parent` naming the enclosing region (city →
 *   county/district → township/street), so a match on a township also counts
 *   for its county and city.
 * - `agency`: a government body; `aliases` count on their own, while
 *   `contextAliases` (公安局, 警方, 城管 — names every city has) count only
 *   when the same post also names a watched region or agency.
 * - `topic`: a topic word with the policy profile's `category`; topics add
 *   context but never flag a post on their own.
 * - `exclusion`: a phrase whose matches suppress any overlapping match
 *   (澜江啤酒 is a beer, not the city) and are never reported.
 */
import { z } from 'zod';
import { buildFoldTable, foldWith } from './fold-table.ts';

/** The four kinds of watch-list entry. */
export const WATCH_KINDS = ['region', 'agency', 'topic', 'exclusion'] as const;

/** A kind of watch-list entry. */
export type WatchKind = (typeof WATCH_KINDS)[number];

let ruleTable: Uint16Array | undefined;

/**
 * Why a term, alias or parent cannot be used, or undefined when it can. A
 * saved list must compile on every page: a line that folds to nothing (only
 * punctuation, zero-width or direction marks, an alias "-") would make the
 * whole matcher fail, so it is refused here, where the officer can be told
 * which line. Control characters and lone surrogates (half of an emoji, cut
 * by a broken editor or a hostile file) cannot be typed and show as nothing.
 */
export function unusableTermReason(term: string): string | undefined {
  // C0 and C1 controls and DEL; tab and line breaks never reach a term (lines are split, ends trimmed).
  for (let i = 0; i < term.length; i++) {
    const unit = term.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return `含有控制字符 U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(term)) return '含有残缺的字符（孤立的代理项）';
  ruleTable ??= buildFoldTable([]);
  if (foldWith(ruleTable, term).length === 0) return '去掉标点、空格和不可见字符后没有可匹配的文字';
  return undefined;
}

const termSchema = z
  .string()
  .trim()
  .min(1, '不能为空')
  .max(64, '不能超过 64 个字')
  .superRefine((term, ctx) => {
    const reason = term === '' ? undefined : unusableTermReason(term);
    if (reason) ctx.addIssue({ code: 'custom', message: `“${term}”${reason}` });
  });

/** One watch-list entry. */
export const watchEntrySchema = z
  .object({
    /** The canonical name, reported whichever form matched. */
    term: termSchema,
    /** Which kind of entry this is (see the file header). */
    kind: z.enum(WATCH_KINDS),
    /** Other names that count on their own (澜江 for 澜江市). */
    aliases: z.array(termSchema).optional(),
    /** Generic names that count only next to a watched region or agency. */
    contextAliases: z.array(termSchema).optional(),
    /** Region only: the canonical term of the enclosing region. */
    parent: termSchema.optional(),
    /** Agency only: the canonical term of the region it serves. */
    region: termSchema.optional(),
    /** Topic only: the policy profile's category (民生热点, 应急管理…). */
    category: termSchema.optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.parent !== undefined && entry.kind !== 'region') {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: '只有地区才有上级（parent）' });
    }
    if (entry.region !== undefined && entry.kind !== 'agency') {
      ctx.addIssue({ code: 'custom', path: ['region'], message: '只有机构才有所属地区（region）' });
    }
    if (entry.category !== undefined && entry.kind !== 'topic') {
      ctx.addIssue({ code: 'custom', path: ['category'], message: '只有话题才有类别（category）' });
    }
  });

/** One watch-list entry. */
export type WatchEntry = z.infer<typeof watchEntrySchema>;

/**
 * A whole watch list: entries with unique (kind, term), and every `parent`
 * and agency `region` naming a region of the list, without cycles.
 */
export const watchlistSchema = z.array(watchEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  const regions = new Map<string, string | undefined>();
  entries.forEach((e) => {
    if (e.kind === 'region') regions.set(e.term, e.parent);
  });
  const loopsThrough = regionsInLoops(regions);
  entries.forEach((e, i) => {
    const key = `${e.kind}\u0000${e.term}`;
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `重复的条目“${e.term}”（${e.kind}）` });
    }
    seen.add(key);
    if (e.parent !== undefined && !regions.has(e.parent)) {
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `上级地区“${e.parent}”不在名单中` });
    }
    if (e.region !== undefined && !regions.has(e.region)) {
      ctx.addIssue({ code: 'custom', path: [i, 'region'], message: `所属地区“${e.region}”不在名单中` });
    }
    if (e.kind === 'region' && e.parent !== undefined && loopsThrough.has(e.term)) {
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `地区的上下级形成了循环（经过“${loopsThrough.get(e.term)}”）` });
    }
  });
});

/** A whole watch list. */
export type Watchlist = z.infer<typeof watchlistSchema>;

/**
 * The regions whose chain of parents comes back to a region already on it,
 * each with the region where its chain first repeats. Every region is walked
 * once (a walk stops at a region already settled), so a list of thousands of
 * regions is checked in linear time.
 */
function regionsInLoops(parents: ReadonlyMap<string, string | undefined>): Map<string, string> {
  const settled = new Map<string, string | null>(); // region → where its chain loops, or null: it ends
  for (const start of parents.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | undefined = start;
    let verdict: string | null = null;
    while (at !== undefined) {
      const known = settled.get(at);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      if (onPath.has(at)) {
        verdict = at;
        break;
      }
      onPath.add(at);
      path.push(at);
      at = parents.get(at);
    }
    for (const region of path) settled.set(region, verdict);
  }
  const out = new Map<string, string>();
  for (const [region, loop] of settled) if (loop !== null) out.set(region, loop);
  return out;
}
