/**
 * The per-site throttle of re-checks: never more than one request to a site
 * every `intervalMs` (the issue: "never more than one request per site every
 * few seconds"), so following many cases never looks like a crawler to the
 * forums the office depends on. A site is a host name.
 */

/** Waits before each request to a host so requests to one host are `intervalMs` apart. */
export interface SiteThrottle {
  /** Resolves when a request to `url`'s host may go; reserves that slot. */
  wait(url: string): Promise<void>;
}

/** Default spacing of requests to one site (ms). */
export const DEFAULT_SITE_INTERVAL_MS = 5_000;

/** A throttle over an injected clock and sleep (tests and the bench pass their own; 0 turns it off). */
export function createSiteThrottle(
  intervalMs: number = DEFAULT_SITE_INTERVAL_MS,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): SiteThrottle {
  const nextSlot = new Map<string, number>();
  return {
    async wait(url) {
      if (intervalMs <= 0) return;
      const host = new URL(url).host;
      const at = now();
      const slot = Math.max(at, nextSlot.get(host) ?? at);
      nextSlot.set(host, slot + intervalMs);
      if (slot > at) await sleep(slot - at);
    },
  };
}
