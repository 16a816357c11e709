/**
 * `npm run demo`: builds the extension, starts the 澜江市 demo site and opens
 * Chromium with the extension loaded.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY) and without `--headless`:
 *   a headed browser on the demo forum thread, until Ctrl-C or the window closes.
 * - Otherwise (`npm run demo -- --headless`, or no display): runs the
 *   walk-through in scripts/demo-walkthrough.ts headless, saves numbered
 *   screenshots in demo-output/, prints their absolute paths and exits 0, or
 *   non-zero naming the steps that failed.
 *
 * Flags: `--headless`, `--no-build` (reuse .output/chrome-mv3), `--out DIR`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../tests/demo-site/server.ts';
import { DEMO_PATHS } from '../tests/demo-site/routes.ts';
import { DEFAULT_EXTENSION_PATH, ensureChromium, ensureCjkFont, launchWithExtension } from './chromium.ts';
import { WALKTHROUGH_STEPS, type WalkthroughContext } from './demo-walkthrough.ts';

interface DemoArgs {
  headless: boolean;
  build: boolean;
  outDir: string;
}

function parseArgs(argv: readonly string[]): DemoArgs {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const outIndex = argv.indexOf('--out');
  return {
    headless: argv.includes('--headless') || !hasDisplay,
    build: !argv.includes('--no-build'),
    outDir: resolve(outIndex >= 0 ? (argv[outIndex + 1] ?? 'demo-output') : 'demo-output'),
  };
}

/** Runs `npx wxt build`, showing its output; throws when it fails. */
function buildExtension(): void {
  console.log('Building the extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npx wxt build failed (exit ${String(result.status)})`);
}

/** Removes screenshots of an earlier run so the folder shows only this one. */
function clearOldScreenshots(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) {
    if (/^\d+-.*\.png$/.test(file)) rmSync(join(outDir, file));
  }
}

async function runHeaded(server: DemoServer): Promise<void> {
  const { context } = await launchWithExtension({ extensionPath: DEFAULT_EXTENSION_PATH, headless: false, viewport: null });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}${DEMO_PATHS.forumThread}`);
  console.log(`\nChromium is open on ${server.url}${DEMO_PATHS.forumThread}`);
  console.log(`All demo pages: ${server.url}/`);
  console.log('Press Ctrl-C (or close the browser) to stop.');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    context.once('close', () => done());
  });
  await context.close().catch(() => undefined);
}

async function runHeadless(server: DemoServer, outDir: string): Promise<string[]> {
  clearOldScreenshots(outDir);
  const { context, extensionId } = await launchWithExtension({ extensionPath: DEFAULT_EXTENSION_PATH, headless: true });
  const saved: string[] = [];
  const failures: string[] = [];
  let counter = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const ctx: WalkthroughContext = {
      context,
      page,
      extensionId,
      demoUrl: server.url,
      url: (path) => new URL(path, `${server.url}/`).href,
      async openExtensionPage(path, size) {
        const tab: Page = await context.newPage();
        await tab.setViewportSize(size);
        await tab.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
        return tab;
      },
      async screenshot(name, options = {}) {
        counter += 1;
        const file = join(outDir, `${String(counter).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
        await (options.page ?? page).screenshot({ path: file, fullPage: options.fullPage ?? false });
        saved.push(file);
        console.log(`  saved ${file}`);
        return file;
      },
    };
    for (const step of WALKTHROUGH_STEPS) {
      console.log(`▶ ${step.name}`);
      try {
        await step.run(ctx);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        failures.push(`${step.name}: ${message}`);
        console.error(`✖ step "${step.name}" failed: ${message}`);
      }
    }
  } finally {
    await context.close();
  }
  console.log(`\nScreenshots (${saved.length}):`);
  for (const file of saved) console.log(file);
  if (failures.length) {
    throw new Error(`${failures.length} walk-through step(s) failed:\n  ${failures.join('\n  ')}`);
  }
  return saved;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) buildExtension();
  ensureChromium();
  if (args.headless) ensureCjkFont();
  const server = await startDemoServer();
  console.log(`Demo site: ${server.url}/`);
  try {
    if (args.headless) await runHeadless(server, args.outDir);
    else await runHeaded(server);
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
