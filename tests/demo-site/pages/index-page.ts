/** The demo site's index (`/`): links to every demo page, in Chinese. */
import { htmlDocument } from '../html.ts';

const LINKS: ReadonlyArray<{ href: string; title: string; note: string }> = [
  { href: '/forum/thread-1001-1-1.html', title: '澜江论坛 · 帖子（Discuz! X3.4 桌面版）', note: '24 层 + “加载更多回复”，含繁体、空格、符号等变体写法，以及澜江啤酒、上海澜江路等干扰项' },
  { href: '/forum/touch-thread-1001.html', title: '澜江论坛 · 帖子（Discuz! 触屏版）', note: '同一帖子的手机版布局' },
  { href: '/forum/thread-1000-posts.html', title: '澜江论坛 · 千层楼（性能测试）', note: '1000 层，约 5% 提及澜江；可用 ?n=数量 调整' },
  { href: '/tieba/p/9000001', title: '澜江吧 · 百度贴吧帖子', note: '约 10 层，data-field JSON' },
  { href: '/news/2026-11/20/content_1.html', title: '澜江新闻 · 新闻文章与跟帖', note: '关于锦江华府项目的报道，12 条评论' },
  { href: '/gov/liuyan/list.html', title: '问政澜江 · 领导留言板（列表）', note: '15 条留言，含受理部门与办理状态' },
  { href: '/gov/liuyan/detail-5001.html', title: '问政澜江 · 留言详情', note: '留言与官方回复' },
  { href: '/weibo/status/Nx1', title: '微博 · 单条微博详情', note: '1 条微博 + 8 条评论（哈希类名）' },
  { href: '/community/t/2077', title: '澜江社区 · 自建论坛帖子（无专用适配）', note: '10 楼，由通用帖子识别读取；IP 属地、点赞、相关话题不计入正文' },
  { href: '/community/t/2077?virtual=1', title: '澜江社区 · 虚拟滚动列表', note: '40 楼，页面只保留约 12 行，滚动时回收重绘' },
  { href: '/hostile/post.html', title: '恶意页面测试', note: '帖子含脚本、事件处理器与 javascript: 链接，页面篡改全局对象' },
];

/** Renders `/`. */
export function renderIndexPage(): string {
  const items = LINKS.map(
    (link) => `<li><a href="${link.href}">${link.title}</a><span>${link.note}</span><code>${link.href}</code></li>`,
  ).join('\n');
  return htmlDocument({
    title: '澜江市 演示站点',
    css: `body{margin:0;background:#f5f6f8;font:15px/1.7 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#333}
header{background:#1f4e8c;color:#fff;padding:28px 0}
.w{width:860px;margin:0 auto}
h1{margin:0;font-size:28px;letter-spacing:2px}
header p{margin:6px 0 0;opacity:.85}
ul{list-style:none;padding:0;margin:24px 0}
li{background:#fff;border:1px solid #e2e5ea;border-radius:6px;padding:14px 18px;margin-bottom:12px}
li a{font-size:17px;font-weight:bold;color:#1f4e8c;text-decoration:none;display:block}
li span{display:block;color:#666;font-size:13px}
li code{font-size:12px;color:#999}
footer{color:#999;font-size:12px;text-align:center;padding:20px}`,
    body: `<header><div class="w"><h1>澜江市 演示站点</h1><p>舆情助手的本地演示与测试页面：论坛、贴吧、新闻、政府留言板、微博。</p></div></header>
<main class="w"><ul>
${items}
</ul></main>
<footer>澜江市及其区县（江北区、江南区、云溪县、石门县）、机构、人物与事件均为虚构。</footer>`,
  });
}
