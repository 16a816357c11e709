/**
 * The adapters, and choosing one for a page by fingerprint.
 */
import { toutiaoAdapter, wechatAdapter } from './articles.ts';
import { discuzAdapter } from './discuz.ts';
import { doubanAdapter } from './douban.ts';
import { discourseAdapter, flarumAdapter, nodebbAdapter, phpbbAdapter, phpwindAdapter, xenforoAdapter, zhihuAdapter } from './engines.ts';
import { genericAdapter } from './generic.ts';
import { govBoardAdapter } from './gov-board.ts';
import { homelandAdapter } from './homeland.ts';
import { newsAdapter } from './news.ts';
import { tiebaAdapter } from './tieba.ts';
import { weiboAdapter } from './weibo.ts';
import { zhidaoAdapter } from './zhidao.ts';
import { withPresenceIndex } from './dom.ts';
import type { SiteAdapter } from './types.ts';

/** Every adapter, generic last (it always answers with the lowest score). */
export const ADAPTERS: readonly SiteAdapter[] = [
  discuzAdapter,
  tiebaAdapter,
  weiboAdapter,
  zhidaoAdapter,
  doubanAdapter,
  homelandAdapter,
  govBoardAdapter,
  zhihuAdapter,
  toutiaoAdapter,
  wechatAdapter,
  flarumAdapter,
  discourseAdapter,
  phpbbAdapter,
  xenforoAdapter,
  nodebbAdapter,
  phpwindAdapter,
  newsAdapter,
  genericAdapter,
];

/** A fingerprint score no other adapter can beat (e.g. Discuz!'s own generator meta). */
export const CERTAIN_SCORE = 100;

/**
 * The adapter whose fingerprint scores highest (ties: earlier in `ADAPTERS`).
 * A certain answer stops the search: on a 1,000-floor thread the other
 * adapters' whole-document queries would cost more than the scan itself.
 */
export function chooseAdapter(doc: Document, url: URL | null): SiteAdapter {
  return withPresenceIndex(doc, () => {
    let best: SiteAdapter = genericAdapter;
    let bestScore = 0;
    for (const adapter of ADAPTERS) {
      const score = adapter.detect(doc, url);
      if (score > bestScore) {
        best = adapter;
        bestScore = score;
      }
      if (bestScore >= CERTAIN_SCORE) break;
    }
    return best;
  });
}
