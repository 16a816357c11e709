/**
 * 澜江社区: a thread of a self-built forum engine that no adapter knows
 * (Discourse-like layout, its own class names), flagged by the generic
 * post detector. Each post prints its author, a relative time with the exact
 * time in `title`, an `IP属地：…` label, a like count and 回复/举报 links —
 * the chrome that must never be read as post text (several posts by people
 * in 澜江市 do not mention the city and must not be flagged). A related-topics
 * list beside the thread names the city in its titles and must not be read
 * as posts either.
 *
 * Three renderings share the markup:
 * - the thread (`/community/t/2077`),
 * - the same thread with a recycling list (`?virtual=1`): only ~12 rows are
 *   in the DOM at a time and rows are re-rendered while the reader scrolls,
 *   as virtualized comment lists do,
 * - the 1,000-post benchmark thread (`/community/t/1000-posts`), with the
 *   same posts as the Discuz! benchmark thread.
 */
import { escapeHtml, htmlDocument } from '../html.ts';
import { BENCH_DEFAULT_FLOORS, BENCH_MAX_FLOORS, benchFloor } from './bench-thread.ts';

/** One post of the community thread. */
export interface CommunityPost {
  author: string;
  /** China wall time, `YYYY-MM-DD HH:mm`. */
  time: string;
  /** Printed relative time. */
  ago: string;
  /** IP-location label's place. */
  ip: string;
  text: string;
  likes: number;
  mentionsCity: boolean;
}

/** The thread's posts: floor n is index n-1. */
export const COMMUNITY_POSTS: readonly CommunityPost[] = [
  { author: '白沙老街坊', time: '2026-11-20 07:40', ago: '3 天前', ip: '澜江市', text: '江北区白沙镇停水第三天了，澜江市自来水公司电话一直打不通。', likes: 48, mentionsCity: true },
  { author: '早起买菜', time: '2026-11-20 08:05', ago: '3 天前', ip: '澜江市', text: '我们楼也没水，早上只能去超市买桶装水。', likes: 12, mentionsCity: false },
  { author: '路过看看', time: '2026-11-20 08:31', ago: '3 天前', ip: '广东', text: '外地路过，祝早日恢复。', likes: 1, mentionsCity: false },
  { author: '水务内部人士', time: '2026-11-20 09:12', ago: '3 天前', ip: '澜江市', text: '据说是白沙镇主管道爆了，正在抢修。', likes: 96, mentionsCity: true },
  { author: '带娃的妈妈', time: '2026-11-20 10:20', ago: '3 天前', ip: '澜江市', text: '孩子上学前都没法洗漱，太难了。', likes: 30, mentionsCity: false },
  { author: '热心市民', time: '2026-11-21 19:03', ago: '2 天前', ip: '澜江市', text: '已经打了12345，住建局说今晚恢复供水。', likes: 57, mentionsCity: true },
  { author: '夜班司机', time: '2026-11-22 23:48', ago: '昨天', ip: '浙江', text: '晚上回来还是没水。', likes: 4, mentionsCity: false },
  { author: '云溪在外', time: '2026-11-23 06:15', ago: '6 小时前', ip: '上海', text: '云溪县河口镇上个月也停过一次，希望澜江市好好查查管网。', likes: 21, mentionsCity: true },
  { author: '楼下小卖部', time: '2026-11-23 09:30', ago: '2 小时前', ip: '澜江市', text: '店里矿泉水都卖完了，明天再进货。', likes: 9, mentionsCity: false },
  { author: '老周', time: '2026-11-23 10:02', ago: '2 小时前', ip: '澜江市', text: '刚刚来水了！大家可以放心了。', likes: 73, mentionsCity: false },
];

/** Posts of the virtualized thread: the ten above, then enough to fill several screens. */
export function communityVirtualPosts(): CommunityPost[] {
  const more = Array.from({ length: 30 }, (_, i): CommunityPost => {
    const n = i + 11;
    const city = n % 10 === 3;
    return {
      author: `网友${(n * 37) % 997}`,
      time: `2026-11-23 ${String(10 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
      ago: '1 小时前',
      ip: n % 3 === 0 ? '澜江市' : '江苏',
      text: city ? `第${n}楼：江北区白沙镇的水压还是很低，澜江市水务局能不能给个说法？` : `第${n}楼：收到，谢谢大家的消息。`,
      likes: n % 17,
      mentionsCity: city,
    };
  });
  return [...COMMUNITY_POSTS, ...more];
}

const CSS = `
body{margin:0;background:#f4f5f7;font:15px/1.7 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222}
.cm-top{background:#fff;border-bottom:1px solid #e3e5e8;height:52px}
.cm-top .w{display:flex;gap:18px;align-items:center;height:52px}
.cm-logo{font-weight:bold;color:#0f7b6c;font-size:19px}
.cm-top a{color:#555;text-decoration:none}
.w{width:980px;margin:0 auto}
.cm-page{display:flex;gap:20px;margin-top:18px}
.cm-main{flex:1;min-width:0}
.cm-title{font-size:24px;margin:0 0 14px}
.cm-post{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:14px 18px;margin-bottom:10px}
.cm-post-head{display:flex;gap:10px;align-items:baseline;font-size:13px;color:#888}
.cm-user{font-weight:bold;color:#0f7b6c;font-size:14px;text-decoration:none}
.cm-post-text p{margin:6px 0}
.cm-post-foot{display:flex;gap:14px;font-size:13px;color:#999}
.cm-post-foot a{color:#999;text-decoration:none}
.cm-related{width:260px;background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:12px 16px;align-self:flex-start}
.cm-related h3{margin:0 0 8px;font-size:15px}
.cm-related li{list-style:none;margin:6px 0;font-size:13px}
.cm-related ul{padding:0;margin:0}
.cm-related a{color:#333;text-decoration:none}
.cm-related span{color:#aaa;margin-left:6px}
.cm-scroller{height:640px;overflow-y:auto;border-radius:8px}
`;

/** One post's markup; `floor` is 1-based. */
export function communityPostHtml(post: CommunityPost, floor: number): string {
  return `<div class="cm-post" data-floor="${floor}">
<div class="cm-post-head"><a class="cm-user" href="/community/u/${encodeURIComponent(post.author)}">${escapeHtml(post.author)}</a><span class="cm-time" title="${post.time}">${escapeHtml(post.ago)}</span><span class="cm-ip">IP属地：${escapeHtml(post.ip)}</span><span class="cm-floor">#${floor}</span></div>
<div class="cm-post-text"><p>${escapeHtml(post.text)}</p></div>
<div class="cm-post-foot"><span class="cm-like">赞 ${post.likes}</span><a href="#" class="cm-reply">回复</a><a href="#" class="cm-report">举报</a></div>
</div>`;
}

const RELATED = `<aside class="cm-related"><h3>相关话题</h3><ul>
<li><a href="/community/t/2001">澜江市停水通知汇总</a><span>11-18</span></li>
<li><a href="/community/t/2002">白沙镇自来水厂改造进度</a><span>11-15</span></li>
<li><a href="/community/t/2003">澜江市住建局回应管网老化</a><span>11-10</span></li>
</ul></aside>`;

function page(title: string, list: string, script = ''): string {
  return htmlDocument({
    title: `${title} - 澜江社区`,
    css: CSS,
    body: `<div class="cm-top"><div class="w"><span class="cm-logo">澜江社区</span><a href="/community/">最新</a><a href="/community/hot">热门</a><a href="/community/cats">分类</a></div></div>
<div class="w cm-page"><div class="cm-main"><h1 class="cm-title">${escapeHtml(title)}</h1>${list}</div>${RELATED}</div>${script}`,
  });
}

const THREAD_TITLE = '白沙镇停水第三天，有没有人知道原因？';

/** `/community/t/2077`: the whole thread in the DOM. */
export function renderCommunityThreadPage(): string {
  return page(THREAD_TITLE, `<div class="cm-posts">${COMMUNITY_POSTS.map((p, i) => communityPostHtml(p, i + 1)).join('\n')}</div>`);
}

/** Rows kept in the DOM by the recycling list. */
export const COMMUNITY_VIRTUAL_ROWS = 12;

/**
 * `/community/t/2077?virtual=1`: the same thread in a list that recycles its
 * rows — the page script renders only the rows near the scroll position and
 * replaces them as the reader scrolls.
 */
export function renderCommunityVirtualPage(): string {
  const posts = communityVirtualPosts();
  const rows = posts.map((p, i) => communityPostHtml(p, i + 1));
  const script = `<script>
(() => {
  const rows = ${JSON.stringify(rows).replace(/</g, '\\u003c')};
  const ROW = 132, KEEP = ${COMMUNITY_VIRTUAL_ROWS};
  const scroller = document.querySelector('.cm-scroller');
  const list = document.querySelector('.cm-posts');
  let first = -1;
  const render = () => {
    const start = Math.max(0, Math.min(rows.length - KEEP, Math.floor(scroller.scrollTop / ROW) - 2));
    if (start === first) return;
    first = start;
    list.style.paddingTop = (start * ROW) + 'px';
    list.style.paddingBottom = ((rows.length - start - KEEP) * ROW) + 'px';
    list.innerHTML = rows.slice(start, start + KEEP).join('');
  };
  scroller.addEventListener('scroll', render, { passive: true });
  render();
})();
</script>`;
  return page(THREAD_TITLE, `<div class="cm-scroller"><div class="cm-posts" style="box-sizing:border-box"></div></div><style>.cm-posts .cm-post{height:112px;box-sizing:border-box;overflow:hidden}</style>`, script);
}

/** `/community/t/1000-posts?n=`: the benchmark thread's posts in this engine's markup. */
export function renderCommunityBenchPage(count: number = BENCH_DEFAULT_FLOORS): string {
  const n = Math.min(Math.max(1, Math.floor(count)), BENCH_MAX_FLOORS);
  const posts = Array.from({ length: n }, (_, i) => {
    const floor = benchFloor(i + 1);
    // The Discuz! floor's body is `line<br>filler`: the same words, in a paragraph each.
    const [line, filler] = floor.body.split('<br>');
    return `<div class="cm-post" data-floor="${i + 1}">
<div class="cm-post-head"><a class="cm-user" href="/community/u/${floor.uid}">${escapeHtml(floor.author)}</a><span class="cm-time" title="${floor.time}">${floor.time.slice(5, 16)}</span><span class="cm-ip">IP属地：澜江市</span><span class="cm-floor">#${i + 1}</span></div>
<div class="cm-post-text"><p>${line ?? ''}</p><p>${filler ?? ''}</p></div>
<div class="cm-post-foot"><span class="cm-like">赞 ${(i * 7) % 50}</span><a href="#" class="cm-reply">回复</a></div>
</div>`;
  });
  return page(`【性能测试】千层楼：大家随便聊聊（${n} 楼）`, `<div class="cm-posts">${posts.join('\n')}</div>`);
}
