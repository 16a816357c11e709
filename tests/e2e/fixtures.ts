/**
 * Playwright fixtures for driving the built extension (.output/chrome-mv3) in
 * Chromium, following BROWSER-TESTING.md:
 *
 * - `demoServer` (worker-scoped): the 澜江市 demo site on 127.0.0.1, random port.
 * - `context`: a persistent Chromium context with the extension loaded, one
 *   fresh profile per test (`userDataDir`). The built-in `page` fixture opens
 *   its page in this context.
 * - `extensionId`: read from the service worker URL at run time (it depends on
 *   the build's absolute path).
 * - `serviceWorker()`: the current worker. MV3 stops it after ~30 s idle, so
 *   never keep a handle across long waits; call this again.
 * - `openExtensionPage(path, { width })`: an extension page as a tab. The real
 *   side panel is only a CDP target, so its UI is tested as
 *   `sidepanel.html` in a ~360 px wide tab (it shares the extension's IndexedDB).
 * - `relaunch()`: closes the browser and starts it again on the same profile,
 *   e.g. to prove data survives a restart. After it, use the returned
 *   context, not the `context` fixture.
 *
 * Set HEADED=1 to watch the browser (needs a display).
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import {
  extensionIdFromWorker,
  launchWithExtension,
  makeUserDataDir,
  waitForServiceWorker,
  type LaunchedExtension,
} from '../../scripts/chromium.ts';
import { startDemoServer, type DemoServer } from '../demo-site/server.ts';

/** The built extension the tests load. */
export const EXTENSION_PATH = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Width of the side panel when tested as a tab (Chromium's default panel width is about 360 px). */
export const SIDE_PANEL_WIDTH = 360;

/** Options for {@link ExtensionFixtures.openExtensionPage}. */
export interface OpenExtensionPageOptions {
  /** Viewport width; default 1280, or {@link SIDE_PANEL_WIDTH} for `sidepanel.html`. */
  width?: number;
  /** Viewport height; default 800. */
  height?: number;
}

/** Test-scoped fixtures. */
export interface ExtensionFixtures {
  /** Profile folder of this test's browser (kept for `relaunch()`, removed after the test). */
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  /** Opens `chrome-extension://<id>/<path>` in a new tab. */
  openExtensionPage(path: string, options?: OpenExtensionPageOptions): Promise<Page>;
  /** The extension's current service worker (waits for it to start if it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Closes the browser and launches it again with the same profile. */
  relaunch(): Promise<LaunchedExtension>;
  /** Absolute URL of a demo-site path, e.g. `demoUrl('/forum/thread-1001-1-1.html')`. */
  demoUrl(path: string): string;
}

/** Worker-scoped fixtures. */
export interface DemoWorkerFixtures {
  demoServer: DemoServer;
}

/** The browser currently in use by a test (replaced by `relaunch()`). */
interface BrowserState {
  current: LaunchedExtension;
}

const headless = !process.env.HEADED;

/** Playwright `test` with the extension and demo-site fixtures. */
export const test = base.extend<ExtensionFixtures & { browserState: BrowserState }, DemoWorkerFixtures>({
  demoServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern even with no dependencies.
    async ({}, provide) => {
      const server = await startDemoServer();
      await provide(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern even with no dependencies.
  userDataDir: async ({}, provide) => {
    const dir = makeUserDataDir('yuqing-e2e-');
    await provide(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  browserState: async ({ userDataDir }, provide) => {
    const state: BrowserState = {
      current: await launchWithExtension({ extensionPath: EXTENSION_PATH, userDataDir, headless }),
    };
    await provide(state);
    await state.current.context.close();
  },

  context: async ({ browserState }, provide) => {
    await provide(browserState.current.context);
  },

  extensionId: async ({ browserState }, provide) => {
    await provide(browserState.current.extensionId);
  },

  openExtensionPage: async ({ browserState }, provide) => {
    await provide(async (path, options = {}) => {
      const { context, extensionId } = browserState.current;
      const page = await context.newPage();
      const isPanel = path.replace(/^\//, '').startsWith('sidepanel');
      await page.setViewportSize({
        width: options.width ?? (isPanel ? SIDE_PANEL_WIDTH : 1280),
        height: options.height ?? 800,
      });
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    });
  },

  serviceWorker: async ({ browserState }, provide) => {
    await provide(async () => {
      const worker = await waitForServiceWorker(browserState.current.context);
      // Sanity: a relaunch must not hand back a worker of another extension.
      expect(extensionIdFromWorker(worker)).toBe(browserState.current.extensionId);
      return worker;
    });
  },

  relaunch: async ({ browserState, userDataDir }, provide) => {
    await provide(async () => {
      await browserState.current.context.close();
      browserState.current = await launchWithExtension({ extensionPath: EXTENSION_PATH, userDataDir, headless });
      return browserState.current;
    });
  },

  demoUrl: async ({ demoServer }, provide) => {
    await provide((path) => new URL(path, `${demoServer.url}/`).href);
  },
});

export { expect };
