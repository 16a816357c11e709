/**
 * The canonical URL of a page: the address two officers reach the same post
 * by, whatever link, page number or tracking tag brought them there.
 */

import { declaredCanonicalUrl } from '../sites';

// Not `s`, `t` or `page`: ThinkPHP government sites route by `?s=/home/article/id/123`, and
// elsewhere a page number names different content (Discuz! threads are keyed by tid below).
/** Query parameters that only track where a visitor came from or how the page is shown. */
const NOISE_PARAMS = /^(?:utm_\w+|spm|from|fromvsogou|share_token|share_from|isappinstalled|wfr|fr|highlight|_t|timestamp|sid|vd_source)$/i;

/** Two-label public suffixes of Chinese hosts: bbs.xx.gov.cn and www.xx.gov.cn are one site, xx.gov.cn and yy.gov.cn are not. */
const CN_SECOND_LEVEL = /\.(?:com|net|org|gov|edu|ac|mil)\.cn$/i;

/** A Discuz! rewritten thread URL: thread-<tid>-<page>-<listpage>.html */
const DISCUZ_REWRITE = /\/thread-(\d+)-\d+-\d+\.html$/i;

/**
 * Resolves the page's canonical URL: the one the page declares when it
 * points to an http(s) address on the same site, else `url`; then
 * removes the fragment and tracking parameters and sorts what is left.
 * Discuz! threads are keyed by `tid` alone, since every page of a thread
 * shows posts whose ids are unique in the forum.
 */
export function canonicalUrlOf(doc: Document | undefined, url: string): string {
  const base = new URL(url);
  // What the page declares is read once, by lib/sites (link rel=canonical, then a non-home og:url).
  const declared = doc ? declaredCanonicalUrl(doc, base) : undefined;
  const candidate = declared ? new URL(declared) : undefined;
  const chosen = candidate && /^https?:$/.test(candidate.protocol) && sameSite(candidate.hostname, base.hostname) ? candidate : base;
  return normalizeUrl(chosen.href);
}

/** Normalizes an http(s) URL: no fragment, no tracking parameters, sorted query, Discuz! thread key. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  const rewrite = DISCUZ_REWRITE.exec(parsed.pathname);
  const tid = parsed.pathname.endsWith('/forum.php') && parsed.searchParams.get('mod') === 'viewthread' ? parsed.searchParams.get('tid') : null;
  if (rewrite || tid) {
    // Every page of a Discuz! thread shows posts whose ids are unique in the forum: the thread is the key.
    parsed.pathname = parsed.pathname.replace(DISCUZ_REWRITE, '/forum.php');
    parsed.search = `?mod=viewthread&tid=${rewrite?.[1] ?? tid}`;
    return parsed.href;
  }
  const kept = [...parsed.searchParams.entries()].filter(([key]) => !NOISE_PARAMS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}

function sameSite(a: string, b: string): boolean {
  const registrable = (host: string) => host.toLowerCase().split('.').slice(CN_SECOND_LEVEL.test(host) ? -3 : -2).join('.');
  return registrable(a) === registrable(b);
}
