/**
 * The benchmark thread: the desktop Discuz layout with N generated floors
 * (default 1,000), about 5% of which mention the city. Generated on the fly
 * and deterministic, so scan timings are comparable between runs.
 */
import type { DiscuzFloor } from './discuz.ts';
import { renderDiscuzThreadPage } from './discuz.ts';

/** Default number of floors of `/forum/thread-1000-posts.html`. */
export const BENCH_DEFAULT_FLOORS = 1000;
/** Upper bound on `?n=` so a typo cannot make the server build a gigabyte page. */
export const BENCH_MAX_FLOORS = 20000;

const CITY_LINES = [
  '江北区白沙镇又停水了，澜江市自来水公司的通知一点都不及时。',
  '云溪县河口镇工地拖欠工资，工人们去澜江市人民政府门口讨薪。',
  '江南区桃源街道半夜施工噪音太大，城管局管不管？',
  '石门县青石乡的污水直接排进河里，环保局快来看看。',
  '澜江市市场监管局查处了一批过期食品，食品安全无小事。',
];

const CHATTER_LINES = [
  '今天天气不错，适合出去走走。',
  '有人知道哪家修手机的靠谱吗？',
  '楼主说得对，支持一下。',
  '晚饭吃什么？纠结中。',
  '周末带孩子去公园，人好多。',
  '最近在追一部剧，挺好看的。',
  '新买的电动车续航不太行。',
  '顶一下，路过。',
];

/** Whether floor n (1-based) of the benchmark thread mentions the city: every 20th floor, offset 7, i.e. 5%. */
export function benchFloorMentionsCity(n: number): boolean {
  return n % 20 === 7;
}

/** Builds floor n (1-based) of the benchmark thread (also the generic-engine benchmark's posts). */
export function benchFloor(n: number): DiscuzFloor {
  const mentionsCity = benchFloorMentionsCity(n);
  const line = mentionsCity
    ? (CITY_LINES[n % CITY_LINES.length] ?? '')
    : (CHATTER_LINES[n % CHATTER_LINES.length] ?? '');
  // Longer filler makes the page's text volume resemble a real busy thread.
  const filler = `这是第${n}楼的回复内容，用于测试页面扫描性能。`.repeat(1 + (n % 4));
  const minute = String(n % 60).padStart(2, '0');
  const hour = String(8 + Math.floor(n / 60) % 14).padStart(2, '0');
  return {
    pid: 500000 + n,
    uid: 10000 + ((n * 7919) % 90000),
    author: `网友${(n * 131) % 9973}`,
    time: `2026-11-20 ${hour}:${minute}:${String((n * 13) % 60).padStart(2, '0')}`,
    body: `${line}<br>${filler}`,
    mentionsCity,
  };
}

/** Renders the benchmark page with `count` floors (clamped to 1…{@link BENCH_MAX_FLOORS}). */
export function renderBenchThreadPage(count: number = BENCH_DEFAULT_FLOORS): string {
  const n = Math.min(Math.max(1, Math.floor(count)), BENCH_MAX_FLOORS);
  const floors = Array.from({ length: n }, (_, i) => benchFloor(i + 1));
  return renderDiscuzThreadPage({
    tid: 1000,
    fid: 36,
    siteName: '澜江论坛',
    boardName: '灌水乐园',
    subject: `【性能测试】千层楼：大家随便聊聊（${n} 楼）`,
    views: 98765,
    replies: n - 1,
    floors,
  });
}
