// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSite, findListedThreads, findPostElements, findPosts, locatePosts, toPostData } from '../../../lib/sites/index.ts';
import { CORPUS_URLS, GOLDEN_NOW, goldenPath, loadCorpusPage } from './corpus-pages.ts';

/**
 * What SOURCES.md says each real page shows: the site family, and the posts
 * (count, authors, floors). List pages show threads, not posts: they give
 * no posts, and their threads are listed separately.
 */
const EXPECTED: [file: string, site: string, authors: string[], floors?: (number | undefined)[]][] = [
  ['discuz-csolbbs-tid38672.html', 'discuz', ['前程往事', '横财天降', '縋原啊反', '故乡故事里的故人'], [1, 2, 3, 4]],
  // Floor 2 shows one 楼中楼 reply (张无极), an entry of its own without a floor.
  ['tieba-p8057560733.html', 'tieba', ['绫清逸', '逝者如斯不舍昼夜', '张无极', '逝者如斯不舍昼夜', 'Molkt', 'agrdcgy', '来着的'], [1, 2, undefined, 3, 6, 8, 9]],
  ['weibo-toutiao-Oe6wIynDn.html', 'weibo', ['头条新闻', 'Mickey-R']],
  ['zhidao-q1247295277789522099.html', 'zhidao', ['青灯教育笔记', '莫九牧', '不爽的爽朗菌', '宏盛宏盛99']],
  [
    'rubychina-topic-43661.html',
    'homeland',
    ['zzz6519003', 'gazeldx', 'msl12', 'gazeldx', 'lehf', 'Rei', 'gakki', 'huacnlee', 'AsuraA', 'yxmmrwx', 'Catherine'],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ],
  ['news-people-finance-40232587.html', 'news', ['人民网－人民日报']],
  // The saved Sina page shows its hot and latest comment lists (two replies in a dialog under Damowang是也).
  [
    'news-sina-qingdao-jibinchang.html',
    'news',
    ['新京报', '梦幻西游的传说', '用户xdnwdpp4mm', '花旗Frog不花', 'Damowang是也', '雪山人狼', 'Laiba00791', 'wxbt为雪白头', 'hbltzhq', '用户7904505515'],
  ],
  ['news-163-J22CN60P0514R9KQ.html', 'news', ['北青网-北京青年报']],
  ['news-chinacomcn-huhehaote-117184963.html', 'news', ['中国网']],
  ['gov-kepu-changsanjiao-1755244.html', 'news', ['新华社']],
  ['gov-shanxi-sichoulu.html', 'news', ['山西日报']],
  ['discuz-list-nsh-netease-forum.html', 'discuz', []],
  ['tieba-list-rebang.html', 'tieba', []],
];

describe('on every real page the adapter finds exactly the posts SOURCES.md lists', () => {
  it.each(EXPECTED)('%s (%s)', (file, site, authors, floors) => {
    const { doc, url } = loadCorpusPage(file);
    expect(detectSite(doc, url).site).toBe(site);
    const posts = findPostElements(doc, url, { now: GOLDEN_NOW });
    expect(posts.map((p) => p.author)).toEqual(authors);
    if (floors) expect(posts.map((p) => p.floor)).toEqual(floors);
    for (const post of posts) {
      expect(post.text.length).toBeGreaterThan(0);
      expect(post.element.contains(post.bodyElement)).toBe(true);
    }
  });

  it('the Douban comment list gives its 20 comments', () => {
    const { doc, url } = loadCorpusPage('douban-movie-comments-36151693.html');
    const posts = findPosts(doc, url);
    expect(posts).toHaveLength(20);
    expect(posts[0]).toMatchObject({ site: 'douban', author: '小倪儿呼啦呼啦', publishedAt: '2024-04-07T13:19:20+08:00' });
  });
});

describe('every field of every post matches its golden file', () => {
  it.each(Object.keys(CORPUS_URLS))('%s', (file) => {
    const { doc, url } = loadCorpusPage(file);
    const golden = JSON.parse(readFileSync(goldenPath(file), 'utf8')) as { page: unknown; posts: unknown; threads?: unknown };
    expect(detectSite(doc, url)).toEqual(golden.page);
    expect(findPostElements(doc, url, { now: GOLDEN_NOW }).map(toPostData)).toEqual(golden.posts);
    const threads = findListedThreads(doc, url, { now: GOLDEN_NOW }).map(({ element: _e, titleElement: _t, ...rest }) => rest);
    expect(threads).toEqual(golden.threads ?? []);
  });
});

describe('list pages list threads, not posts', () => {
  it.each([
    ['discuz-list-nsh-netease-forum.html', 42, { threadId: '187479', title: '逆水寒官方&玩家信息沟通渠道公告', replies: 814, views: 109593 }],
    ['tieba-list-rebang.html', 50, { threadId: '6401593389', author: '烟给我烟', replies: 143 }],
  ])('%s: no posts, %i threads', (file, count, sample) => {
    const { doc, url } = loadCorpusPage(file);
    expect(detectSite(doc, url).pageKind).toBe('list');
    expect(findPosts(doc, url)).toEqual([]);
    const threads = findListedThreads(doc, url, { now: GOLDEN_NOW });
    expect(threads).toHaveLength(count);
    expect(threads).toContainEqual(expect.objectContaining(sample));
  });
});

describe('nested replies', () => {
  it('a Tieba 楼中楼 reply is an entry with the floor as its parent', () => {
    const { doc, url } = loadCorpusPage('tieba-p8057560733.html');
    expect(findPosts(doc, url).find((p) => p.postId === '147046379253')).toEqual({
      site: 'tieba',
      postId: '147046379253',
      parentId: '146215805931',
      author: '张无极',
      publishedAt: '2023-03-08T13:30:00+08:00',
      text: '其实就是生活中消费不和别人攀比，都自己买便宜的，低消费，不去高消费，这就叫佛系',
    });
  });
});

describe('thread-level fields', () => {
  it.each([
    ['discuz-csolbbs-tid38672.html', { floor: 1, views: 3481, replies: 3, publishedAt: '2024-04-05T23:20:45+08:00', postId: '53876' }],
    ['tieba-p8057560733.html', { floor: 1, replies: 6, postId: '145688898555', publishedAt: '2022-10-02T23:02:00+08:00' }],
    ['weibo-toutiao-Oe6wIynDn.html', { postId: 'Oe6wIynDn', replies: 15, publishedAt: '2024-05-13T17:07:00+08:00' }],
    ['rubychina-topic-43661.html', { postId: 'topic-43661', views: 1350, replies: 10 }],
    ['news-sina-qingdao-jibinchang.html', { replies: 3930, postId: 'doc-inavmmfi1968342' }],
    ['news-163-J22CN60P0514R9KQ.html', { replies: 59625, publishedAt: '2024-05-13T09:16:04+08:00' }],
  ])('the first post of %s', (file, fields) => {
    const { doc, url } = loadCorpusPage(file);
    expect(findPosts(doc, url)[0]).toMatchObject(fields);
  });

  it.each([
    ['discuz-csolbbs-tid38672.html', 'https://csolbbs.tiancity.com/forum.php?mod=viewthread&tid=38672'],
    ['tieba-p8057560733.html', 'https://tieba.baidu.com/p/8057560733'],
    ['news-chinacomcn-huhehaote-117184963.html', undefined],
  ])('canonical URL of %s (a site-root og:url is ignored)', (file, canonical) => {
    const { doc, url } = loadCorpusPage(file);
    expect(detectSite(doc, url).canonicalUrl).toBe(canonical);
  });
});

describe('locating posts for flagging on real pages', () => {
  it.each(Object.keys(CORPUS_URLS))('%s: the cheap locate finds the same posts and bodies as the full reading', (file) => {
    const { doc, url } = loadCorpusPage(file);
    const full = findPostElements(doc, url, { now: GOLDEN_NOW }).map((p) => [p.postId, p.bodyElement]);
    expect(locatePosts(doc, url, { now: GOLDEN_NOW }).map((r) => [r.postId, r.bodyElement])).toEqual(full);
  });
});
