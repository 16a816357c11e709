/**
 * The matcher is built once per watch-list change, in the background, and
 * every page only loads it: the loaded matcher finds exactly what a freshly
 * compiled one finds (the probe's 4,000-topic list over a real forum page),
 * a damaged or outdated packed form is refused (the page then compiles, as
 * before), and the background builds again only when the list changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWatchlistWith } from '../../../lib/match/compile';
import { DEMO_WATCHLIST, buildFoldTable, parseWatchlistImport, relevantFoldPairs, type WatchEntry } from '../../../lib/match';
import { createMatcherCache, watchlistKeyOf } from '../../../lib/match/matcher-cache';
import { loadOrCompileWatchlist, loadWatchlistMatcher, packWatchlistMatcher, type PackedMatcher } from '../../../lib/match/packed';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const PROBE_LIST = readFileSync(join(FIXTURES, 'probe/watchlist-4000-topics.txt'), 'utf8');
/** Visible text of a real Discuz thread (saved page), tags stripped. */
const FORUM_TEXT = readFileSync('/work/shared/corpus/pages/discuz-csolbbs-tid38672.html', 'utf8').replace(/<[^>]*>/g, ' ');

function probeEntries(): WatchEntry[] {
  const parsed = parseWatchlistImport(PROBE_LIST);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.value;
}

function packedOf(entries: readonly WatchEntry[]): { packed: PackedMatcher; fold: Uint16Array } {
  const pairs = relevantFoldPairs(entries);
  const fold = buildFoldTable(pairs);
  return { packed: packWatchlistMatcher(entries, fold, watchlistKeyOf(entries, pairs)), fold };
}

describe('a page loads the matcher the background built', () => {
  it('finds on a real forum page exactly what compiling the 4,000-topic probe list finds', () => {
    const entries = probeEntries();
    const { packed, fold } = packedOf(entries);
    const loaded = loadWatchlistMatcher(packed, entries, fold);
    const compiled = compileWatchlistWith(entries, fold);
    expect(loaded).toBeDefined();
    const text = `${FORUM_TEXT}\n${entries.slice(0, 300).map((e) => `网友说${e.term}的事`).join('，')}`;
    expect(loaded!.scan(text)).toEqual(compiled.scan(text));
    expect(loaded!.scan(text).length).toBeGreaterThan(250);
  });

  it('keeps exclusions, aliases, context aliases and region ancestors of the demo list', () => {
    const entries = DEMO_WATCHLIST;
    const { packed, fold } = packedOf(entries);
    const loaded = loadWatchlistMatcher(packed, entries, fold)!;
    const compiled = compileWatchlistWith(entries, fold);
    const text = '澜江啤酒节上，澜江警方通报：白沙镇停水三天，市住建局称正在抢修；澜江路拖欠工资';
    expect(loaded.scan(text)).toEqual(compiled.scan(text));
    expect(loaded.scan(text).map((m) => m.via)).toContain('alias');
    expect(loaded.ancestorsOf('白沙镇')).toEqual(compiled.ancestorsOf('白沙镇'));
  });

  it('refuses a packed form of another version, cut short, or naming entries the page does not have — and the page then compiles', () => {
    const entries = DEMO_WATCHLIST;
    const { packed, fold } = packedOf(entries);
    expect(loadWatchlistMatcher({ ...packed, version: 99 }, entries, fold)).toBeUndefined();
    expect(loadWatchlistMatcher({ ...packed, tables: packed.tables.slice(0, 400) }, entries, fold)).toBeUndefined();
    expect(loadWatchlistMatcher({ ...packed, tables: '%%%' }, entries, fold)).toBeUndefined();
    expect(loadWatchlistMatcher(packed, entries.slice(0, 3), fold)).toBeUndefined();
    const fallback = loadOrCompileWatchlist(entries, relevantFoldPairs(entries), { ...packed, version: 99 });
    expect(fallback.scan('白沙镇停水').map((m) => m.term)).toEqual(['白沙镇', '停水']);
  });
});

describe('a page folds with what the packed form carries, without building a fold table', () => {
  it('reads look-alikes, traditional characters, full-width digits and noise between characters as the compiled matcher does', () => {
    const entries: WatchEntry[] = [...DEMO_WATCHLIST, { term: '12345热线', kind: 'topic' } as WatchEntry, { term: '澜江縣', kind: 'topic' } as WatchEntry];
    const { packed, fold } = packedOf(entries);
    const loaded = loadWatchlistMatcher(packed, entries)!;
    const compiled = compileWatchlistWith(entries, fold);
    // ⻄ (a CJK radical) for 西, 瀾 (traditional), full-width and circled digits, a zero-width space and an emoji inside names.
    const text = '⻄湖边，瀾江市公安局通报：白\u200b沙镇停水，打①２３４5热线；澜😀江县也停了。澜江。市民说';
    expect(loaded.scan(text)).toEqual(compiled.scan(text));
    expect(loaded.scan(text).map((m) => m.term)).toEqual(compiled.scan(text).map((m) => m.term));
    expect(loaded.scan(text).length).toBeGreaterThanOrEqual(4);
    expect(loadOrCompileWatchlist(entries, relevantFoldPairs(entries), packed).scan(text)).toEqual(compiled.scan(text));
  });

  it('refuses a class table that names a class no pattern has', () => {
    const entries = DEMO_WATCHLIST;
    const { packed } = packedOf(entries);
    const bytes = Buffer.from(packed.tables, 'base64');
    // The last varint is the class of the last classified code unit (a separator: 0); 0x7f is class -64 zigzagged.
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 1] = 0x7f;
    expect(loadWatchlistMatcher({ ...packed, tables: damaged.toString('base64') }, entries)).toBeUndefined();
  });
});

describe('the background builds once per list change', () => {
  it('builds for a new list, reuses it for every page, and builds again only when the list changes', async () => {
    const cache = createMatcherCache();
    const entries = DEMO_WATCHLIST;
    const pairs = relevantFoldPairs(entries);
    const first = await cache.packedFor(entries, pairs);
    for (let page = 0; page < 5; page++) expect(await cache.packedFor([...entries], pairs)).toBe(first);
    expect(cache.builds).toBe(1);
    const changed = [...entries, { term: '噪音扰民', kind: 'topic' as const }];
    const second = await cache.packedFor(changed, relevantFoldPairs(changed));
    expect(second.key).not.toBe(first.key);
    expect(cache.builds).toBe(2);
  });

  it('does not build again after a service-worker restart when the stored form is of the same list', async () => {
    let stored: PackedMatcher | undefined;
    const store = { get: async () => stored, set: async (p: PackedMatcher) => void (stored = p) };
    const entries = DEMO_WATCHLIST;
    const pairs = relevantFoldPairs(entries);
    await createMatcherCache(store).packedFor(entries, pairs);
    const restarted = createMatcherCache(store);
    expect((await restarted.packedFor(entries, pairs)).key).toBe(stored!.key);
    expect(restarted.builds).toBe(0);
    const matcher = await restarted.matcherFor(entries, pairs);
    expect(matcher.scan('白沙镇停水').map((m) => m.term)).toEqual(['白沙镇', '停水']);
  });
});
