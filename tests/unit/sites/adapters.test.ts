// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectSite, findPostElements, findPosts, findPostsIn } from '../../../lib/sites/index.ts';
import { GOLDEN_NOW, loadCorpusPage, loadSitePage, parseHtml } from './corpus-pages.ts';

describe('choosing the adapter by fingerprint, not by host', () => {
  it('recognises a Discuz! forum on any host, even without its generator meta', () => {
    const { doc } = loadCorpusPage('discuz-csolbbs-tid38672.html');
    const copy = parseHtml(doc.documentElement.outerHTML);
    copy.querySelector('meta[name="generator"]')?.remove();
    const url = 'https://bbs.xuancheng.example/thread-38672-1-1.html';
    expect(detectSite(copy, url).site).toBe('discuz');
    expect(findPosts(copy, url).map((p) => p.floor)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['a Tieba URL with a page that is not Tieba', 'https://tieba.baidu.com/p/1', '<p>404</p>', 'tieba'],
    ['an unknown page', 'https://example.test/a', '<article><h1>标题</h1><p>正文</p></article>', 'generic'],
  ])('%s', (_label, url, html, site) => {
    expect(detectSite(parseHtml(html), url).site).toBe(site);
  });
});

describe('relative times are resolved against the injected clock', () => {
  it.each([
    ['<span title="2024-5-21 11:01:32">6&nbsp;天前</span>', '2024-05-21T11:01:32+08:00'],
    ['3&nbsp;小时前', '2024-05-27T09:00:00+08:00'],
  ])('发表于 %s', (posted, iso) => {
    const doc = parseHtml(`<meta name="generator" content="Discuz! X3.4"><div id="postlist">
      <div id="post_9"><table id="pid9" class="plhin"><tr><td>
        <div id="favatar9"><div class="authi"><a class="xw1">网友</a></div></div>
        <a id="postnum9"><em>5</em><sup>#</sup></a><em id="authorposton9">发表于 ${posted}</em>
        <td class="t_f" id="postmessage_9">江北区停水</td></td></tr></table></div></div>`);
    const [post] = findPostElements(doc, 'https://bbs.example.test/thread-1-1-1.html', { now: GOLDEN_NOW });
    expect(post).toMatchObject({ postId: '9', floor: 5, author: '网友', publishedAt: iso });
  });
});

describe('government message boards read by their printed labels', () => {
  it('message, author, time, department, status and official reply', () => {
    const doc = loadSitePage('gov-board-labels.html', 'https://www.xuancheng.example/wlwz/88231.html');
    const url = 'https://www.xuancheng.example/wlwz/88231.html';
    expect(detectSite(doc, url)).toMatchObject({ site: 'gov-board', pageKind: 'thread', title: '宣州区某小区停水三天' });
    const [message] = findPostElements(doc, url, { now: GOLDEN_NOW });
    expect(message).toMatchObject({
      kind: 'message',
      postId: '88231',
      author: '王**',
      publishedAt: '2024-05-20T08:15:00+08:00',
      text: '宣州区某小区已经停水三天，物业说是市政管网问题。',
      board: {
        title: '宣州区某小区停水三天',
        department: '宣城市住房和城乡建设局',
        status: '已办结',
        officialReply: { text: '您好，经核实，管网已于5月21日修复。' },
      },
    });
  });
});

describe('scanning only newly added nodes', () => {
  it.each([
    ['a new post container', (doc: Document) => doc.getElementById('post_53937') as Element, ['53937']],
    ['a node inside a post (its post is returned)', (doc: Document) => doc.getElementById('postmessage_53885') as Element, ['53885']],
    ['a node with no post in it', (doc: Document) => doc.getElementById('thread_subject') as Element, []],
  ])('%s', (_label, pick, ids) => {
    const { doc, url } = loadCorpusPage('discuz-csolbbs-tid38672.html');
    expect(findPostsIn(pick(doc), doc, url).map((p) => p.postId)).toEqual(ids);
  });
});

describe('the generic fallback', () => {
  it('gives the article, and repeated comment-like blocks with times', () => {
    const comments = [1, 2, 3]
      .map((i) => `<li class="cmt">网友${i}：说得对，支持一下这个观点 2024-05-0${i} 10:00</li>`)
      .join('');
    const doc = parseHtml(`<article><h1>某地新闻</h1><p>${'正文内容。'.repeat(60)}</p></article><ul>${comments}</ul>`);
    const posts = findPostElements(doc, 'https://news.example.test/a/1.html', { now: GOLDEN_NOW });
    expect(posts.map((p) => p.kind)).toEqual(['article', 'comment', 'comment', 'comment']);
    expect(posts[1]?.publishedAt).toBe('2024-05-01T10:00:00+08:00');
  });
});
