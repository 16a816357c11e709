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

/** The four kinds of watch-list entry. */
export const WATCH_KINDS = ['region', 'agency', 'topic', 'exclusion'] as const;

/** A kind of watch-list entry. */
export type WatchKind = (typeof WATCH_KINDS)[number];

const termSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters');

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
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'only a region has a parent' });
    }
    if (entry.region !== undefined && entry.kind !== 'agency') {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'only an agency has a region' });
    }
    if (entry.category !== undefined && entry.kind !== 'topic') {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'only a topic has a category' });
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
  entries.forEach((e, i) => {
    const key = `${e.kind}\u0000${e.term}`;
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `duplicate ${e.kind} "${e.term}"` });
    }
    seen.add(key);
    if (e.parent !== undefined && !regions.has(e.parent)) {
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `unknown parent region "${e.parent}"` });
    }
    if (e.region !== undefined && !regions.has(e.region)) {
      ctx.addIssue({ code: 'custom', path: [i, 'region'], message: `unknown region "${e.region}"` });
    }
    if (e.kind === 'region' && e.parent !== undefined) {
      // Walk up; coming back to the start means a cycle.
      const visited = new Set<string>([e.term]);
      let up: string | undefined = e.parent;
      while (up !== undefined) {
        if (visited.has(up)) {
          ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `region hierarchy loops through "${up}"` });
          break;
        }
        visited.add(up);
        up = regions.get(up);
      }
    }
  });
});

/** A whole watch list. */
export type Watchlist = z.infer<typeof watchlistSchema>;
