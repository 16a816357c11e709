/**
 * Re-checks bound to the browser: fetching a source with the officer's
 * session (cookies included, as a page load would), reading it in a DOM
 * (Chrome: an offscreen document, reason DOM_PARSER, since a service worker
 * has none; Firefox: the background page's own DOMParser), the per-site
 * throttle, and the alarm that re-checks due cases by tier.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { getSettings } from '../db/repos/settings';
import { digestOf } from '../extract/digest';
import { classifyRecheck, createSiteThrottle, dueForRecheck, recheckCase, type FetchedPage, type RecheckDeps, type RecheckFinding, type RecheckTarget, type SiteThrottle } from '../recheck';
import { OFFSCREEN_CLASSIFY, type OffscreenClassifyMessage } from '../recheck/offscreen-protocol';

const ALARM = 'recheck-watch';
const OFFSCREEN_PATH = '/offscreen.html';

/** The charset a response declares (header, else the page's meta), defaulting to UTF-8. */
function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const ascii = new TextDecoder('latin1').decode(head.slice(0, 4096));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(ascii)?.[1] ?? 'utf-8';
}

/** Fetches a page as a page load would: the browser's cookies for the site, redirects followed, its declared charset. */
export async function fetchPage(url: string): Promise<FetchedPage> {
  try {
    const response = await fetch(url, { credentials: 'include', redirect: 'follow', cache: 'no-store' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let html: string;
    try {
      html = new TextDecoder(charsetOf(response.headers.get('content-type'), bytes)).decode(bytes);
    } catch {
      html = new TextDecoder('utf-8').decode(bytes);
    }
    return { kind: 'response', status: response.status, url: response.url || url, html };
  } catch (error) {
    return { kind: 'error', url, message: error instanceof Error ? error.message : String(error) };
  }
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

let creating: Promise<void> | undefined;

/** Opens the offscreen document once (Chrome allows one per extension). */
async function ensureOffscreen(): Promise<void> {
  const offscreen = browser.offscreen;
  const contexts = await browser.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] as never });
  if (contexts && contexts.length > 0) return;
  creating ??= offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'] as never, justification: 'Read re-fetched forum pages with the site adapters (a service worker has no DOM).' })
    .catch((error: unknown) => {
      // Another call created it in the meantime.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Reads a fetched page in a DOM: the offscreen document in Chrome, this page in Firefox. */
async function classify(page: FetchedPage, targets: RecheckTarget[]): Promise<RecheckFinding[]> {
  if (typeof DOMParser !== 'undefined') return targets.map((target) => classifyRecheck(page, target, parseHtml));
  await ensureOffscreen();
  const message: OffscreenClassifyMessage = { type: OFFSCREEN_CLASSIFY, page, targets };
  const findings = (await browser.runtime.sendMessage(message)) as RecheckFinding[] | undefined;
  if (!Array.isArray(findings)) throw new Error('the offscreen document did not answer');
  return findings;
}

/** Re-check dependencies for this browser, signed by the officer in settings. */
async function browserRecheckDeps(throttle: SiteThrottle): Promise<RecheckDeps> {
  const settings = await getSettings(getDb());
  return {
    db: getDb(),
    now: Date.now,
    newId: () => crypto.randomUUID(),
    actor: { officer: settings.officerName.trim() || '自动复查', department: settings.department.trim() || '未填写部门' },
    fetchPage,
    classify,
    throttle,
    digestOf,
  };
}

// One throttle per worker life: requests to one site stay apart across 立即复查 and the alarm.
const throttle = createSiteThrottle();

/** 立即复查: re-checks one case now. */
export async function recheckNow(caseId: string) {
  return recheckCase(await browserRecheckDeps(throttle), caseId);
}

/** Starts the re-check alarm (every 10 minutes it re-checks the cases due by their tier). */
export function setupRecheckWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void recheckDue().catch((error: unknown) => console.error('scheduled re-check failed', error));
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 10, delayInMinutes: 1 });
  });
}

async function recheckDue(): Promise<void> {
  const rows = await getDb().cases.toArray();
  const deps = await browserRecheckDeps(throttle);
  for (const caseId of dueForRecheck(rows, Date.now())) {
    const result = await recheckCase(deps, caseId);
    if (!result.ok) console.warn('re-check refused', caseId, result.error.message);
  }
}
