/**
 * The always-on content script runs on every page, so its import graph must
 * not reach OpenCC's tables, zod or the message catalogues: they come from
 * the background instead (`getContentConfig`). A barrel import slipping back
 * in would triple the bundle; this catches it without building
 * (tests/bench/bundle.bench.ts measures the built size).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Value imports (type-only ones vanish from the bundle) of a source file: relative paths resolved, packages as named. */
function valueImports(file: string): { files: string[]; packages: string[] } {
  const source = readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const [, typeOnly, spec] of source.matchAll(statement)) {
    if (typeOnly || spec === undefined) continue;
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    if (!found) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
    files.push(found);
  }
  return { files, packages };
}

/** Every file and package the content script loads at run time. */
function contentScriptGraph(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, 'entrypoints/content/index.ts')];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const next = valueImports(file);
    next.packages.forEach((p) => packages.add(p));
    queue.push(...next.files);
  }
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

describe('the content script imports', () => {
  const graph = contentScriptGraph();

  it('reach the matcher, site adapters and messaging it needs', () => {
    expect(graph.files).toContain('lib/content/start.ts');
    expect(graph.files).toContain('lib/match/compile.ts');
    expect(graph.files).toContain('lib/match/fold-table.ts');
    expect(graph.files).toContain('lib/messaging/protocol.ts');
  });

  it('never reach OpenCC, zod, the catalogues or a barrel that loads them', () => {
    const heavy = [...graph.files].filter((f) =>
      ['lib/match/index.ts', 'lib/match/fold.ts', 'lib/match/schema.ts', 'lib/i18n/index.ts', 'lib/messaging/schemas.ts'].includes(f) ||
      f.endsWith('messages.json'),
    );
    expect(heavy).toEqual([]);
    expect([...graph.packages].filter((p) => p === 'zod' || p.startsWith('opencc-js'))).toEqual([]);
  });
});
