import { describe, expect, it } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST, flagPost, isAnchored } from '../../../lib/match/index.ts';

const demo = compileWatchlist(DEMO_WATCHLIST);

describe('flagPost: a post is flagged when it names a watched region or agency', () => {
  it.each([
    ['a township', '白沙镇的路又坏了', true],
    ['an agency by its full name', '澜江市住房和城乡建设局回复了', true],
    ['an agency by its own alias', '澜江警方已介入', true],
    ['a generic alias next to a region', '江南区桃源街道的城管又来了', true],
    ['a generic alias alone (every city has 警方)', '警方已介入调查', false],
    ['a topic word alone', '小区停水三天了', false],
    ['a topic word in a flagged post', '云溪县河口镇停水三天了', true],
    ['only an excluded phrase', '澜江啤酒真好喝', false],
    ['nothing watched', '今天天气不错', false],
  ])('%s → %s', (_label, text, flagged) => {
    expect(flagPost(text, demo).flagged).toBe(flagged);
  });
});

describe('flagPost: what it reports', () => {
  it.each([
    ['白沙镇', ['白沙镇', '江北区', '澜江市']],
    ['桃源街道', ['桃源街道', '江南区', '澜江市']],
    ['河口镇', ['河口镇', '云溪县', '澜江市']],
    ['青石乡', ['青石乡', '石门县', '澜江市']],
  ])('a match on %s counts up the hierarchy', (place, regions) => {
    expect(flagPost(`${place}有人反映`, demo).regions).toEqual(regions);
  });

  it('an agency reports the region it serves, the topics and their categories', () => {
    const verdict = flagPost('澜江市教育局对欠薪和交通事故作出回应', demo);
    expect(verdict).toMatchObject({
      flagged: true,
      regions: ['澜江市'],
      agencies: ['澜江市教育局'],
      topics: ['欠薪', '交通事故'],
      categories: ['民生热点', '应急管理'],
    });
  });

  it('a generic alias counts once the post is anchored, and is among the matches to highlight', () => {
    const verdict = flagPost('石门县青石乡：城管和警方到场', demo);
    expect(verdict.agencies).toEqual(['澜江市城市管理综合行政执法局', '澜江市公安局']);
    expect(verdict.matches.map((m) => m.term)).toEqual([
      '石门县',
      '青石乡',
      '澜江市城市管理综合行政执法局',
      '澜江市公安局',
    ]);
  });

  it('an unflagged post has nothing to highlight', () => {
    expect(flagPost('警方提醒：注意停水', demo)).toMatchObject({ flagged: false, matches: [] });
  });
});

describe('flagPost: generic names under a thread about the city', () => {
  it.each([
    ['a reply under a thread about the city', true, true],
    ['a reply under an unrelated thread', false, false],
  ])('住建局 in %s → %s', (_label, threadAnchored, flagged) => {
    expect(flagPost('住建局早干嘛去了？', demo, { threadAnchored }).flagged).toBe(flagged);
  });

  it.each([
    ['江北区白沙镇锦江华府烂尾三年', true],
    ['住建局到底管不管', false],
    ['澜江啤酒节', false],
  ])('a thread titled "%s" is about the city: %s', (title, anchored) => {
    expect(isAnchored(title, demo)).toBe(anchored);
  });

  it('topic words alone stay unflagged even under such a thread', () => {
    expect(flagPost('停水两天了', demo, { threadAnchored: true }).flagged).toBe(false);
  });
});
