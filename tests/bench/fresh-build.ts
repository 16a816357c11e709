/**
 * The built extension the browser benches measure, rebuilt when any source
 * is newer than it: a bench over a stale `.output/` would time last week's
 * code and print it as today's figure, silently. `npm test` builds before
 * the benches can run, so in CI this only checks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** The build's output, relative to the repository root. */
export const BUILD_OUTPUT = '.output/chrome-mv3';
/** What goes into the build (wxt.config.ts's inputs). */
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package-lock.json'];

/** Newest modification time (epoch ms) of a file or of any file under a folder. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Builds the extension (`wxt build`) when there is no build or a source is newer than it; the build log goes to stderr. */
export function ensureFreshBuild(): void {
  const manifest = resolve(ROOT, BUILD_OUTPUT, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : -Infinity;
  const stale = SOURCES.map((source) => resolve(ROOT, source)).some((source) => existsSync(source) && newestMtime(source) > built);
  if (!stale) return;
  process.stderr.write(`  ${Number.isFinite(built) ? 'sources newer than the build' : 'no build found'}: running wxt build…\n`);
  // Build output goes to stderr so that stdout keeps only the table.
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}
