/**
 * Finding Chromium and launching it with the built extension loaded, exactly
 * as /work/shared/BROWSER-TESTING.md prescribes (copied into the repo because
 * CI has no /work/shared). Shared by the e2e fixture, `npm run demo` and the
 * benchmarks, so every runner loads the extension the same way.
 *
 * Never `npx playwright install`: its download host is unreachable here; we
 * drive Debian's /usr/bin/chromium through `executablePath`.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** Where Chromium is looked for, after `$CHROMIUM_PATH`. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** The command that installs Chromium on Debian/Ubuntu (root). */
export const CHROMIUM_INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/** Default output folder of `wxt build` for Chromium. */
export const DEFAULT_EXTENSION_PATH = resolve('.output/chrome-mv3');

/** Returns the Chromium executable: `$CHROMIUM_PATH`, then the Debian paths; undefined if none exists. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/**
 * Returns the Chromium executable, installing Debian's package when it is
 * missing and we are root; otherwise throws with the exact command to run.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `Chromium not found (looked at $CHROMIUM_PATH, ${CHROMIUM_CANDIDATES.join(', ')}). ` +
        `Install it with:\n  sudo sh -c '${CHROMIUM_INSTALL_COMMAND}'\n` +
        'or set CHROMIUM_PATH to an existing Chromium binary. Do not run `npx playwright install`.',
    );
  }
  console.log(`Chromium not found; installing: ${CHROMIUM_INSTALL_COMMAND}`);
  execSync(CHROMIUM_INSTALL_COMMAND, { stdio: 'inherit', shell: '/bin/bash', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findChromium();
  if (!installed) throw new Error(`"${CHROMIUM_INSTALL_COMMAND}" finished but no Chromium binary was found.`);
  return installed;
}

/**
 * Chromium flags for loading an unpacked extension with no outside traffic
 * (BROWSER-TESTING.md): the four URL overrides stop the remaining look-ups of
 * Google hosts, which are unreachable here and would only add noise and delay.
 */
export function chromiumArgs(extensionPath: string, lang = 'zh-CN'): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--component-updater=url-source=http://127.0.0.1:1/',
    '--gaia-url=http://127.0.0.1:1',
    '--google-apis-url=http://127.0.0.1:1',
    '--lso-url=http://127.0.0.1:1',
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    `--lang=${lang}`,
  ];
}

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions {
  /** Unpacked extension folder; default `.output/chrome-mv3`. Made absolute. */
  extensionPath?: string;
  /** Profile folder; a fresh temp folder when omitted. Reuse it to relaunch with the same profile. */
  userDataDir?: string;
  /** Chromium's new headless mode (which loads extensions) when true. */
  headless: boolean;
  /** Viewport of pages; default 1280×900. `null` lets headed windows size themselves. */
  viewport?: { width: number; height: number } | null;
  /** UI language and locale; default zh-CN (the users are Chinese officers). */
  lang?: string;
  /** Chromium executable; default {@link ensureChromium}. */
  executablePath?: string;
  /** How long to wait for the extension's service worker; default 15 s. */
  serviceWorkerTimeoutMs?: number;
  /**
   * Time zone of the whole browser (its process, so the service worker too,
   * and its pages); default Asia/Shanghai, where officers work. Tests set a
   * zone west of UTC to prove no answer depends on it.
   */
  timezone?: string;
}

/** A launched browser with the extension loaded. */
export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension id (host of its service worker URL; depends on the build's absolute path). */
  extensionId: string;
  /** The profile folder in use (pass it back to relaunch with the same profile). */
  userDataDir: string;
}

/** Creates a fresh temporary profile folder. */
export function makeUserDataDir(prefix = 'yuqing-profile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Waits for the extension's service worker in `context` (it may already be running). */
export async function waitForServiceWorker(context: BrowserContext, timeoutMs = 15_000): Promise<Worker> {
  const existing = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', {
    predicate: (worker) => worker.url().startsWith('chrome-extension://'),
    timeout: timeoutMs,
  });
}

/** The extension id encoded in a service worker URL (`chrome-extension://<id>/background.js`). */
export function extensionIdFromWorker(worker: Worker): string {
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`No extension id in service worker URL ${worker.url()}`);
  return id;
}

/**
 * Launches Chromium with the unpacked extension in a persistent context and
 * resolves once its service worker is up.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const extensionPath = resolve(options.extensionPath ?? DEFAULT_EXTENSION_PATH);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath} (manifest.json missing). Run \`npx wxt build\` first.`);
  }
  const lang = options.lang ?? 'zh-CN';
  const userDataDir = options.userDataDir ?? makeUserDataDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? ensureChromium(),
    headless: options.headless,
    // Playwright passes --disable-extensions by default, which would stop ours loading.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extensionPath, lang),
    locale: lang,
    timezoneId: options.timezone ?? 'Asia/Shanghai',
    env: { ...process.env, TZ: options.timezone ?? 'Asia/Shanghai' },
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
  });
  try {
    const worker = await waitForServiceWorker(context, options.serviceWorkerTimeoutMs);
    return { context, extensionId: extensionIdFromWorker(worker), userDataDir };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw new Error(
      `The extension at ${extensionPath} did not start a service worker: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Debian package giving Chromium a Chinese font (without one, screenshots show boxes instead of 汉字). */
export const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

/** Whether fontconfig knows a font covering Chinese. Undefined when fc-list is unavailable. */
export function hasCjkFont(): boolean | undefined {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure screenshots can show Chinese: installs {@link CJK_FONT_PACKAGE}
 * when no CJK font is present and we are root; otherwise only warns, since
 * tests do not need glyphs, only people looking at screenshots do.
 */
export function ensureCjkFont(): void {
  if (hasCjkFont() !== false) return;
  const command = `apt-get install -y ${CJK_FONT_PACKAGE} || (apt-get update && apt-get install -y ${CJK_FONT_PACKAGE})`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.warn(`No Chinese font found: screenshots will show boxes. Install one with: sudo sh -c '${command}'`);
    return;
  }
  console.log(`No Chinese font found; installing: ${command}`);
  try {
    execSync(command, { stdio: 'inherit', shell: '/bin/bash', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    console.warn(`Could not install ${CJK_FONT_PACKAGE}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
