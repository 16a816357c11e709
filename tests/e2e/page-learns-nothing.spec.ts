/**
 * The forum's own scripts learn nothing from the extension, and the pages
 * that re-render keep their flags (issue 11, tests/fixtures/probe).
 *
 * The spy is a main-world script installed before the page's own (as a
 * forum's script would be): it hooks `attachShadow`, `console` and the
 * performance timeline, then walks the DOM, every reachable shadow root,
 * every attribute, `CSS.highlights`, the window's globals and the page's
 * text, looking for the claim state, the department, the officer, the
 * deadline, a term's kind or any watch-list word outside the post's own
 * text. It then tries to rewrite the badge to a fake "已办结".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { expect, test } from './fixtures.ts';
import { badgeText, clickBadgeButton, readBadges, waitForFirstScan } from './pages/closed-ui.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { SidePanel } from './pages/side-panel.ts';

const PROBE = join(import.meta.dirname, '../fixtures/probe');
const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' };
/** Words that would tell the page what the office knows. */
const SECRETS = ['已认领', '已采集', '剩余', '认领', OFFICER.name, OFFICER.department, 'region', 'agency', 'exclusion', 'yq', '舆情'];

/** Installed before any page script: what a hostile forum can hook. */
function installSpy() {
  const w = window as unknown as Record<string, unknown>;
  const seen = { shadowRoots: [] as ShadowRoot[], console: [] as string[], performance: [] as string[] };
  w.__spy = seen;
  w.__spyBaseline = Object.getOwnPropertyNames(window);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    seen.shadowRoots.push(root);
    return root;
  };
  for (const method of ['log', 'debug', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      seen.console.push(args.map(String).join(' '));
      original(...args);
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.entryType === 'mark' || entry.entryType === 'measure') seen.performance.push(entry.name);
  }).observe({ entryTypes: ['mark', 'measure'] });
}

/** Everything a main-world script can read that the extension might have written. */
function spyReport(secrets: string[]) {
  const w = window as unknown as Record<string, unknown>;
  const seen = w.__spy as { shadowRoots: ShadowRoot[]; console: string[]; performance: string[] };
  const found: string[] = [];
  const check = (where: string, value: string | null | undefined) => {
    if (!value) return;
    for (const secret of secrets) if (value.includes(secret)) found.push(`${where}: ${secret} in ${value.slice(0, 80)}`);
  };
  const walk = (root: Document | ShadowRoot | Element) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        check(`attribute ${attr.name}`, attr.name);
        check(`attribute ${attr.name}`, attr.value);
      }
      if (el.shadowRoot) {
        check('shadow root text', el.shadowRoot.textContent);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  check('hooked shadow root', seen.shadowRoots.map((r) => r.textContent).join(' '));
  check('page text', document.documentElement.textContent);
  for (const line of seen.console) check('console', line);
  for (const name of seen.performance) check('performance', name);
  for (const entry of performance.getEntries()) if (entry.entryType === 'mark' || entry.entryType === 'measure') found.push(`performance entry ${entry.name}`);
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  if (highlights && highlights.size > 0) found.push(`CSS.highlights: ${[...highlights.keys()].join(', ')}`);
  const baseline = new Set(w.__spyBaseline as string[]);
  for (const name of Object.getOwnPropertyNames(window)) if (!baseline.has(name) && !name.startsWith('__spy')) check(`global ${name}`, `${name} ${String(w[name]).slice(0, 200)}`);
  return { found, hookedRoots: seen.shadowRoots.length, consoleLines: seen.console.length };
}

test('a main-world spy on a claimed post finds nothing and cannot change the badge', async ({ page, demoUrl, openExtensionPage }) => {
  await page.addInitScript(installSpy);
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn(OFFICER.name, OFFICER.department);
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  await panel.rows.first().click();
  await panel.act('claimed');
  await page.reload();
  await expect.poll(() => badgeText(thread.body(pid))).toContain(`已认领 · ${OFFICER.department}`);

  // Words the forum's own markup already contains (the department's name in a post) tell it nothing new.
  const own = await (await page.request.get(page.url())).text();
  const secrets = SECRETS.filter((secret) => !own.includes(secret));
  expect(secrets).toEqual(expect.arrayContaining(['已认领', '剩余', OFFICER.name]));
  const report = await page.evaluate(spyReport, secrets);
  expect(report.found).toEqual([]);
  // The page's hook on attachShadow never saw our roots (the content script's world has its own prototypes).
  expect(report.hookedRoots).toBe(0);
  expect(report.consoleLines).toBe(0);

  // The page tries to rewrite the badge: it can reach neither the root nor the text.
  const rewrote = await page.evaluate((sel) => {
    let changed = 0;
    for (const host of Array.from(document.querySelectorAll(`${sel} > span`))) {
      if (host.shadowRoot) {
        host.shadowRoot.textContent = '已办结';
        changed++;
      }
      try {
        host.attachShadow({ mode: 'open' }).textContent = '已办结';
        changed++;
      } catch {
        // a host has only one shadow root
      }
    }
    return changed;
  }, `#postmessage_${pid}`);
  expect(rewrote).toBe(0);
  expect(await badgeText(thread.body(pid))).toContain('已认领');
  expect(await badgeText(thread.body(pid))).not.toContain('已办结');
});

/** Serves the probe pages over http on two origins (for the cross-origin frame). */
async function serveProbes(page: Page) {
  const host = readFileSync(join(PROBE, 'iframe-host.html'), 'utf8');
  await page.context().route(/^http:\/\/(forum\.probe|embed\.probe-other)\.test\//, async (route) => {
    const url = new URL(route.request().url());
    const file = url.pathname.slice(1) || 'index.html';
    if (file === 'cross-origin-host.html') {
      const body = host.replace('src="rerender-clone.html"', 'src="http://embed.probe-other.test/rerender-clone.html"');
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
    }
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(PROBE, file), 'utf8') });
  });
}

test('fingerprint.html: the page does not learn the extension is installed', async ({ page }) => {
  await serveProbes(page);
  await page.goto('http://forum.probe.test/fingerprint.html');
  await expect(page).toHaveTitle('not installed', { timeout: 10_000 });
});

/** Post ids with a connected badge, after the page's own re-render (it runs at 3 s). */
async function flaggedAfterRerender(page: Page, file: string): Promise<string[]> {
  await page.goto(`http://forum.probe.test/${file}`);
  await waitForFirstScan(page);
  await page.waitForTimeout(3_500);
  const ids: string[] = [];
  for (const body of await page.locator('td.t_f').all()) {
    if ((await badgeText(body)) !== '') ids.push((await body.getAttribute('id')) ?? '');
  }
  return ids;
}

test.describe('pages that re-render keep their flags', () => {
  test('rerender-clone.html: posts replaced by clones are flagged again', async ({ page }) => {
    await serveProbes(page);
    await expect.poll(() => flaggedAfterRerender(page, 'rerender-clone.html'), { timeout: 20_000 }).toEqual(['postmessage_1007', 'postmessage_1027']);
  });

  test('rerender-innerhtml.html: bodies rewritten through innerHTML are flagged again', async ({ page }) => {
    await serveProbes(page);
    await expect.poll(() => flaggedAfterRerender(page, 'rerender-innerhtml.html'), { timeout: 20_000 }).toEqual(['postmessage_1007', 'postmessage_1027']);
  });

  test('spa-swap-body.html: the new <body> is scanned', async ({ page }) => {
    await serveProbes(page);
    await expect.poll(() => flaggedAfterRerender(page, 'spa-swap-body.html'), { timeout: 20_000 }).toEqual(['postmessage_2007']);
  });
});

test.describe('threads inside frames are flagged', () => {
  test('iframe-host.html: a same-origin frame', async ({ page }) => {
    await serveProbes(page);
    await page.goto('http://forum.probe.test/iframe-host.html');
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 15_000 }).toBe(2);
  });

  test('a cross-origin frame', async ({ page }) => {
    await serveProbes(page);
    await page.goto('http://forum.probe.test/cross-origin-host.html');
    const frame = page.frames().find((f) => f.url().startsWith('http://embed.probe-other.test/'));
    expect(frame).toBeDefined();
    await expect.poll(async () => (await readBadges(frame!)).length, { timeout: 15_000 }).toBe(2);
  });
});
