// @vitest-environment jsdom
/**
 * The real saved pages of tests/fixtures/corpus, with the URL each was saved
 * from (SOURCES.md) and the clock the golden files were made with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Clock used for relative times in the golden files. */
export const GOLDEN_NOW = new Date('2024-05-27T12:00:00+08:00');

/** Page file → the URL it was saved from (an example.test URL where none was recorded). */
export const CORPUS_URLS: Record<string, string> = {
  'discuz-csolbbs-tid38672.html': 'https://csolbbs.tiancity.com/forum.php?mod=viewthread&tid=38672',
  'discuz-list-nsh-netease-forum.html': 'https://bbs.example.test/forum.php?mod=forumdisplay&fid=9',
  'douban-movie-comments-36151693.html': 'https://movie.douban.com/subject/36151693/comments?status=P',
  'gov-kepu-changsanjiao-1755244.html': 'http://www.kepu.gov.cn/politics/2023-12/01/content_1755244.html',
  'gov-shanxi-sichoulu.html': 'https://www.shanxi.gov.cn/ywdt/sxyw/201909/t20190918_example.shtml',
  'news-163-J22CN60P0514R9KQ.html': 'https://www.163.com/dy/article/J22CN60P0514R9KQ.html',
  'news-chinacomcn-huhehaote-117184963.html': 'http://news.china.com.cn/2024-05/13/content_117184963.shtml',
  'news-people-finance-40232587.html': 'http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html',
  'news-sina-qingdao-jibinchang.html': 'https://news.sina.com.cn/o/2024-05-16/doc-inavmmfi1968342.shtml',
  'rubychina-topic-43661.html': 'https://ruby-china.org/topics/43661',
  'tieba-list-rebang.html': 'https://tieba.baidu.com/f?kw=%E8%B4%B4%E5%90%A7%E7%83%AD%E8%AE%AE',
  'tieba-p8057560733.html': 'https://tieba.baidu.com/p/8057560733',
  'weibo-toutiao-Oe6wIynDn.html': 'https://weibo.com/1618051664/Oe6wIynDn',
  'zhidao-q1247295277789522099.html': 'https://zhidao.baidu.com/question/1247295277789522099.html',
};

const FIXTURES = join(import.meta.dirname, '../../fixtures');

const cache = new Map<string, { doc: Document; url: string }>();

/**
 * Loads a corpus page as a UTF-8 string into a jsdom document (scripts off).
 * Parsed once per test file: the adapters only read the DOM.
 */
export function loadCorpusPage(file: string): { doc: Document; url: string } {
  const cached = cache.get(file);
  if (cached) return cached;
  const url = CORPUS_URLS[file] ?? 'https://example.test/';
  const html = readFileSync(join(FIXTURES, 'corpus', file), 'utf8');
  const page = { doc: parseHtml(html), url };
  cache.set(file, page);
  return page;
}

/** Loads a page of tests/fixtures/sites. */
export function loadSitePage(file: string, url: string): Document {
  void url;
  return parseHtml(readFileSync(join(FIXTURES, 'sites', file), 'utf8'));
}

/** Parses HTML with the test environment's DOMParser (scripts never run in parsed documents). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Path of a golden file. */
export function goldenPath(file: string): string {
  return join(FIXTURES, 'sites', file.replace(/\.html$/, '.posts.json'));
}
