/**
 * The built-in watch list of the demo's fictional city, 澜江市. The demo site
 * pages use exactly these names.
 */
import type { WatchEntry } from './schema.ts';

const CITY = '澜江市';

/** Agencies: canonical name, own aliases (carry the city's name), generic context-only aliases. */
const AGENCIES: readonly [string, string[], string[]][] = [
  ['澜江市公安局', ['澜江警方', '澜江公安'], ['市公安局', '公安局', '警方']],
  ['澜江市住房和城乡建设局', ['澜江住建局'], ['市住建局', '住建局']],
  ['澜江市生态环境局', ['澜江环保局'], ['市生态环境局', '环保局']],
  ['澜江市教育局', ['澜江教育局'], ['市教育局', '教育局']],
  ['澜江市卫生健康委员会', ['澜江卫健委'], ['市卫健委', '卫健委']],
  ['澜江市市场监督管理局', ['澜江市场监管局'], ['市场监管局']],
  ['澜江市城市管理综合行政执法局', ['澜江城管'], ['市城管局', '城管局', '城管']],
  ['澜江市应急管理局', ['澜江应急局'], ['应急管理局', '应急局']],
  ['澜江市信访局', ['澜江信访局'], ['信访局']],
  ['澜江市人民政府', ['澜江市政府'], ['市政府']],
];

/** Topic words by the policy profile's category (POLICIES.md, profile 2). */
const TOPICS: readonly [string, string][] = [
  ['拖欠工资', '民生热点'],
  ['欠薪', '民生热点'],
  ['烂尾楼', '民生热点'],
  ['停水', '民生热点'],
  ['污水', '民生热点'],
  ['异味', '民生热点'],
  ['食品安全', '民生热点'],
  ['拆迁', '民生热点'],
  ['噪音', '民生热点'],
  ['交通事故', '应急管理'],
];

/** The demo watch list: 澜江市, its districts, counties and townships, agencies, topics, exclusions. */
export const DEMO_WATCHLIST: readonly WatchEntry[] = [
  { term: CITY, kind: 'region', aliases: ['澜江'] },
  { term: '江北区', kind: 'region', parent: CITY },
  { term: '江南区', kind: 'region', parent: CITY },
  { term: '云溪县', kind: 'region', parent: CITY },
  { term: '石门县', kind: 'region', parent: CITY },
  { term: '白沙镇', kind: 'region', parent: '江北区' },
  { term: '桃源街道', kind: 'region', parent: '江南区' },
  { term: '河口镇', kind: 'region', parent: '云溪县' },
  { term: '青石乡', kind: 'region', parent: '石门县' },
  ...AGENCIES.map(
    ([term, aliases, contextAliases]): WatchEntry => ({ term, kind: 'agency', aliases, contextAliases, region: CITY }),
  ),
  ...TOPICS.map(([term, category]): WatchEntry => ({ term, kind: 'topic', category })),
  // A beer brand and a road in Shanghai share the city's short name.
  { term: '澜江啤酒', kind: 'exclusion' },
  { term: '澜江路', kind: 'exclusion' },
];
