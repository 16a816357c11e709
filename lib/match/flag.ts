/**
 * Decides whether a post is flagged, from the matches in its text.
 *
 * The rule: a post is flagged when it names a watched region, or a watched
 * agency by its canonical name or an own alias. Generic context aliases
 * (公安局, 警方, 城管) count only when such a region or agency match is in
 * the same post, or when the thread the post belongs to is about the region
 * (`threadAnchored`: a comment saying 住建局 under an article about 澜江 means
 * 澜江's 住建局) — every city has a 公安局. Topic words never flag a post on
 * their own: they add context (category) to a post flagged for its region or
 * agency. Regions are counted up their hierarchy, so a match on 白沙镇
 * reports 江北区 and 澜江市 too; an agency reports the region it serves.
 */
import type { CompiledWatchlist, WatchMatch } from './compile.ts';

/** The verdict on one post. */
export interface PostFlag {
  /** True when the post names a watched region or agency (see the rule above). */
  flagged: boolean;
  /** The matches that count, in text order: what to highlight. Empty when not flagged. */
  matches: WatchMatch[];
  /** Regions named or implied (ancestors, agencies' regions), nearest first, no duplicates. */
  regions: string[];
  /** Agencies named, canonical terms. */
  agencies: string[];
  /** Topic words named, canonical terms. */
  topics: string[];
  /** The categories of the topics named. */
  categories: string[];
}

/** Options of `flagPost` / `flagMatches`. */
export interface FlagOptions {
  /**
   * The thread (its title, first post, article or status) names a watched
   * region or agency, so generic names in its replies refer to it. See
   * `isAnchored`.
   */
  threadAnchored?: boolean;
}

/**
 * Scans `text` with the compiled watch list and decides whether the post is
 * flagged. The decision is taken on the packed matches: a post that is not
 * flagged (most of a thread) costs no object per match.
 */
export function flagPost(text: string, compiled: CompiledWatchlist, options: FlagOptions = {}): PostFlag {
  const packed = compiled.scanPacked(text);
  let anchor = false;
  let place = false;
  for (let i = 2; i < packed.length && !anchor; i += 3) {
    const form = packed[i] as number;
    anchor = isAnchor(compiled.formKind(form), compiled.formVia(form));
    place ||= isPlace(compiled.formKind(form));
  }
  if (!anchor && !(options.threadAnchored === true && place)) return notFlagged();
  return flagMatches(compiled.matchesOf(packed), compiled, options);
}

/**
 * Whether a text names a watched region or agency by a name that counts on
 * its own (not a context alias): use it on a thread's title and first post
 * to get `threadAnchored`.
 */
export function isAnchored(text: string, compiled: CompiledWatchlist): boolean {
  const packed = compiled.scanPacked(text);
  for (let i = 2; i < packed.length; i += 3) {
    if (isAnchor(compiled.formKind(packed[i] as number), compiled.formVia(packed[i] as number))) return true;
  }
  return false;
}

/** A region or an agency: what a post must name to be flagged. */
function isPlace(kind: string): boolean {
  return kind === 'region' || kind === 'agency';
}

/** A match that flags a post on its own: a place, by a name that is not a context alias. */
function isAnchor(kind: string, via: string): boolean {
  return isPlace(kind) && via !== 'context-alias';
}

function notFlagged(): PostFlag {
  return { flagged: false, matches: [], regions: [], agencies: [], topics: [], categories: [] };
}

/** Same as `flagPost`, from matches already computed (e.g. over an element's textContent). */
export function flagMatches(all: readonly WatchMatch[], compiled: CompiledWatchlist, options: FlagOptions = {}): PostFlag {
  const anchored =
    all.some((m) => isAnchor(m.kind, m.via)) || (options.threadAnchored === true && all.some((m) => isPlace(m.kind)));
  if (!anchored) return notFlagged();
  const regions = new Set<string>();
  const agencies = new Set<string>();
  const topics = new Set<string>();
  const categories = new Set<string>();
  for (const m of all) {
    if (m.kind === 'region') {
      regions.add(m.term);
      for (const up of compiled.ancestorsOf(m.term)) regions.add(up);
    } else if (m.kind === 'agency') {
      agencies.add(m.term);
      const region = compiled.entryOf('agency', m.term)?.region;
      if (region) {
        regions.add(region);
        for (const up of compiled.ancestorsOf(region)) regions.add(up);
      }
    } else if (m.kind === 'topic') {
      topics.add(m.term);
      const category = compiled.entryOf('topic', m.term)?.category;
      if (category) categories.add(category);
    }
  }
  return {
    flagged: true,
    matches: [...all],
    regions: [...regions],
    agencies: [...agencies],
    topics: [...topics],
    categories: [...categories],
  };
}
