/**
 * A news-portal article about 澜江市 with its comments, modelled on the 163
 * corpus page (`h1.post_title`, `.post_info` date + source, `.post_body`,
 * `.post_top_tie_count`) and, for the comments (which real portals render by
 * JS and no saved copy has), on douban's short-comment list:
 * `#comments .comment-item[data-cid]`, author `.comment-info > a`, time
 * `.comment-time[title]`, text `.short`, likes `.votes`.
 */
import { escapeHtml, htmlDocument, letterAvatar } from '../html.ts';

/** One reader comment (跟帖). */
export interface NewsComment {
  cid: number;
  author: string;
  /** `YYYY-MM-DD HH:MM:SS`. */
  time: string;
  location: string;
  text: string;
  votes: number;
  /** Whether the comment itself mentions the city (the article always does). */
  mentionsCity: boolean;
}

/** Comments below the article. */
export const NEWS_COMMENTS: readonly NewsComment[] = [
  { cid: 7001, author: '江北老住户', time: '2026-11-20 10:12:33', location: '澜江', votes: 1288, mentionsCity: true,
    text: '三年了才说“约谈”，住建局早干嘛去了？预售资金监管形同虚设。' },
  { cid: 7002, author: '网易用户_lj2231', time: '2026-11-20 10:15:02', location: '浙江', votes: 532, mentionsCity: false,
    text: '全国各地都有，不稀奇。' },
  { cid: 7003, author: '白沙镇业主', time: '2026-11-20 10:20:47', location: '澜江', votes: 976, mentionsCity: true,
    text: '我就是白沙镇锦江华府的业主，希望澜江市人民政府说到做到，年底前给个复工时间表。' },
  { cid: 7004, author: '理性吃瓜', time: '2026-11-20 10:31:10', location: '广东', votes: 88, mentionsCity: false,
    text: '开发商跑路，最后买单的总是老百姓。' },
  { cid: 7005, author: '啤酒爱好者', time: '2026-11-20 10:40:59', location: '山东', votes: 12, mentionsCity: false,
    text: '澜江啤酒还是挺好喝的，跑个题。' },
  { cid: 7006, author: '云溪县网友', time: '2026-11-20 11:02:18', location: '澜江', votes: 421, mentionsCity: true,
    text: '云溪县也有两个楼盘停工了，记者能不能也去看看？工人欠薪的事情也很严重。' },
  { cid: 7007, author: '上海网友', time: '2026-11-20 11:15:40', location: '上海', votes: 7, mentionsCity: false,
    text: '看成了上海澜江路，还以为是我家附近。' },
  { cid: 7008, author: '法律人士', time: '2026-11-20 11:30:05', location: '北京', votes: 302, mentionsCity: false,
    text: '业主可以考虑集体诉讼，同时申请财产保全。' },
  { cid: 7009, author: '江南区居民', time: '2026-11-20 12:01:44', location: '澜江', votes: 255, mentionsCity: true,
    text: '江南区桃源街道上个月也停水好几天，市政府的通报一个比一个慢。' },
  { cid: 7010, author: '网易用户_kk0901', time: '2026-11-20 12:20:16', location: '江苏', votes: 19, mentionsCity: false,
    text: '前排围观。' },
  { cid: 7011, author: '信访路上', time: '2026-11-20 13:05:27', location: '澜江', votes: 188, mentionsCity: true,
    text: '去过澜江市信访局三次，每次都让回去等。希望这次媒体曝光后能真正解决。' },
  { cid: 7012, author: '路人乙', time: '2026-11-20 14:48:51', location: '四川', votes: 3, mentionsCity: false,
    text: '希望早日解决吧。' },
];

const NEWS_CSS = `
body{margin:0;background:#fff;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#404040}
a{color:#404040;text-decoration:none}a:hover{color:#c00}
.ne_wrap{width:1200px;margin:0 auto}
.N-nav-top{height:36px;line-height:36px;background:#f8f8f8;border-bottom:1px solid #eee;font-size:12px;color:#666}
.N-nav-top a{margin-right:14px;color:#666}
.N-nav-channel{height:60px;line-height:60px;border-bottom:3px solid #c00}
.N-nav-channel .logo{font-size:28px;font-weight:bold;color:#c00;margin-right:30px;letter-spacing:1px}
.N-nav-channel a{margin-right:22px;font-size:16px}
.post_main{display:flex;gap:40px;margin-top:24px}
.post_content{width:760px}
.post_side{flex:1;border-left:1px solid #eee;padding-left:24px}
.post_side h4{margin:0 0 10px;border-left:4px solid #c00;padding-left:8px;font-size:16px}
.post_side li{margin-bottom:8px;list-style:none}
.post_side ul{padding:0;margin:0}
h1.post_title{font-size:30px;line-height:42px;margin:0 0 14px;color:#1a1a1a}
.post_info{color:#888;font-size:14px;border-bottom:1px solid #ddd;padding-bottom:14px;margin-bottom:24px}
.post_info a{color:#888}
.post_top_tie{float:right}
.post_info .post_top_tie_count{color:#c00;font-weight:bold}
.post_body{font-size:18px;line-height:32px;color:#404040}
.post_body p{margin:0 0 26px;text-indent:2em}
.post_body .f_center{text-align:center;text-indent:0}
.photo{display:block;margin:0 auto 8px;width:640px;height:300px;background:linear-gradient(160deg,#9bb3c9,#cfd8df 55%,#8a9aa6);color:#fff;line-height:300px;text-align:center;font-size:22px;text-indent:0}
.post_author{text-align:right;color:#888;font-size:14px;margin-bottom:30px}
.tie-area{border-top:2px solid #c00;padding-top:10px;margin-bottom:40px}
.tie-area h3{font-size:20px;margin:0 0 10px}
.tie-area h3 span{color:#c00}
#comments .comment-item{display:flex;gap:12px;padding:14px 0;border-bottom:1px solid #eee}
.comment{flex:1}
.comment h3{margin:0;font-size:13px;font-weight:normal;color:#999}
.comment-info > a{color:#2a5db0;font-size:14px;margin-right:10px}
.comment-vote{float:right;color:#999}
.votes{color:#c00;margin-right:4px}
.comment-time{margin-left:8px}
.comment-location{margin-left:8px}
.short{display:block;margin-top:6px;font-size:15px;color:#333;line-height:1.7}
.ne_footer{border-top:1px solid #ddd;padding:20px 0;color:#999;text-align:center;font-size:12px}
`;

function renderComment(comment: NewsComment): string {
  return `<div class="comment-item" data-cid="${comment.cid}">
<div class="avatar"><a title="${escapeHtml(comment.author)}" href="#">${letterAvatar(comment.author, 40)}</a></div>
<div class="comment">
<h3>
<span class="comment-vote"><span class="votes vote-count">${comment.votes}</span><a href="javascript:;" class="j a_show_login" data-id="${comment.cid}">顶</a></span>
<span class="comment-info"><a href="#" class="">${escapeHtml(comment.author)}</a><span class="comment-time" title="${escapeHtml(comment.time)}">${escapeHtml(comment.time.slice(0, 16))}</span><span class="comment-location">${escapeHtml(comment.location)}</span></span>
</h3>
<p class="comment-content"><span class="short">${escapeHtml(comment.text)}</span></p>
</div>
</div>`;
}

/** Renders the news article page with its comment list. */
export function renderNewsArticlePage(): string {
  const title = '澜江市通报江北区白沙镇锦江华府项目处置进展：约谈开发商，成立工作专班';
  const comments = NEWS_COMMENTS.map(renderComment).join('\n');
  return htmlDocument({
    title: `${title}|澜江|烂尾楼_网易新闻`,
    head: `<meta name="keywords" content="澜江,烂尾楼,住建局">
<meta name="description" content="${escapeHtml(title)}">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="article:published_time" content="2026-11-20T09:16:04+08:00">`,
    css: NEWS_CSS,
    body: `<div class="N-nav-top"><div class="ne_wrap"><a href="/">网易首页</a><a href="/">应用</a><a href="/">登录</a></div></div>
<div class="N-nav-channel"><div class="ne_wrap"><span class="logo">澜江新闻</span><a href="/">首页</a><a href="/">本地</a><a href="/">民生</a><a href="/">房产</a><a href="/">问政</a></div></div>
<div class="ne_wrap post_main">
<div class="post_content" id="contain">
<h1 class="post_title">${escapeHtml(title)}</h1>
<div class="post_info">2026-11-20 09:16:04\u3000来源: <a href="#">澜江日报</a> 澜江<span class="post_top_tie"><a class="post_top_tie_count js-tielink" href="#comments">${NEWS_COMMENTS.length}</a> 跟帖</span></div>
<div class="post_body">
<p class="f_center"><span class="photo">锦江华府项目现场（示意图）</span></p>
<p>本报讯（记者 林澜）11月19日，澜江市人民政府新闻办公室召开新闻发布会，通报江北区白沙镇锦江华府项目处置进展。发布会上，澜江市住房和城乡建设局相关负责人表示，针对该项目停工问题，市住建局已于本月约谈开发企业主要负责人，并会同江北区政府成立工作专班。</p>
<p>据介绍，锦江华府项目于2023年开工，共有住宅1260套，已售出980余套。今年初，因开发企业资金链断裂，项目全面停工，部分业主多次通过信访渠道反映诉求。澜江市信访局已将相关信访事项纳入重点督办。</p>
<p>该负责人表示，工作专班将对项目预售资金监管账户进行全面审计，依法追究相关责任；同时协调金融机构，争取年底前实现复工。对于项目建设过程中拖欠农民工工资的问题，澜江市人力资源和社会保障局已立案调查。</p>
<p>发布会还通报了近期江南区桃源街道停水事件的处置情况。澜江市城市管理综合行政执法局表示，停水系供水主管道老化破裂所致，目前已全部恢复供水，下一步将对全市老旧管网开展排查。</p>
</div>
<div class="post_author">本文来源：澜江日报\u3000责任编辑：王晓澜_NL1234</div>
<div class="tie-area" id="tieArea">
<h3>跟帖评论 <span>${NEWS_COMMENTS.length}</span> 条</h3>
<div id="comments" class="comment-list new_score">
${comments}
</div>
</div>
</div>
<div class="post_side">
<h4>热门推荐</h4>
<ul><li><a href="/">澜江啤酒节下月开幕</a></li><li><a href="/">冬季流感高发，专家提醒注意防护</a></li><li><a href="/">全国多地发布寒潮预警</a></li><li><a href="/">上海澜江路改造工程完工</a></li></ul>
</div>
</div>
<div class="ne_footer">演示页面 · 所有人名、地名、机构与事件均为虚构</div>`,
  });
}
