/**
 * Discuz! X3.4 thread pages (desktop and touch), reproducing the DOM of the
 * stock templates documented in SOURCES.md §A and seen in the csolbbs corpus
 * page: `#postlist > div#post_<pid> > table#pid<pid>.plhin`, `td.t_f#postmessage_<pid>`,
 * `em#authorposton<pid>`, `a#postnum<pid>`, `#favatar<pid> .authi a.xw1`,
 * views/replies in `span.xi1`, title in `#thread_subject`.
 */
import { escapeHtml, htmlDocument, letterAvatar } from '../html.ts';

/** One floor (post) of a Discuz thread. */
export interface DiscuzFloor {
  /** Post id: becomes `post_<pid>`, `pid<pid>`, `postmessage_<pid>`… */
  pid: number;
  /** Author's user id (links to home.php?mod=space&uid=…). */
  uid: number;
  author: string;
  /** Absolute posting time as Discuz prints it, e.g. `2026-11-20 09:12:01`. */
  time: string;
  /** When set, the time is shown relatively (`<span title="time">2&nbsp;天前</span>`), as Discuz does for recent posts. */
  relative?: string;
  /** Body HTML, trusted (written by the demo authors). */
  body: string;
  /** Whether the floor mentions the fictional city or its agencies, i.e. should be flagged. */
  mentionsCity: boolean;
  /** A deleted post: `table#pid` without `plhin`, body "该帖已被删除". */
  deleted?: boolean;
  /** User group shown under the avatar. */
  group?: string;
  /** "本帖最后由 X 于 … 编辑" status line. */
  editedNote?: string;
}

/** Thread-level data for a Discuz page. */
export interface DiscuzThread {
  tid: number;
  /** Forum site name, e.g. 澜江论坛. */
  siteName: string;
  /** Board (版块) name, e.g. 民生热线. */
  boardName: string;
  fid: number;
  subject: string;
  views: number;
  replies: number;
  floors: readonly DiscuzFloor[];
}

const DEFAULT_POSTNO = ['楼主', '沙发', '板凳', '地板'];

/** Floor label as Discuz prints it: 楼主/沙发/板凳/地板, then `<em>N</em><sup>#</sup>`. */
export function discuzFloorLabel(floorNumber: number): string {
  return DEFAULT_POSTNO[floorNumber - 1] ?? `<em>${floorNumber}</em><sup>#</sup>`;
}

/** `发表于 …` content of `em#authorposton<pid>`, absolute or relative. */
function postedOn(floor: DiscuzFloor): string {
  if (floor.relative) {
    return `发表于 <span title="${escapeHtml(floor.time)}">${floor.relative.replace(/ /g, '&nbsp;')}</span>`;
  }
  return `发表于 ${escapeHtml(floor.time)}`;
}

/**
 * Renders one desktop floor: `div#post_<pid>` wrapping `table#pid<pid>.plhin`.
 * Exported so the load-more template, the benchmark thread and the hostile page
 * produce exactly the same markup.
 */
export function renderDiscuzPost(thread: Pick<DiscuzThread, 'tid' | 'fid'>, floor: DiscuzFloor, floorNumber: number): string {
  const { pid, uid } = floor;
  const author = escapeHtml(floor.author);
  const space = `home.php?mod=space&amp;uid=${uid}`;
  const body = floor.deleted
    ? `<div class="locked">提示: <em>该帖已被删除</em></div>`
    : `<div class="pcb">${floor.editedNote ? `<i class="pstatus"> ${escapeHtml(floor.editedNote)} </i><br>` : ''}
<div class="t_fsz">
<table cellspacing="0" cellpadding="0"><tbody><tr><td class="t_f" id="postmessage_${pid}">
${floor.body}
</td></tr></tbody></table>
</div>
<div id="comment_${pid}" class="cm"></div>
<div id="post_rate_div_${pid}"></div>
</div>`;
  return `<div id="post_${pid}"><table id="pid${pid}"${floor.deleted ? '' : ' class="plhin"'} summary="pid${pid}" cellspacing="0" cellpadding="0">
<tbody><tr>
<td class="pls" rowspan="2">
<div id="favatar${pid}" class="pls favatar">
<div class="pi">
<div class="authi"><a href="${space}" target="_blank" class="xw1">${author}</a>
</div>
</div>
<div>
<div class="avatar"><a href="${space}" class="avtm" target="_blank">${letterAvatar(floor.author, 120, 'avtm-img')}</a></div>
</div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><tbody><tr><th><p><a href="${space}&amp;do=thread&amp;type=thread" class="xi2">${(uid % 37) + 1}</a></p>主题</th><th><p><a href="${space}&amp;do=thread&amp;type=reply" class="xi2">${(uid % 613) + 12}</a></p>帖子</th><td><p><a href="${space}&amp;do=profile" class="xi2">${(uid % 2900) + 40}</a></p>积分</td></tr></tbody></table></div>
<p><em><a href="home.php?mod=spacecp&amp;ac=usergroup" target="_blank">${escapeHtml(floor.group ?? '中级会员')}</a></em></p>
</div>
</td>
<td class="plc">
<div class="pi">
${floorNumber === 1 ? `<div id="fj" class="y"><label class="z">电梯直达</label><input type="text" class="px p_fre z" size="2" title="跳转到指定楼层"></div>` : ''}
<strong>
<a href="forum.php?mod=redirect&amp;goto=findpost&amp;ptid=${thread.tid}&amp;pid=${pid}" id="postnum${pid}">
${discuzFloorLabel(floorNumber)}</a>
</strong>
<div class="pti">
<div class="pdbt"></div>
<div class="authi">
<img class="authicn vm" id="authicon${pid}" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<em id="authorposton${pid}">${postedOn(floor)}</em>
<span class="pipe">|</span>
<a href="forum.php?mod=viewthread&amp;tid=${thread.tid}&amp;page=1&amp;authorid=${uid}" rel="nofollow">只看该作者</a>
</div>
</div>
</div><div class="pct">${body}</div>
</td></tr>
<tr><td class="plc plm"></td></tr>
<tr id="_postposition${pid}"></tr>
<tr>
<td class="pls"></td>
<td class="plc" style="overflow:visible;">
<div class="po hin">
<div class="pob cl">
<em><a class="fastre" href="forum.php?mod=post&amp;action=reply&amp;fid=${thread.fid}&amp;tid=${thread.tid}&amp;reppost=${pid}">回复</a></em>
<p><a href="javascript:;" class="report">举报</a></p>
</div>
</div>
</td>
</tr>
</tbody></table>
</div>`;
}

/** Stock Discuz X default-style CSS, condensed: blue nav bar, 960px page, grey-blue author column. */
export const DISCUZ_CSS = `
*{word-wrap:break-word}
body{margin:0;background:#fff;font:12px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",Tahoma,sans-serif;color:#444}
a{color:#333;text-decoration:none}a:hover{text-decoration:underline}
.wp{width:960px;margin:0 auto}
.cl:after{content:".";display:block;height:0;clear:both;visibility:hidden}
.z{float:left}.y{float:right}
#toptb{min-width:960px;border-bottom:1px solid #e8e8e8;background:#f2f2f2;line-height:28px}
#toptb a{margin-right:10px;color:#666}
#hd{border-bottom:0 solid #c2d5e3}
#hd .hdc{display:flex;justify-content:space-between;align-items:center;min-height:76px}
#hd h2{margin:0;font-size:28px;color:#2b7acd;font-weight:bold;letter-spacing:2px}
#hd h2 small{font-size:13px;color:#999;font-weight:normal;margin-left:10px;letter-spacing:0}
#scbar{display:flex}
#scbar input{width:220px;border:1px solid #c2d5e3;height:28px;box-sizing:border-box;padding:0 6px}
#scbar button{height:28px;border:0;background:#2b7acd;color:#fff;padding:0 14px}
#nv{overflow:hidden;height:33px;background:#2b7acd}
#nv li{float:left;list-style:none;height:33px;line-height:33px;font-weight:700;font-size:14px}
#nv ul{margin:0;padding:0 0 0 8px}
#nv li a{float:left;padding:0 15px;height:33px;color:#fff}
#nv li.a{background:#005aa0}
#pt{margin:2px 0;height:29px;border:none;background:transparent;line-height:29px}
#pt .z{padding-right:10px}
#pt .z a,#pt .z em{float:left;margin-left:5px;color:#333}
#pt .z em{color:#999;font-style:normal}
.pgs{margin:6px 0}.pgb a{padding:4px 10px;border:1px solid #ccc;background:#fff}
.pn{display:inline-block;height:28px;padding:0 14px;border:1px solid #235994;background:#06c;color:#fff;font-weight:700;line-height:28px}
.pl{border:1px solid #c2d5e3}
.pl table{width:100%;table-layout:fixed;border-collapse:collapse}
.pl td{padding:0;vertical-align:top}
.pls{width:160px;background:#e5edf2;border-right:1px solid #c2d5e3;overflow:hidden}
.pl .pls{width:160px}
.pl td.plc{padding:0 20px}
.pl .vwthd{padding:10px 20px}
.pl .hm{text-align:center;padding:10px 0}
.xi1,.onerror{color:#f26c4f}
.xg1{color:#999}.xg2{color:#666}.xw1{font-weight:700}.xi2{color:#336699}
.pipe{margin:0 5px;color:#ccc}
h1.ts{margin:0;font-size:16px;font-weight:700;display:inline}
#thread_subject{color:#333}
.pl .pi{overflow:hidden;margin-bottom:5px;padding:10px 0 8px;border-bottom:1px dashed #cdcdcd;height:auto}
.pl .pi strong{float:right}
.pl .pi strong a{color:#999;font-size:14px}
.pl .pi strong em{font-style:normal;color:#d00;font-weight:700}
.pl .favatar .pi{padding:10px;border-bottom:1px dashed #c2d5e3;margin:0}
.pl .favatar .authi{font-size:13px}
.pl .avatar{margin:12px 20px}
.tns{padding:0 10px 10px}.tns table{width:100%}.tns th,.tns td{text-align:center;font-weight:normal;padding:2px 0}
.tns p{margin:0;font-size:14px}
.favatar > p{margin:0 10px 10px;color:#999}
.pti .authi{color:#999;line-height:16px}
.pti em{font-style:normal}
#fj{margin-right:10px;color:#999}#fj input{width:25px;height:14px}
.pct{padding-bottom:1em;min-height:60px}
.t_fsz{min-height:60px}
.t_f{font-size:14px;line-height:1.8;color:#333}
.t_f td{font-size:14px}
.t_fsz > table{width:100%}
.pl .quote{overflow:hidden;margin:10px 0;padding:6px 10px 6px 40px;background:#f9f9f9 no-repeat 10px 8px;border-left:3px solid #c2d5e3;color:#666}
.pl blockquote{margin:0}
.pstatus{color:#999;font-style:normal}
.locked{margin:10px 0;padding:10px 10px 10px 20px;border:1px dashed #ff9a9a;color:#f26c4f}
.plm{height:0}
.po{padding-top:8px;border-top:1px solid #e3e3e3;margin-bottom:8px}
.pob{line-height:24px}.pob em{float:left;font-style:normal}.pob em a{margin-right:10px;color:#666}.pob p{float:right;margin:0}.pob p a{color:#999}
#postlist > div{border-top:4px solid #c2d5e3}
#postlist > div:first-of-type{border-top:0}
#postlistreply{min-height:1px}
.load-more{display:block;margin:12px auto;width:320px;height:36px;border:1px solid #c2d5e3;background:#e5edf2;color:#336699;font-size:14px;cursor:pointer}
.load-more:hover{background:#d6e3ec}
.load-more[disabled]{color:#999;cursor:default}
#f_pst{margin-top:10px;border:1px solid #c2d5e3;padding:10px 20px;background:#f7fafc}
#f_pst textarea{width:100%;height:80px;border:1px solid #c2d5e3;box-sizing:border-box}
#ft{padding:14px 0 30px;border-top:1px solid #c2d5e3;margin-top:20px;color:#999;line-height:1.8}
#ft p{margin:0}
#ft a{color:#666}
`;

/** Options for {@link renderDiscuzThreadPage}. */
export interface DiscuzPageOptions {
  /** Extra `<head>` markup, e.g. the hostile page's clobbering scripts. */
  head?: string;
  /**
   * Floors appended client-side by a "加载更多回复" button, like Discuz's ajax
   * pagination: they sit in an inert `<template>` until clicked so the
   * content script has to notice them with its MutationObserver.
   */
  loadMore?: readonly DiscuzFloor[];
  /** Markup after the post list (inside #wp). */
  afterPosts?: string;
}

/** Renders a complete Discuz! X3.4 desktop thread page. */
export function renderDiscuzThreadPage(thread: DiscuzThread, options: DiscuzPageOptions = {}): string {
  const posts = thread.floors.map((floor, i) => renderDiscuzPost(thread, floor, i + 1)).join('\n');
  const loadMore = options.loadMore ?? [];
  const firstExtra = thread.floors.length + 1;
  const loadMoreMarkup = loadMore.length
    ? `<template id="more-floors">${loadMore.map((floor, i) => renderDiscuzPost(thread, floor, firstExtra + i)).join('\n')}</template>
<button type="button" id="load-more" class="load-more">加载更多回复</button>
<script>
// Demo stand-in for Discuz's ajax pagination: appends the next floors when asked.
(function () {
  var button = document.getElementById('load-more');
  button.addEventListener('click', function () {
    var template = document.getElementById('more-floors');
    var anchor = document.getElementById('postlistreply');
    if (!template || !anchor) return;
    button.disabled = true;
    button.textContent = '正在加载…';
    setTimeout(function () {
      anchor.parentNode.insertBefore(document.importNode(template.content, true), anchor);
      template.remove();
      button.textContent = '没有更多回复了';
    }, 150);
  });
})();
</script>`
    : '';
  const body = `<div id="toptb" class="cl"><div class="wp"><div class="z"><a href="/">设为首页</a><a href="/">收藏本站</a></div><div class="y"><a href="/">登录</a><a href="/">立即注册</a></div></div></div>
<div id="hd"><div class="wp"><div class="hdc">
<h2>${escapeHtml(thread.siteName)}<small>澜江人自己的网上家园</small></h2>
<div id="scbar" class="cl"><input type="text" placeholder="请输入搜索内容"><button type="button">搜索</button></div>
</div>
<div id="nv"><ul><li><a href="/">首页</a></li><li class="a"><a href="/forum/thread-1001-1-1.html">论坛</a></li><li><a href="/news/2026-11/20/content_1.html">澜江新闻</a></li><li><a href="/gov/liuyan/list.html">问政澜江</a></li><li><a href="/">房产</a></li><li><a href="/">招聘</a></li><li><a href="/">分类信息</a></li></ul></div>
</div></div>
<div id="wp" class="wp">
<div id="pt" class="bm cl">
<div class="z">
<a href="/" class="nvhm" title="首页">${escapeHtml(thread.siteName)}</a><em>»</em><a href="forum.php">论坛</a> <em>›</em> <a href="forum.php?gid=1">澜江生活</a> <em>›</em> <a href="forum.php?mod=forumdisplay&amp;fid=${thread.fid}">${escapeHtml(thread.boardName)}</a> <em>›</em> <a href="forum.php?mod=viewthread&amp;tid=${thread.tid}">${escapeHtml(thread.subject)}</a>
</div>
</div>
<div id="ct" class="wp cl">
<div id="pgt" class="pgs mbm cl">
<span class="y pgb"><a href="forum.php?mod=forumdisplay&amp;fid=${thread.fid}">返回列表</a></span>
<a id="newspecial" class="pn" href="javascript:;" title="发新帖">发新帖</a>
</div>
<div id="postlist" class="pl bm">
<table cellspacing="0" cellpadding="0">
<tbody><tr>
<td class="pls ptn pbn">
<div class="hm ptn">
<span class="xg1">查看:</span> <span class="xi1">${thread.views}</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">${thread.replies}</span>
</div>
</td>
<td class="plc ptm pbn vwthd">
<h1 class="ts">
<span id="thread_subject">${escapeHtml(thread.subject)}</span>
</h1>
<span class="xg1"><a href="forum.php?mod=viewthread&amp;tid=${thread.tid}">[复制链接]</a></span>
</td>
</tr>
</tbody></table>
${posts}
<div id="postlistreply" class="pl"><div id="post_new" class="viewthread_table" style="display: none"></div></div>
</div>
${loadMoreMarkup}
${options.afterPosts ?? ''}
<div id="f_pst" class="pl bm bmw"><textarea placeholder="您需要登录后才可以回帖"></textarea><p><button type="button" class="pn">发表回复</button></p></div>
</div>
</div>
<div id="ft" class="wp cl">
<p>Powered by <strong><a href="/">Discuz!</a></strong> <em>X3.4</em> &copy; 2001-2026 Comsenz Inc.</p>
<p>${escapeHtml(thread.siteName)} 演示站点 · 本页内容均为虚构 · GMT+8, 2026-11-23 10:00</p>
</div>`;
  return htmlDocument({
    title: `${thread.subject} - ${thread.boardName} - ${thread.siteName} - Powered by Discuz!`,
    head: `<meta name="generator" content="Discuz! X3.4">
<meta name="author" content="Discuz! Team and Comsenz UI Team">
<meta name="keywords" content="${escapeHtml(thread.subject)}">
<meta name="description" content="${escapeHtml(thread.subject)} ,${escapeHtml(thread.siteName)}">
${options.head ?? ''}`,
    css: DISCUZ_CSS,
    bodyAttrs: 'id="nv_forum" class="pg_viewthread"',
    body,
  });
}

/** CSS of the Discuz touch (mobile) template: narrow, white cards, blue author names. */
const DISCUZ_TOUCH_CSS = `
body{margin:0;background:#f3f3f3;font:14px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#333}
a{color:#333;text-decoration:none}
.header{position:sticky;top:0;height:44px;line-height:44px;background:#2b7acd;color:#fff;text-align:center;font-size:17px;z-index:2}
.header .back{position:absolute;left:12px;color:#fff;font-size:15px}
.vt .bm{margin:8px 0;background:#fff}
.vt h2{margin:0;padding:12px;font-size:17px;line-height:1.5;border-bottom:1px solid #eee}
.vt h2 .xg1{display:block;font-size:12px;color:#999;font-weight:normal}
.plc{padding:10px 12px;border-bottom:1px solid #eee;background:#fff}
.cl:after{content:".";display:block;height:0;clear:both;visibility:hidden}
.display{margin-bottom:6px}
ul.authi{margin:0;padding:0;list-style:none}
ul.authi li{display:block}
ul.authi li.grey{color:#999;font-size:12px;line-height:20px}
ul.authi li.grey em{float:right;font-style:normal;color:#999}
ul.authi b a.blue{color:#2b7acd;font-size:14px}
.avatar{float:left;margin-right:8px}
.message{font-size:15px;line-height:1.75;word-break:break-all;clear:both;padding-top:4px}
.page{padding:14px;text-align:center;color:#999;font-size:13px}
`;

/** Renders the Discuz touch/mobile layout of a thread (`div.plc.cl#pid<pid>`, `ul.authi li.grey`, `div.message`). */
export function renderDiscuzTouchPage(thread: DiscuzThread): string {
  const posts = thread.floors
    .filter((floor) => !floor.deleted)
    .map((floor) => {
      const number = thread.floors.indexOf(floor) + 1;
      const label = DEFAULT_POSTNO[number - 1] ?? `${number}#`;
      return `<div class="plc cl" id="pid${floor.pid}">
<span class="avatar">${letterAvatar(floor.author, 34)}</span>
<div class="display pi">
<ul class="authi">
<li class="grey"><em>${label}</em><b><a href="home.php?mod=space&amp;uid=${floor.uid}" class="blue">${escapeHtml(floor.author)}</a></b></li>
<li class="grey rela">${escapeHtml(floor.time)}</li>
</ul>
<div class="message">${floor.body}</div>
</div>
</div>`;
    })
    .join('\n');
  return htmlDocument({
    title: `${thread.subject} - 触屏版 - ${thread.siteName}`,
    head: `<meta name="generator" content="Discuz! X3.4">`,
    css: DISCUZ_TOUCH_CSS,
    bodyAttrs: 'class="bg"',
    body: `<div class="header"><a class="back" href="/">‹ 返回</a>${escapeHtml(thread.siteName)}</div>
<div class="wp vt">
<div class="bm">
<h2>${escapeHtml(thread.subject)}<span class="xg1">查看: ${thread.views} | 回复: ${thread.replies} · ${escapeHtml(thread.boardName)}</span></h2>
<div class="postlist">
${posts}
</div>
</div>
<div class="page">— 已显示全部回复 · 标准版 —</div>
</div>`,
  });
}

/**
 * Discuz's message page (showmessage), e.g. for a deleted thread:
 * `#messagetext > p` holds the message, in the forum's frame.
 */
export function renderDiscuzMessagePage(thread: DiscuzThread, message: string): string {
  return htmlDocument({
    title: `提示信息 - ${thread.siteName}`,
    css: 'body{font:14px/1.8 "Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f4f4f4;color:#333}#ct{width:600px;margin:80px auto;background:#fff;border:1px solid #ccc;padding:24px}h3{margin:0 0 12px;font-size:16px}',
    body: `<div id="ct" class="wp cl w"><div class="nfl"><div class="f_c altw"><div id="messagetext" class="alert_error"><h3>${escapeHtml(thread.siteName)} 提示信息</h3><p>${escapeHtml(message)}</p><p class="alert_btnleft"><a href="/">[ 点击这里返回上一页 ]</a></p></div></div></div></div>`,
  });
}
