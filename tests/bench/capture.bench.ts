/**
 * Capture of one post, screenshot excluded: the capture script's extraction
 * (site adapter + DOMPurify) on the demo forum thread under jsdom, then the
 * background's digest and the one-transaction store (fake-indexeddb).
 * Baseline: the same capture taking the text from Readability over the whole
 * page, the generic approach of web clippers.
 */
import { JSDOM } from 'jsdom';
import { AppDB } from '../../lib/db/app-db';
import { recordCapture } from '../../lib/db/repos/record-capture';
import { extractArticle } from '../../lib/extract/article';
import { caseIdOf } from '../../lib/extract/digest';
import { contentDigestOf, postContentOf } from '../../lib/evidence/record';
import { extractCapture } from '../../lib/extract/extract-capture';
import { DEMO_PATHS, resolveRoute } from '../demo-site/routes';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected';
import { compared, medianMs, type Figure } from './harness';

const URL_1001 = `http://127.0.0.1:4173${DEMO_PATHS.forumThread}`;

export default async function captureSuite(): Promise<Figure[]> {
  const dom = new JSDOM(resolveRoute(new URL(URL_1001)).body, { url: URL_1001 });
  const win = dom.window as unknown as Window & typeof globalThis;
  const db = new AppDB(`bench-capture-${Date.now()}`);
  let n = 0;

  const store = async (text: string, html: string, canonicalUrl: string, postId: string) => {
    const caseId = await caseIdOf(canonicalUrl, `${postId}-${n}`);
    const digest = contentDigestOf(postContentOf({ canonicalUrl, site: 'discuz', postId, title: 't', text, html }));
    const at = Date.UTC(2026, 10, 23, 2, 0) + n;
    n++;
    const result = await recordCapture(
      db,
      {
        event: {
          id: `bench-${n}`,
          caseId,
          at,
          actor: { officer: '基准', department: '基准' },
          type: 'captured',
          payload: { url: URL_1001, canonicalUrl, site: 'discuz', postId, title: 't', excerpt: text.slice(0, 2000), matchedTerms: [], digest },
        },
        content: { caseId, html, text, digest, url: URL_1001, capturedAt: at },
      },
      { now: () => at },
    );
    if (!result.ok) throw new Error(result.error.message);
  };

  const ours = await medianMs(
    async () => {
      const extracted = extractCapture(win, { mode: 'post', postId: String(FORUM_FLAGGED_PIDS[2]) }, new Date());
      if (!extracted.ok) throw new Error(extracted.error.message);
      const { post, page } = extracted.data;
      await store(post.text, post.html, page.canonicalUrl ?? page.url, post.postId);
    },
    { runs: 21, warmup: 3 },
  );
  const readability = await medianMs(
    async () => {
      const article = extractArticle(win.document);
      await store(article?.text ?? '', article?.html ?? '', URL_1001, 'page');
    },
    { runs: 21, warmup: 3 },
  );
  db.close();
  return [compared('capture.one-post', 'ms', ours, 'Readability over the whole page', readability, '≤ 50 ms')];
}
