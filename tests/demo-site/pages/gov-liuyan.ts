/**
 * The government message board (领导留言板 / 政民互动 style): a list page and
 * one detail page per message. No real saved page exists (SOURCES.md §C), so
 * the class names are our own and documented in tests/demo-site/README.md:
 * `.liuyan-item[data-id]`, `.ly-title`, `.ly-content`, `.ly-author`,
 * `.ly-time`, `.ly-dept`, `.ly-status[data-status]`, `.ly-reply`
 * (`.ly-reply-unit`, `.ly-reply-time`, `.ly-reply-content`).
 */
import { LIUYAN_MESSAGES, type LiuyanMessage } from '../data/liuyan.ts';
import { escapeHtml, htmlDocument } from '../html.ts';

const STATUS_CLASS: Record<LiuyanMessage['status'], string> = { 已回复: 'replied', 办理中: 'processing', 未回复: 'pending' };

const GOV_CSS = `
body{margin:0;background:#f4f4f4;font:14px/1.7 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","SimSun",sans-serif;color:#333}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.gov-top{height:30px;line-height:30px;background:#f1f1f1;border-bottom:1px solid #ddd;font-size:12px;color:#666}
.w1200{width:1100px;margin:0 auto}
.gov-header{background:linear-gradient(180deg,#c81623,#a50d18);height:120px;color:#fff}
.gov-header .w1200{display:flex;align-items:center;height:120px;gap:18px}
.gov-emblem{width:72px;height:72px;border-radius:50%;background:radial-gradient(circle,#ffd75e 0 40%,#e6a817 41% 60%,#c81623 61%);border:3px solid #ffd75e;display:flex;align-items:center;justify-content:center;color:#c81623;font-size:34px;font-weight:bold}
.gov-sitename{font-size:34px;font-weight:bold;letter-spacing:6px;font-family:"SimSun","Noto Serif CJK SC",serif}
.gov-sitename small{display:block;font-size:14px;letter-spacing:2px;font-weight:normal;opacity:.85;font-family:Arial,sans-serif}
.gov-nav{background:#a50d18;border-top:1px solid #d9414d}
.gov-nav a{display:inline-block;padding:0 24px;line-height:42px;color:#fff;font-size:16px}
.gov-nav a.on{background:#7d0a12}
.crumb{margin:14px auto;color:#666;font-size:13px}
.crumb a{color:#666}
.panel{background:#fff;border:1px solid #e3e3e3;padding:20px 28px;margin-bottom:24px}
.panel h2{margin:0 0 16px;padding-bottom:10px;border-bottom:2px solid #c81623;font-size:20px;color:#c81623}
.ly-stats{color:#666;margin-bottom:10px}
.ly-stats b{color:#c81623}
table.ly-table{width:100%;border-collapse:collapse}
table.ly-table th{background:#fbeeee;color:#a50d18;font-weight:bold;padding:10px 8px;border-bottom:1px solid #e8c8c8;text-align:left}
table.ly-table td{padding:11px 8px;border-bottom:1px dashed #ddd;vertical-align:top}
.ly-title a{color:#222}
.ly-status{display:inline-block;padding:0 8px;border-radius:2px;font-size:12px;line-height:22px}
.ly-status.replied{background:#e8f5e9;color:#2e7d32}
.ly-status.processing{background:#fff4e0;color:#c77700}
.ly-status.pending{background:#fdecec;color:#c62828}
.ly-dept,.ly-time,.ly-author{color:#666;font-size:13px}
.ly-detail h1.ly-title{font-size:22px;text-align:center;margin:6px 0 14px;color:#222}
.ly-meta{display:flex;flex-wrap:wrap;gap:6px 24px;justify-content:center;padding:10px;background:#fafafa;border:1px solid #eee;color:#666;font-size:13px;margin-bottom:18px}
.ly-meta .ly-status{margin-left:4px}
.ly-section{font-weight:bold;color:#a50d18;border-left:4px solid #c81623;padding-left:10px;margin:18px 0 10px}
.ly-content{font-size:16px;line-height:2;text-indent:2em}
.ly-reply{background:#fff8f0;border:1px solid #f3dcc0;padding:14px 20px}
.ly-reply-head{color:#666;font-size:13px;margin-bottom:6px}
.ly-reply-unit{font-weight:bold;color:#a50d18;margin-right:18px}
.ly-reply-content{font-size:16px;line-height:2;text-indent:2em}
.ly-noreply{color:#999;text-align:center;padding:20px;border:1px dashed #ddd}
.gov-footer{background:#7d0a12;color:#f3d6d8;text-align:center;padding:20px 0;font-size:12px;line-height:2}
`;

function shell(title: string, crumb: string, main: string): string {
  return htmlDocument({
    title,
    head: `<meta name="SiteName" content="澜江市人民政府">
<meta name="ColumnName" content="领导留言板">
<meta name="ArticleTitle" content="${escapeHtml(title)}">`,
    css: GOV_CSS,
    body: `<div class="gov-top"><div class="w1200">欢迎访问澜江市人民政府门户网站 · 无障碍浏览 · 长者模式</div></div>
<div class="gov-header"><div class="w1200"><div class="gov-emblem" aria-label="澜江市人民政府">澜</div><div class="gov-sitename">澜江市人民政府<small>www.lanjiang.gov.cn（演示）</small></div></div></div>
<div class="gov-nav"><div class="w1200"><a href="/">首页</a><a href="/">政务公开</a><a href="/">政务服务</a><a class="on" href="/gov/liuyan/list.html">政民互动</a><a href="/">走进澜江</a></div></div>
<div class="w1200 crumb">当前位置：<a href="/">首页</a> &gt; <a href="/">政民互动</a> &gt; <a href="/gov/liuyan/list.html">领导留言板</a>${crumb}</div>
<div class="w1200">${main}</div>
<div class="gov-footer">主办：澜江市人民政府办公室\u3000承办：澜江市大数据中心<br>演示站点 · 澜江市及其机构、人物、事件均为虚构</div>`,
  });
}

function statusBadge(message: LiuyanMessage): string {
  return `<span class="ly-status ${STATUS_CLASS[message.status]}" data-status="${message.status}">${message.status}</span>`;
}

/** Renders the list page (`/gov/liuyan/list.html`). */
export function renderLiuyanListPage(): string {
  const replied = LIUYAN_MESSAGES.filter((m) => m.status === '已回复').length;
  const rows = LIUYAN_MESSAGES.map(
    (m) => `<tr class="liuyan-item" data-id="${m.id}">
<td class="ly-id">${m.id}</td>
<td class="ly-title"><a href="/gov/liuyan/detail-${m.id}.html" target="_blank">${escapeHtml(m.title)}</a></td>
<td class="ly-dept">${escapeHtml(m.dept)}</td>
<td class="ly-author">${escapeHtml(m.author)}</td>
<td class="ly-time">${escapeHtml(m.time)}</td>
<td>${statusBadge(m)}</td>
</tr>`,
  ).join('\n');
  return shell(
    '领导留言板_政民互动_澜江市人民政府',
    '',
    `<div class="panel">
<h2>领导留言板</h2>
<div class="ly-stats">共 <b>${LIUYAN_MESSAGES.length}</b> 条留言，已回复 <b>${replied}</b> 条</div>
<table class="ly-table liuyan-list">
<thead><tr><th style="width:60px">编号</th><th>留言标题</th><th style="width:220px">留言对象</th><th style="width:70px">留言人</th><th style="width:140px">留言时间</th><th style="width:80px">办理状态</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`,
  );
}

/** Renders the detail page of message `id`, or undefined for an unknown id. */
export function renderLiuyanDetailPage(id: number): string | undefined {
  const m = LIUYAN_MESSAGES.find((message) => message.id === id);
  if (!m) return undefined;
  const reply = m.reply
    ? `<div class="ly-reply">
<div class="ly-reply-head"><span class="ly-reply-unit">${escapeHtml(m.reply.unit)}</span>回复时间：<span class="ly-reply-time">${escapeHtml(m.reply.time)}</span></div>
<div class="ly-reply-content">${escapeHtml(m.reply.content)}</div>
</div>`
    : `<div class="ly-noreply">该留言正在办理中，暂无回复。</div>`;
  return shell(
    `${m.title}_领导留言板_澜江市人民政府`,
    ` &gt; 留言详情`,
    `<div class="panel ly-detail liuyan-item" data-id="${m.id}">
<h1 class="ly-title">${escapeHtml(m.title)}</h1>
<div class="ly-meta">
<span>留言编号：<span class="ly-id">${m.id}</span></span>
<span>留言人：<span class="ly-author">${escapeHtml(m.author)}</span></span>
<span>留言时间：<span class="ly-time">${escapeHtml(m.time)}</span></span>
<span>留言对象：<span class="ly-dept">${escapeHtml(m.dept)}</span></span>
<span>类别：<span class="ly-category">${escapeHtml(m.category)}</span></span>
<span>办理状态：${statusBadge(m)}</span>
</div>
<div class="ly-section">留言内容</div>
<div class="ly-content">${escapeHtml(m.content)}</div>
<div class="ly-section">回复内容</div>
${reply}
</div>`,
  );
}
