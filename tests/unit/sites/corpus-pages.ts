/**
 * The real saved pages of tests/fixtures/corpus, with the URL each was saved
 * from (SOURCES.md) and the clock the golden files were made with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

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

/** Loads a corpus page as a UTF-8 string into a fresh jsdom document (scripts off). */
export function loadCorpusPage(file: string): { doc: Document; url: string } {
  const url = CORPUS_URLS[file] ?? 'https://example.test/';
  const html = readFileSync(join(FIXTURES, 'corpus', file), 'utf8');
  return { doc: new JSDOM(html, { url }).window.document, url };
}

/** Loads a page of tests/fixtures/sites. */
export function loadSitePage(file: string, url: string): Document {
  return new JSDOM(readFileSync(join(FIXTURES, 'sites', file), 'utf8'), { url }).window.document;
}

/** Path of a golden file. */
export function goldenPath(file: string): string {
  return join(FIXTURES, 'sites', file.replace(/\.html$/, '.posts.json'));
}
