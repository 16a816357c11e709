// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match/index.ts';
import { detectSite, findPostElements, locatePosts, toPostData, type PostData } from '../../../lib/sites/index.ts';
import { parseHtml } from './corpus-pages.ts';

/**
 * Pages of engines and platforms, written from each engine's own template
 * (tests/fixtures/engines, sources in each file's comment and in
 * lib/sites/engines.ts), with the posts a person counts on them, read off the
 * page by hand: site, ids, floors, authors, times, text.
 */
const DIR = join(import.meta.dirname, '../../fixtures/engines');

function load(file: string): Document {
  return parseHtml(readFileSync(join(DIR, file), 'utf8'));
}

function posts(file: string, url: string, now = new Date('2024-08-30T12:00:00+08:00')): PostData[] {
  return findPostElements(load(file), url, { now }).map(toPostData);
}

describe('forum engines give exactly the posts of the thread, authors and times included', () => {
  it('Flarum (server-rendered discussion): three posts, names, bodies; no times printed, none invented', () => {
    const got = posts('flarum-discussion.html', 'https://bbs.lanjiang.example/d/12-baisha');
    expect(got.map((p) => [p.site, p.author, p.text, p.publishedAt])).toEqual([
      ['flarum', '居民甲', '白沙镇从周一开始停水，到现在还没有恢复。 有没有人知道什么时候来水？', undefined],
      ['flarum', '居民乙', '水厂在换管道，听说要到周五。', undefined],
      ['flarum', '[已注销]', '同问。', undefined],
    ]);
    expect(new Set(got.map((p) => p.postId)).size).toBe(3);
  });

  it('Discourse (crawler view)', () => {
    expect(posts('discourse-crawler.html', 'https://bbs.lanjiang.example/t/topic/42')).toEqual([
      { site: 'discourse', postId: '1', floor: 1, author: 'resident_a', publishedAt: '2024-05-10T22:05:00+08:00', text: '云溪县河口镇的工地每天晚上十一点以后还在打桩，孩子睡不着。' },
      { site: 'discourse', postId: '2', floor: 2, author: 'resident_b', publishedAt: '2024-05-11T09:30:00+08:00', text: '可以打 12345 投诉，上次我们小区就是这样解决的。' },
    ]);
  });

  it('phpBB 3 prosilver: the signature is not post text', () => {
    expect(posts('phpbb-viewtopic.html', 'https://bbs.lanjiang.example/viewtopic.php?f=2&t=7')).toEqual([
      { site: 'phpbb', postId: '31', author: '村民甲', publishedAt: '2024-05-08T07:40:00+08:00', text: '青石乡养殖场的污水直接排进河里，整条河都是臭的。' },
      { site: 'phpbb', postId: '35', author: '版主乙', publishedAt: '2024-05-08T09:02:00+08:00', text: '已转给环保部门，请留意后续通报。' },
    ]);
  });

  it('XenForo 2: the datetime attribute beats the printed "昨天 08:01"', () => {
    expect(posts('xenforo-thread.html', 'https://bbs.lanjiang.example/threads/12/')).toEqual([
      { site: 'xenforo', postId: '9001', floor: 1, author: '夜猫子', publishedAt: '2024-05-12T23:15:00+08:00', text: '江南区桃源街道的夜市每天闹到凌晨两点。' },
      { site: 'xenforo', postId: '9004', floor: 2, author: '路人丙', publishedAt: '2024-05-13T08:01:00+08:00', text: '每天闹到凌晨两点。我住对面，确实吵。' },
    ]);
  });

  it('NodeBB (Harmony)', () => {
    expect(posts('nodebb-topic.html', 'https://bbs.lanjiang.example/topic/5/')).toEqual([
      { site: 'nodebb', postId: '51', floor: 1, author: '通勤族', publishedAt: '2024-05-10T09:00:00+08:00', text: '8 路不走江北区了，白沙镇的人去市区要多换一趟车。' },
      { site: 'nodebb', postId: '58', floor: 2, author: '老司机', publishedAt: '2024-05-10T10:00:00+08:00', text: '可以去交通局反映一下。' },
    ]);
  });

  it('PHPWind 9: 来自… is a location field; the signature is not post text', () => {
    expect(posts('phpwind-read.html', 'http://bbs.lanjiang.example/read.php?tid=88')).toEqual([
      { site: 'phpwind', postId: '0', floor: 1, author: '买菜大妈', publishedAt: '2024-05-09T06:30:00+08:00', location: '澜江市', text: '河口镇菜市场的青菜一周涨了一倍，有没有人管？' },
      { site: 'phpwind', postId: '1187', floor: 2, author: '街坊', publishedAt: '2024-05-09T07:02:00+08:00', text: '市场监管局应该来查一查。' },
    ]);
  });
});

describe('platforms', () => {
  it('WeChat: the body hidden until the page script runs is read, the time from the inline script', () => {
    expect(posts('wechat-article.html', 'https://mp.weixin.qq.com/s/AbC123xyz')).toEqual([
      { site: 'wechat', postId: 'AbC123xyz', author: '澜江发布', publishedAt: '2024-05-19T09:00:00+08:00', text: '因管网改造，江北区白沙镇5月20日8时至20时停水。请居民提前储水。' },
    ]);
  });

  it('Douban group topic (saved page): the topic, then each reply; a quoted date and the words after a name are not read as time or author', () => {
    expect(posts('douban-group-topic.html', 'https://www.douban.com/group/topic/4002607/')).toEqual([
      {
        site: 'douban',
        postId: '4002607',
        author: 'DL',
        publishedAt: '2008-08-21T20:28:41+08:00',
        text: '偶尔的发现，感谢原作者！ 1 People(人物） http://people.aol.com/people/index.html 娱乐 全球五十位最XX的人 原作者：打湿的双翼 来自：blogbus',
      },
      { site: 'douban', postId: '31123215', author: '*王秋秋Mia', publishedAt: '2008-08-21T20:29:12+08:00', text: '推荐保存了' },
      { site: 'douban', postId: '31123516', author: '钟辉', publishedAt: '2008-08-21T20:32:08+08:00', text: '很好的帖子 但要等我英语过了4级才用到的上' },
      {
        site: 'douban',
        postId: '31127324',
        author: 'DL',
        publishedAt: '2008-08-21T21:08:16+08:00',
        text: '2008-08-21 20:33:46 ITALO (苏州) 虽然很好 可是不会一个一个点的 ==================== 那就挑着点呗~~',
      },
      { site: 'douban', postId: '31163122', author: '双城糖果', publishedAt: '2008-08-22T08:34:35+08:00', text: '真强！~~~~服了' },
      { site: 'douban', postId: '31163648', author: '兔二肉包', publishedAt: '2008-08-22T08:48:58+08:00', text: '收' },
    ]);
  });

  it('Douban group topic (today\'s template): the 楼主 post and each reply; IP属地 and likes are fields, a quoted reply is the parent, 楼主 is not the name', () => {
    expect(posts('douban-group-topic-ip.html', 'https://www.douban.com/group/topic/300000001/')).toEqual([
      {
        site: 'douban',
        postId: '300000001',
        author: '白沙居民',
        publishedAt: '2024-05-18T08:41:07+08:00',
        location: '辽宁',
        text: '白沙镇从周四开始停水，物业只说是管网检修。 家里有老人，想问问有没有送水点。',
      },
      { site: 'douban', postId: '4100000001', author: '江北小王', publishedAt: '2024-05-18T09:02:13+08:00', location: '辽宁', likes: 12, text: '镇政府门口有送水车，下午两点到五点。' },
      { site: 'douban', postId: '4100000002', author: '白沙居民', publishedAt: '2024-05-18T09:15:40+08:00', location: '辽宁', parentId: '4100000001', text: '谢谢，我去看看。' },
      { site: 'douban', postId: '4100000003', author: '路过的', publishedAt: '2024-05-18T10:30:02+08:00', location: '广东', likes: 3, text: '我们小区昨晚已经来水了。' },
    ]);
  });

  it('Douban note (日记): the note with its author and time, then each comment; a comment quoting another has it as parent', () => {
    const doc = load('douban-note.html');
    expect(detectSite(doc, 'https://www.douban.com/note/700000001/')).toMatchObject({ site: 'douban', title: '江北区旧改回迁的一点记录' });
    expect(posts('douban-note.html', 'https://www.douban.com/note/700000001/')).toEqual([
      { site: 'douban', postId: '700000001', author: '江北老住户', publishedAt: '2024-06-02T21:14:55+08:00', text: '回迁房说好六月交付，到现在楼还没封顶。 街道办说下周开说明会。' },
      { site: 'douban', postId: '8800000001', author: '小区邻居', publishedAt: '2024-06-03T08:20:11+08:00', text: '同一个小区的，我们也在等。' },
      { site: 'douban', postId: '8800000002', author: '江北老住户', publishedAt: '2024-06-03T09:02:47+08:00', parentId: '8800000001', text: '说明会见。' },
    ]);
  });

  it('a Douban place label is never matched as post text: a reply from 辽宁 is not flagged for 辽宁', () => {
    const matcher = compileWatchlist([{ term: '辽宁', kind: 'region' }]);
    const flagged = findPostElements(load('douban-group-topic-ip.html'), 'https://www.douban.com/group/topic/300000001/')
      .filter((p) => matcher.scan(p.bodyElement.textContent ?? '').length > 0);
    expect(flagged).toEqual([]);
  });

  it('a news page whose first .time is a comment\'s: the article keeps its own date (R02 kind), the comments are entries', () => {
    const got = posts('news-comment-time-first.html', 'https://news.lanjiang.example/2024/0601/a1.html');
    expect(got[0]).toMatchObject({ site: 'news', postId: 'a1', publishedAt: '2024-06-01T16:40:00+08:00' });
    expect(got.slice(1).map((p) => [p.author, p.publishedAt, p.text])).toEqual([
      ['网友丁', '2024-06-02T08:00:00+08:00', '早该管了'],
      ['网友戊', '2024-06-02T09:15:00+08:00', '希望执法跟上。'],
    ]);
  });
});

describe('the generic detector on engines it has never seen', () => {
  it('a Q&A site: the question, then one entry per answer with author, time and votes (R01 kind)', () => {
    const got = posts('generic-qa-site.html', 'https://wenwen.example/q/555');
    expect(got).toEqual([
      { site: 'generic', postId: '/q/555', text: '听说教学楼在加固，家长都在等通知。' },
      { site: 'generic', postId: '77001', author: '张老师', publishedAt: '2024-08-28T19:20:00+08:00', likes: 12, text: '学校通知推迟到9月9日开学。具体看教育局公告。' },
      { site: 'generic', postId: '77005', author: '家长李', publishedAt: '2024-08-29T21:03:00+08:00', likes: 3, text: '我们班群里也是这么说的。' },
    ]);
  });

  it('nested replies are entries with a parent; name, time, IP label and likes are fields, not text (R07 kind)', () => {
    const got = posts('generic-nested-replies.html', 'https://video.example/v/1');
    expect(got[0]).toMatchObject({ postId: '/v/1', text: '航拍江北区的夜景，全程四分钟，拍摄于五月的一个晴朗夜晚。' });
    const comments = got.slice(1);
    expect(comments.map(({ postId: _id, parentId: _parent, site: _site, ...rest }) => rest)).toEqual([
      { author: '航拍爱好者', publishedAt: '2024-05-14T20:11:00+08:00', location: '澜江市', likes: 12, text: '拍得真好，桥上的灯都看得清。' },
      { author: '路人甲', publishedAt: '2024-05-14T21:02:00+08:00', location: '辽宁', likes: 2, text: '同感，求拍摄地点。' },
      { author: '航拍爱好者', publishedAt: '2024-05-14T21:30:00+08:00', location: '澜江市', text: '在滨江公园的观景台。' },
      { author: '夜跑者', publishedAt: '2024-05-15T07:45:00+08:00', location: '河南', likes: 1, text: '背景音乐叫什么？' },
    ]);
    expect(comments.map((p) => p.parentId)).toEqual([undefined, comments[0]?.postId, comments[0]?.postId, undefined]);
  });

  it('a comment whose IP label names the watched city is not flagged: the label is never scanned', () => {
    const doc = load('generic-nested-replies.html');
    const watch = compileWatchlist(DEMO_WATCHLIST);
    const refs = locatePosts(doc, 'https://video.example/v/1');
    expect(refs).toHaveLength(5);
    for (const ref of refs) expect(watch.scan(ref.bodyElement.textContent ?? '').map((m) => m.term)).not.toContain('澜江市');
  });

  it('photo lists and recommendation lists are not comments; breadcrumbs are not article text (R03 kind)', () => {
    const got = posts('generic-photo-lists.html', 'http://politics.example/2024-06/03/c_1.htm');
    expect(got).toEqual([
      {
        site: 'generic',
        postId: '/2024-06/03/c_1.htm',
        publishedAt: '2024-06-03T10:12:00+08:00',
        text: '6月3日，澜江市在江北区滨江公园举行防汛应急演练，消防、水利、卫健等部门参加。演练模拟了强降雨导致城区内涝的情形，检验了各部门的协同处置能力，市民在现场观摩。',
      },
    ]);
  });
});

describe('each page is claimed by its engine', () => {
  it.each([
    ['flarum-discussion.html', 'flarum'],
    ['discourse-crawler.html', 'discourse'],
    ['phpbb-viewtopic.html', 'phpbb'],
    ['xenforo-thread.html', 'xenforo'],
    ['nodebb-topic.html', 'nodebb'],
    ['phpwind-read.html', 'phpwind'],
    ['wechat-article.html', 'wechat'],
    ['douban-group-topic.html', 'douban'],
    ['douban-group-topic-ip.html', 'douban'],
    ['douban-note.html', 'douban'],
    ['generic-qa-site.html', 'generic'],
  ])('%s → %s', (file, site) => {
    expect(detectSite(load(file), 'https://example.test/x').site).toBe(site);
  });
});
