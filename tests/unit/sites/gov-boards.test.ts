// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../../lib/match/index.ts';
import { detectSite, findListedThreads, findPostElements, findPostsIn, toPostData } from '../../../lib/sites/index.ts';
import { parseHtml } from './corpus-pages.ts';

/**
 * Government message boards (领导留言板, 政民互动): the citizen's message and the
 * department's official reply are separate entries — the reply signed by the
 * replying unit, with the message as its parent — and the board's fields
 * (addressee, status, type) are fields, never post text. Expected values are
 * read off each page by hand (tests/fixtures/gov, sources in each file).
 */
const DIR = join(import.meta.dirname, '../../fixtures/gov');
const NOW = new Date('2024-08-30T12:00:00+08:00');

function load(file: string): Document {
  return parseHtml(readFileSync(join(DIR, file), 'utf8'));
}

describe('人民网领导留言板 (saved 2020 thread): message, the department\'s reply, the writer\'s evaluation', () => {
  const url = 'http://liuyan.people.com.cn/threads/content?tid=6835141';

  it('is a message-board thread with the message\'s title', () => {
    expect(detectSite(load('liuyan-people-tid-6835141.html'), url)).toMatchObject({
      site: 'gov-board',
      pageKind: 'thread',
      title: '全民健身发展不平衡，打造好15分钟健身圈',
    });
  });

  it('three entries: the message (masked writer, 留言时间), the reply (signed by the leader\'s office, 回复时间, parent: the message), the evaluation', () => {
    const found = findPostElements(load('liuyan-people-tid-6835141.html'), url, { now: NOW });
    expect(found.map(toPostData)).toEqual([
      {
        site: 'gov-board',
        postId: '6835141',
        author: 'A***',
        publishedAt: '2020-01-15T10:11:00+08:00',
        text: '全民健身打造15分钟，健身权非常好，受欢迎可是很多地方都没有达到，特别是东北地区，冬季寒冷，很不方便，很多场所对外开放有限，特别是哈尔滨市，作为省会市15分健身圈市民基本都不知道，没有见到一个地方有十五分钟健身圈儿的标识，只是民间的自发的健身活动，体育部门很少组织。麻烦局长了，请国家督促各地，特别是东北及哈尔滨市，认真落实好全民健身，尤其是冬季的健身活动，健身场所的开放。盼望局长为我们解决烦心事，增强体质谢谢',
      },
      {
        site: 'gov-board',
        postId: '6835141-reply',
        author: '国家体育总局局长苟仲文',
        publishedAt: '2020-08-06T08:33:00+08:00',
        parentId: '6835141',
        text: '近年来，体育总局积极会同有关部门支持地方构建“15分钟健身圈”（指在城市社区，居民从居住地步行不超过15分钟范围内，有可供开展健步走、广场舞、球类运动等群众性健身活动的场地设施）。2006年以来，体育总局会同有关部门每年利用中央资金支持地方建设全民健身场地设施，其中全民健身路径工程和农民体育健身工程等项目所配置的健身场地设施免费供群众使用。 目前，各地在“15分钟健身圈”建设等方面还存在发展不平衡、服务水平不高等问题。我们将结合你的建议，统筹考虑区域差异、季节差异等问题，同时进一步加强对场馆开放工作的监督指导，推动东北地区体育部门加大组织健身赛事和活动，不断改进工作，推动各地进一步提升全民健身公共服务水平，更好地满足群众对健身场地设施和参与群众体育活动的需求。 感谢网民朋友们对体育事业的关心和支持。',
      },
      { site: 'gov-board', postId: '6835141-evaluation', publishedAt: '2020-08-07T23:18:00+08:00', parentId: '6835141-reply', text: '好评!' },
    ]);
    expect(found.map((p) => p.kind)).toEqual(['message', 'answer', 'comment']);
    expect(found[0]?.board).toEqual({
      title: '全民健身发展不平衡，打造好15分钟健身圈',
      department: '国家体育总局局长、党组书记苟仲文',
      status: '已办理',
      category: '建言',
      satisfaction: '很满意',
    });
  });

  it('the status, type, byline and the reply\'s 回复时间 line are not in any entry\'s body', () => {
    const found = findPostElements(load('liuyan-people-tid-6835141.html'), url, { now: NOW });
    const bodies = found.map((p) => p.bodyElement.textContent ?? '').join('\n');
    for (const chrome of ['已办理', '建言', 'A***', '回复时间', '评价时间', '很满意']) expect(bodies).not.toContain(chrome);
  });
});

describe('人民网领导留言板: a message still 待回复 (saved 2021 thread)', () => {
  it('one entry, no reply invented; status 待回复', () => {
    const url = 'http://liuyan.people.com.cn/threads/content?tid=9233844';
    const found = findPostElements(load('liuyan-people-tid-9233844.html'), url, { now: NOW });
    expect(found.map(toPostData)).toEqual([
      {
        site: 'gov-board',
        postId: '9233844',
        author: 'b***',
        publishedAt: '2021-02-18T00:23:00+08:00',
        text: '现阶段，机动车交易过程手续过于繁琐，异地过户更是困难重重，导致老百姓自行办理很困难，人为降低了消费积极性，建议在现阶段电子档案，电子查验已经全面推行的基础上，全面开放机动车交易，简化交易手续，尽快开放机动车异地过户交易，争取让老百姓跑一趟就能办理完所有手续。',
      },
    ]);
    expect(found[0]?.board).toMatchObject({ title: '简化机动车交易过程手续', status: '待回复', category: '建言' });
  });
});

describe('人民网领导留言板, today\'s script-rendered template', () => {
  const url = 'https://liuyan.people.com.cn/threads/content?tid=17650001';

  it('the message (留言时间, no name printed), the unit\'s reply with its time, the evaluation', () => {
    const doc = load('liuyan-people-2023.html');
    expect(detectSite(doc, url)).toMatchObject({ site: 'gov-board', pageKind: 'thread', title: '白沙镇自来水三天两头停，什么时候能彻底解决' });
    const found = findPostElements(doc, url, { now: NOW });
    expect(found.map(toPostData)).toEqual([
      { site: 'gov-board', postId: '17650001', publishedAt: '2023-03-02T14:21:00+08:00', text: '江北区白沙镇今年已经停水六次，每次都没有提前通知，家里老人做饭都成问题，希望领导关注。' },
      {
        site: 'gov-board',
        postId: '17650001-reply',
        author: '澜江市住房和城乡建设局',
        publishedAt: '2023-03-10T09:30:00+08:00',
        parentId: '17650001',
        text: '网友您好！经核实，白沙镇停水系老旧管网改造所致，改造将于4月底完工，此后停水将提前24小时公告。',
      },
      { site: 'gov-board', postId: '17650001-evaluation', parentId: '17650001-reply', text: '希望说到做到。' },
    ]);
    expect(found[0]?.board).toEqual({ title: '白沙镇自来水三天两头停，什么时候能彻底解决', department: '澜江市委书记', status: '已办理', category: '投诉', satisfaction: '满意' });
  });

  it('a reply block the page adds after the message (the MutationObserver path) gives the reply, with the message as parent', () => {
    const doc = load('liuyan-people-2023.html');
    const block = doc.getElementById('mainContainerDetail1');
    if (!block) throw new Error('fixture has no reply block');
    expect(findPostsIn(block, doc, url, { now: NOW }).map((p) => [p.postId, p.parentId])).toEqual([
      ['17650001-reply', '17650001'],
      ['17650001-evaluation', '17650001-reply'],
    ]);
  });

  it('the addressee 澜江市委书记 and the replying unit\'s name never flag an entry for 澜江市', () => {
    const matcher = compileWatchlist([{ term: '澜江市', kind: 'region' }]);
    const found = findPostElements(load('liuyan-people-2023.html'), url, { now: NOW });
    expect(found.filter((p) => matcher.scan(p.bodyElement.textContent ?? '').length > 0)).toEqual([]);
  });
});

describe('boards read by their printed labels', () => {
  it('an EWCMS 民声通道 letter (<strong> labels): the letter without its 信件内容： label, then the reply under 回复单位/回复时间', () => {
    const url = 'http://www.ruichang.example/interaction/detail.do?id=20240517003';
    const doc = load('ewcms-interaction-detail.html');
    expect(detectSite(doc, url)).toMatchObject({ site: 'gov-board', pageKind: 'thread', title: '白沙镇中心小学门口早晚高峰拥堵' });
    const found = findPostElements(doc, url, { now: NOW });
    expect(found.map(toPostData)).toEqual([
      { site: 'gov-board', postId: '20240517003', author: '刘**', publishedAt: '2024-05-17T00:00:00+08:00', text: '白沙镇中心小学门口每天放学时车辆乱停，孩子过马路很危险，希望安排交警疏导。' },
      {
        site: 'gov-board',
        postId: '20240517003-reply',
        author: '澜江市公安局交通警察大队',
        publishedAt: '2024-05-20T00:00:00+08:00',
        parentId: '20240517003',
        text: '您好！自5月21日起，我队在该校门口早晚高峰安排警力疏导，并施划临时停车区域。',
      },
    ]);
    expect(found[0]?.board).toEqual({ title: '白沙镇中心小学门口早晚高峰拥堵', department: '澜江市公安局交通警察大队', status: '已回复', category: '投诉监督' });
    const matcher = compileWatchlist([{ term: '澜江市', kind: 'region' }]);
    expect(found.filter((p) => matcher.scan(p.bodyElement.textContent ?? '').length > 0)).toEqual([]);
  });

  it('a letter not yet answered (回复单位/回复时间 printed, no reply block) gives the letter alone', () => {
    const doc = load('ewcms-interaction-detail.html');
    doc.querySelector('#letter_detail .text_detail .text_detail')?.remove();
    expect(findPostElements(doc, 'http://www.ruichang.example/interaction/detail.do?id=20240517003', { now: NOW }).map((p) => p.postId)).toEqual(['20240517003']);
  });

  it('the official reply is an entry signed by the 办理单位, with the message as parent', () => {
    const url = 'https://www.xuancheng.example/wlwz/88231.html';
    const doc = parseHtml(readFileSync(join(import.meta.dirname, '../../fixtures/sites/gov-board-labels.html'), 'utf8'));
    expect(findPostElements(doc, url, { now: NOW }).map(toPostData)).toEqual([
      { site: 'gov-board', postId: '88231', author: '王**', publishedAt: '2024-05-20T08:15:00+08:00', text: '宣州区某小区已经停水三天，物业说是市政管网问题。' },
      { site: 'gov-board', postId: '88231-reply', author: '宣城市住房和城乡建设局', parentId: '88231', text: '您好，经核实，管网已于5月21日修复。' },
    ]);
  });
});

describe('人民网领导留言板: a leader\'s list of messages (rows rendered from the page\'s own template)', () => {
  it('is a list page: no posts, one listed thread per message with its tid, title, masked writer and time', () => {
    const url = 'http://liuyan.people.com.cn/threads/list?fid=1035';
    const doc = load('liuyan-people-list-fid-1035.html');
    expect(detectSite(doc, url)).toMatchObject({ site: 'gov-board', pageKind: 'list' });
    expect(findPostElements(doc, url, { now: NOW })).toEqual([]);
    expect(findListedThreads(doc, url, { now: NOW }).map(({ element: _e, titleElement: _t, ...row }) => row)).toEqual([
      {
        site: 'gov-board',
        threadId: '6835141',
        title: '全民健身发展不平衡，打造好15分钟健身圈',
        author: 'A***',
        publishedAt: '2020-01-15T10:11:00+08:00',
        url: 'http://liuyan.people.com.cn/threads/content?tid=6835141',
      },
      {
        site: 'gov-board',
        threadId: '9233844',
        title: '简化机动车交易过程手续',
        author: 'b***',
        publishedAt: '2021-02-18T00:23:00+08:00',
        url: 'http://liuyan.people.com.cn/threads/content?tid=9233844',
      },
    ]);
  });
});
