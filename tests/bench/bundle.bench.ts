/**
 * Gzip size of the always-on content script, which every page the officer
 * opens loads and parses. Reads the built file rather than building, so the
 * figure is the size of what `npm test` and `npm run demo` ship (CI builds
 * before benchmarking); it runs `wxt build` only when there is no build or
 * a source is newer (fresh-build.ts).
 * kB are 1,000 bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type BenchSuite } from './harness.ts';
import { ensureFreshBuild } from './fresh-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT_SCRIPT = resolve(ROOT, '.output/chrome-mv3/content-scripts/content.js');

const suite: BenchSuite = async () => {
  ensureFreshBuild();
  // Node's zlib at its best level: within 1% of `gzip -c content.js | wc -c`, without needing gzip installed.
  const gzipBytes = gzipSync(readFileSync(CONTENT_SCRIPT), { level: 9 }).length;
  return [figure('bundle.content-script.gzip', 'kB', gzipBytes / 1000, '≤ 30 kB')];
};

export default suite;
