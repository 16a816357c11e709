/**
 * Reaching what the content script puts in a page, as the officer (and not
 * the page) can: its badges live in closed shadow roots with no attribute to
 * find them by, and its scan log lives in the extension's isolated world.
 * Playwright's selectors (like the page's own scripts) cannot see either, so
 * this goes through the Chrome DevTools Protocol: `DOM.getDocument` with
 * `pierce` walks closed shadow roots, and `Runtime.evaluate` runs in the
 * isolated world's execution context. Clicks are real mouse clicks at the
 * button's box, so the badge sees a trusted event.
 */
import type { CDPSession, Frame, Locator, Page } from '@playwright/test';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/** A badge as read through the protocol. */
export interface BadgeSnapshot {
  /** Everything the badge shows (its closed shadow root's text, styles left out). */
  text: string;
  /** Its buttons, by their text. */
  buttons: { text: string; backendNodeId: number }[];
  /** Highlight boxes drawn in the same closed root. */
  highlightBoxes: number;
  /** `data-e2e-probe` values of the elements the badge is inside (see `badgeIn`). */
  probes: string[];
}

async function withCdp<T>(target: Page | Frame, work: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const context = 'context' in target ? target.context() : target.page().context();
  // A frame in the page's own process (same site) has no session of its own: it is in the page's tree.
  const cdp = await context.newCDPSession(target).catch(() => ('context' in target ? Promise.reject(new Error('no CDP session')) : context.newCDPSession(target.page())));
  try {
    return await work(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

function attributesOf(node: DomNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i] as string] = list[i + 1] as string;
  return out;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map(textOf).join('');
}

function countClass(node: DomNode, className: string): number {
  const own = attributesOf(node).class === className ? 1 : 0;
  return own + (node.children ?? []).reduce((sum, child) => sum + countClass(child, className), 0);
}

function buttonsOf(node: DomNode, out: BadgeSnapshot['buttons'] = []): BadgeSnapshot['buttons'] {
  if (node.nodeName === 'BUTTON') out.push({ text: textOf(node).trim(), backendNodeId: node.backendNodeId });
  for (const child of node.children ?? []) buttonsOf(child, out);
  return out;
}

/**
 * Every host of ours in the page (elements with a closed shadow root: the
 * capture badges, and on list pages the highlight-only hosts), in document order.
 */
export async function readBadges(page: Page | Frame, { withoutButtons = false } = {}): Promise<BadgeSnapshot[]> {
  // A cross-origin frame is a target of its own (pass the Frame); same-origin frames are in the page's tree.
  return withCdp(page, async (cdp) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const badges: BadgeSnapshot[] = [];
    const walk = (node: DomNode, probes: string[]) => {
      const probe = attributesOf(node)['data-e2e-probe'];
      const inside = probe ? [...probes, probe] : probes;
      const shadow = node.shadowRoots?.find((s) => s.shadowRootType === 'closed');
      if (shadow) {
        const buttons = buttonsOf(shadow);
        if (buttons.length > 0 || withoutButtons) {
          badges.push({ text: textOf(shadow).trim(), buttons, highlightBoxes: countClass(shadow, 'hl'), probes: inside });
        }
      }
      for (const child of node.children ?? []) walk(child, inside);
      if (node.contentDocument) walk(node.contentDocument, inside);
    };
    walk(root, []);
    return badges;
  });
}

let probeCounter = 0;

/** Our hosts inside `scope` (badges; with `withoutButtons`, highlight-only hosts too). */
export async function badgesIn(scope: Locator, options: { withoutButtons?: boolean } = {}): Promise<BadgeSnapshot[]> {
  const probe = `p${++probeCounter}`;
  // A test-only attribute on the page's own element, to find it in the protocol's tree.
  await scope.evaluate((el, value) => el.setAttribute('data-e2e-probe', value), probe);
  try {
    return (await readBadges(scope.page(), options)).filter((b) => b.probes.includes(probe));
  } finally {
    await scope.evaluate((el) => el.removeAttribute('data-e2e-probe')).catch(() => undefined);
  }
}

/** The badge mounted in `body` (a post body), or undefined when the post has none. */
export async function badgeIn(body: Locator): Promise<BadgeSnapshot | undefined> {
  return (await badgesIn(body))[0];
}

/** The texts of the buttons of the badge in `body` ([] when there is none). */
export async function badgeButtons(body: Locator): Promise<string[]> {
  return (await badgeIn(body))?.buttons.map((b) => b.text) ?? [];
}

/** The text the badge in `body` shows ('' when there is none). */
export async function badgeText(body: Locator): Promise<string> {
  return (await badgeIn(body))?.text ?? '';
}

/** Clicks (a real, trusted mouse click) the badge button in `body` whose text matches `name`. */
export async function clickBadgeButton(body: Locator, name: string | RegExp, timeout = 10_000): Promise<void> {
  // The badge is mounted by the content script's scan, which may still be running: wait for it as a locator would.
  const until = Date.now() + timeout;
  let badge: BadgeSnapshot | undefined;
  let button: BadgeSnapshot['buttons'][number] | undefined;
  for (;;) {
    badge = await badgeIn(body);
    button = badge?.buttons.find((b) => (typeof name === 'string' ? b.text === name : name.test(b.text)));
    if (button || Date.now() > until) break;
    await body.page().waitForTimeout(100);
  }
  if (!button) throw new Error(`no badge button ${String(name)} (badge: ${badge ? JSON.stringify(badge.text) : 'none'})`);
  const page = body.page();
  const box = await withCdp(page, async (cdp) => {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    return model.content;
  });
  const xs = [box[0], box[2], box[4], box[6]] as number[];
  const ys = [box[1], box[3], box[5], box[7]] as number[];
  await page.mouse.click((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2);
}

/**
 * Evaluates `expression` in the extension's isolated world of the page's
 * main frame (where the content script runs), returning its value.
 */
export async function evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
  return withCdp(page, async (cdp) => {
    const contexts: { id: number; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const context = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'),
    );
    if (!context) throw new Error('the content script has not started in this page');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: context.id,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  });
}

/** The content script's scan log (isolated world; see lib/content/flagger.ts `SCAN_LOG_KEY`). */
export async function scanLog(page: Page): Promise<{ name: string; ms: number; flagged: number }[]> {
  return evaluateInContentScript<{ name: string; ms: number; flagged: number }[]>(page, `globalThis[Symbol.for('yq.scan-log')] ?? []`).catch(() => []);
}

/** Waits until the content script has scanned the whole page once. */
export async function waitForFirstScan(page: Page, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if ((await scanLog(page)).some((r) => r.name === 'scan-page')) return;
    if (Date.now() > until) throw new Error('the content script did not scan the page');
    await page.waitForTimeout(100);
  }
}
