/**
 * The canonical URL of a page: the address two officers reach the same post
 * by, whatever link, page number or tracking tag brought them there.
 */

/** Query parameters that only track where a visitor came from or how the page is shown. */
const NOISE_PARAMS = /^(?:utm_\w+|spm|from|fromvsogou|share_token|share_from|isappinstalled|wfr|fr|extra|page|highlight|ordertype|authorid|_t|t|timestamp|s|sid|vd_source)$/i;

/** A Discuz! rewritten thread URL: thread-<tid>-<page>-<listpage>.html */
const DISCUZ_REWRITE = /\/thread-(\d+)-\d+-\d+\.html$/i;

/**
 * Resolves the page's canonical URL: the page's own `<link rel="canonical">`
 * when it points to an http(s) address on the same site, else `url`; then
 * removes the fragment and tracking parameters and sorts what is left.
 * Discuz! threads are keyed by `tid` alone, since every page of a thread
 * shows posts whose ids are unique in the forum.
 */
export function canonicalUrlOf(doc: Document | undefined, url: string): string {
  const declared = doc?.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const base = new URL(url);
  let chosen = base;
  if (declared) {
    try {
      const candidate = new URL(declared, base);
      if (/^https?:$/.test(candidate.protocol) && sameSite(candidate.hostname, base.hostname)) chosen = candidate;
    } catch {
      // A malformed canonical link is the page's problem; the address bar is still right.
    }
  }
  return normalizeUrl(chosen.href);
}

/** Normalizes an http(s) URL: no fragment, no tracking parameters, sorted query, Discuz! thread key. */
export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  const rewrite = DISCUZ_REWRITE.exec(parsed.pathname);
  if (rewrite) {
    parsed.pathname = parsed.pathname.replace(DISCUZ_REWRITE, '/forum.php');
    parsed.search = `?mod=viewthread&tid=${rewrite[1]}`;
    return parsed.href;
  }
  const kept = [...parsed.searchParams.entries()].filter(([key]) => !NOISE_PARAMS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  return parsed.href;
}

function sameSite(a: string, b: string): boolean {
  const registrable = (host: string) => host.split('.').slice(-2).join('.');
  return registrable(a) === registrable(b);
}
