/**
 * Screenshots every demo-site page in plain Chromium (no extension), to review
 * how the fictional pages look: `npx tsx scripts/screenshot-demo-site.ts [outDir]`
 * (default demo-output/site). Saves the first screen (`-top.png`) and the
 * full page of each and prints their absolute paths.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startDemoServer } from '../tests/demo-site/server.ts';
import { DEMO_PATHS } from '../tests/demo-site/routes.ts';
import { ensureChromium, ensureCjkFont } from './chromium.ts';

/** Pages shown at a phone-sized viewport. */
const MOBILE_PAGES = new Set<string>(['forumTouch']);

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? 'demo-output/site');
  mkdirSync(outDir, { recursive: true });
  ensureCjkFont();
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    let index = 1;
    for (const [name, path] of Object.entries(DEMO_PATHS)) {
      await page.setViewportSize(MOBILE_PAGES.has(name) ? { width: 390, height: 844 } : { width: 1280, height: 900 });
      // The benchmark page is huge; a dozen floors show its layout.
      await page.goto(`${server.url}${path}${name === 'benchThread' || name === 'communityBench' ? '?n=12' : ''}`);
      const prefix = `${outDir}/${String(index++).padStart(2, '0')}-${name}`;
      // The first screen is what a reviewer looks at; the full page shows everything.
      await page.screenshot({ path: `${prefix}-top.png` });
      await page.screenshot({ path: `${prefix}.png`, fullPage: true });
      console.log(`${prefix}-top.png`);
      console.log(`${prefix}.png`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
