/**
 * `recheck.100-posts`: re-checking 100 captured posts, each on its own page
 * of the local demo server, with the per-site throttle off, as the
 * extension does it: fetch the page, parse it with the browser's DOMParser
 * (what the offscreen document does) and read the post with the site
 * adapters (lib/recheck classifyRecheck, bundled with esbuild for the page).
 * Measured in one Chromium tab on the demo origin, one post after another.
 * Storing the `rechecked` events is measured by the db benches, not here.
 * Baseline: the same 100 pages opened as tabs (new tab, load, close), one
 * after another, in the same browser and run. Goal: ≥ 5× faster than tabs.
 */
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumArgs, ensureChromium, makeUserDataDir } from '../../scripts/chromium.ts';
import { startDemoServer } from '../demo-site/server.ts';
import { compared, type BenchSuite } from './harness.ts';

const POSTS = Number(process.env.RECHECK_BENCH_POSTS ?? 100);
const RUNS = 3;
const GLOBAL = '__yqRecheckBench';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** lib/recheck's classifier and the site adapters as one script for a page. */
async function bundleClassifier(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { classifyRecheck } from './lib/recheck/classify.ts'; export { locatePosts, findPost } from './lib/sites/index.ts';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const suite: BenchSuite = async () => {
  const server = await startDemoServer();
  const paths = Array.from({ length: POSTS }, (_, i) => `/forum/thread-1000-posts.html?n=30&copy=${i}`);
  const dir = makeUserDataDir('yuqing-bench-recheck-');
  const browser = await chromium.launchPersistentContext(dir, {
    executablePath: ensureChromium(),
    headless: true,
    args: chromiumArgs('').filter((arg) => !arg.includes('extension')),
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.addScriptTag({ content: await bundleClassifier() });
    // Plain JavaScript text: tsx would wrap a function literal in helpers the page does not have.
    const inPage = `(async ({ paths, global }) => {
      const lib = window[global];
      const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
      // The captured post: the first floor as the first page shows it (setup, not timed).
      const firstUrl = new URL(paths[0], location.href).href;
      const firstDoc = parse(await (await fetch(firstUrl)).text());
      const postId = lib.locatePosts(firstDoc, firstUrl)[0].postId;
      const excerpt = lib.findPost(firstDoc, firstUrl, postId).text;
      const start = performance.now();
      let found = 0;
      for (const path of paths) {
        const url = new URL(path, location.href).href;
        const response = await fetch(url, { credentials: 'include', cache: 'no-store' });
        const fetched = { kind: 'response', status: response.status, url, html: await response.text() };
        const finding = lib.classifyRecheck(fetched, { evidenceId: url + '#' + postId, url, postId, excerpt }, parse);
        if (finding.outcome === 'found') found++;
      }
      return { ms: performance.now() - start, found };
    })(${JSON.stringify({ paths, global: GLOBAL })})`;
    const runInPage = () => page.evaluate(inPage) as Promise<{ ms: number; found: number }>;
    const ours: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, found } = await runInPage();
      if (found !== POSTS) throw new Error(`recheck bench: ${found} of ${POSTS} posts found again`);
      ours.push(ms);
    }
    const tabs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      for (const path of paths) {
        const tab = await browser.newPage();
        await tab.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await tab.close();
      }
      tabs.push(performance.now() - start);
    }
    return [compared('recheck.100-posts', 'ms', median(ours), 'the same 100 pages opened as Chromium tabs (load, close)', median(tabs), '≥ 5× faster than tabs')];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
};

export default suite;
