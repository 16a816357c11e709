// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPosts } from '../../../lib/sites/index.ts';
import { parseHtml } from './corpus-pages.ts';

/**
 * The reported failures of corpus/reported (copied into tests/fixtures/reported):
 * each page with the posts a person counts on it.
 */
const DIR = join(import.meta.dirname, '../../fixtures/reported');

interface Expected {
  url: string;
  posts?: Record<string, unknown>[];
  count?: number;
  prefixOnly?: boolean;
  skipFirst?: boolean;
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected] as const);

describe('every reported page gives the posts a person counts', () => {
  it.each(cases)('%s', (file, expected) => {
    const doc = parseHtml(readFileSync(join(DIR, file), 'utf8'));
    const posts = findPosts(doc, expected.url);
    if (expected.count !== undefined) expect(posts).toHaveLength(expected.count);
    if (!expected.posts) return;
    const got = expected.skipFirst ? posts.slice(1) : posts;
    if (!expected.prefixOnly) expect(got).toHaveLength(expected.posts.length);
    expected.posts.forEach((want, i) => expect(got[i]).toMatchObject(want));
  });
});
