/**
 * A Weibo status detail page reproducing the new weibo.com Vue UI seen in the
 * corpus: hashed class names (`Feed_wrap_3v9LH`, `detail_wbtext_4CRf9`,
 * `head_name_24eEB`, `head-info_time_6sFQg`, `toolbar_num_JXZul`) so adapters
 * must match on prefixes, and comments in `.wbpro-list .item1` with author
 * `.con1 .text > a`, text `.con1 .text > span`, time/location `.info > div:first-child`.
 */
import { escapeHtml, htmlDocument, letterAvatar } from '../html.ts';

/** One comment under the status. */
export interface WeiboComment {
  uid: number;
  author: string;
  /** Weibo's short time form, `26-11-20 10:05`. */
  time: string;
  location: string;
  text: string;
  likes: number;
  mentionsCity: boolean;
}

/** The status itself. */
export const WEIBO_STATUS = {
  uid: 7012345678,
  author: '澜江身边事',
  time: '26-11-20 09:30',
  source: '微博网页版',
  id: 'Nx1',
  text: '【澜江市江北区白沙镇一楼盘烂尾三年 业主：住建局多次协调无果】#澜江烂尾楼# 近日，多名业主向本博反映，江北区白沙镇锦江华府项目停工近两年，开发商负责人失联。业主称已多次向澜江市住房和城乡建设局反映，至今未获实质答复。你怎么看？',
  reposts: 326,
  comments: 8,
  likes: 1520,
} as const;

/** Comments under the status. */
export const WEIBO_COMMENTS: readonly WeiboComment[] = [
  { uid: 6001, author: '江北小王子', time: '26-11-20 09:32', location: '来自澜江', text: '住建局出来说句话！', likes: 233, mentionsCity: true },
  { uid: 6002, author: '吃瓜不吐籽', time: '26-11-20 09:35', location: '来自广东', text: '又是烂尾，心疼业主。', likes: 41, mentionsCity: false },
  { uid: 6003, author: '白沙镇人在外地', time: '26-11-20 09:41', location: '来自浙江', text: '白沙镇老家的亲戚也买了这个盘，太惨了。', likes: 97, mentionsCity: true },
  { uid: 6004, author: '啤酒控', time: '26-11-20 09:50', location: '来自山东', text: '澜江啤酒yyds，和这事无关哈。', likes: 3, mentionsCity: false },
  { uid: 6005, author: '澜江律师在线', time: '26-11-20 10:05', location: '来自澜江', text: '建议业主保留好合同和付款凭证，可以向澜江市信访局和市政府热线同时反映。', likes: 156, mentionsCity: true },
  { uid: 6006, author: '路过的猫', time: '26-11-20 10:12', location: '来自上海', text: '上海澜江路也有个烂尾的商场，好多年了。', likes: 8, mentionsCity: false },
  { uid: 6007, author: '云溪在线', time: '26-11-20 10:30', location: '来自澜江', text: '云溪县也有工地欠薪，希望一起曝光。', likes: 64, mentionsCity: true },
  { uid: 6008, author: '早睡早起', time: '26-11-20 11:02', location: '来自北京', text: '转发了。', likes: 1, mentionsCity: false },
];

const WEIBO_CSS = `
body{margin:0;background:#f1f2f5;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#333}
a{color:#eb7350;text-decoration:none}
.woo-box-flex{display:flex}.woo-box-alignCenter{align-items:center}.woo-box-item-flex{flex:1}.woo-box-justifyBetween{justify-content:space-between}
.Nav_wrap_gHB1a{height:56px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.08);position:sticky;top:0;z-index:3}
.Nav_main_2OP2I{width:1000px;margin:0 auto;height:56px;display:flex;align-items:center;gap:20px}
.Nav_logo_2V5FC{font-size:22px;font-weight:bold;color:#ff8200}
.Nav_search_2bCvx{flex:1;max-width:300px;height:32px;border-radius:16px;background:#f2f2f2;line-height:32px;padding:0 14px;color:#999}
.Main_wrap_2GRrG{width:720px;margin:16px auto}
.woo-panel-main{background:#fff;border-radius:4px;margin-bottom:10px}
.Feed_body_3R0rO{padding:16px 20px 6px}
.head_avatar_20c9y{margin-right:12px}
.head_name_24eEB{font-weight:bold;color:#333;font-size:15px}
.head-info_info_2AspQ{font-size:12px;color:#939393;margin-top:2px}
.head-info_time_6sFQg{color:#939393;margin-right:8px}
.detail_wbtext_4CRf9{font-size:15px;line-height:1.75;margin:10px 0 12px;white-space:pre-wrap}
.detail_wbtext_4CRf9 a{color:#eb7350}
footer{border-top:1px solid #f0f0f0}
.toolbar_item_1ky_D{text-align:center;line-height:40px;color:#808080;font-size:13px}
.toolbar_num_JXZul,.woo-like-count{margin-left:6px}
.Detail_box_3Jeom{padding:10px 20px}
.Detail_box_3Jeom h4{margin:0 0 6px;font-size:15px}
.wbpro-list{padding:12px 0;border-bottom:1px solid #f2f2f2}
.item1in{gap:10px}
.con1 .text{line-height:1.7}
.con1 .text > a{color:#eb7350;margin-right:2px}
.info{font-size:12px;color:#939393;margin-top:4px}
.woo-like-main{border:0;background:none;color:#939393;cursor:pointer;font:inherit}
.woo-font{font-style:normal}
.Bottom_text_1kFLe{text-align:center;color:#999;font-size:12px;padding:14px 0}
`;

function renderComment(comment: WeiboComment): string {
  const href = `/u/${comment.uid}`;
  return `<div class="wbpro-scroller-item"><div class="wbpro-list"><div class="item1"><div class="item1in woo-box-flex"><div><a href="${href}" class="ALink_default_2ibt1"><div class="woo-avatar-main woo-avatar-hover Comment_cursor_2D2XL" usercard="${comment.uid}">${letterAvatar(comment.author, 34)}</div></a></div><div class="con1 woo-box-item-flex"><div class="text"><a href="${href}" class="ALink_default_2ibt1" usercard="${comment.uid}">${escapeHtml(comment.author)}</a>:<span>${escapeHtml(comment.text)}</span></div><div class="info woo-box-flex woo-box-alignCenter woo-box-justifyBetween"><div> ${escapeHtml(comment.time)} <span> ${escapeHtml(comment.location)}</span></div><div class="opt woo-box-flex"><button class="woo-like-main IconList_likebox_23Rt_" title="赞"><span class="woo-like-count">${comment.likes}</span></button></div></div></div></div></div><div class="list2"></div></div></div>`;
}

/** Renders `/weibo/status/Nx1`. */
export function renderWeiboStatusPage(): string {
  const s = WEIBO_STATUS;
  const text = escapeHtml(s.text).replace('#澜江烂尾楼#', '<a href="/weibo/search?q=%23%E6%BE%9C%E6%B1%9F%E7%83%82%E5%B0%BE%E6%A5%BC%23" target="_blank">#澜江烂尾楼#</a>');
  return htmlDocument({
    title: `${s.author}的微博 - 微博`,
    css: WEIBO_CSS,
    body: `<div id="app"><div class="Nav_wrap_gHB1a"><div class="Nav_main_2OP2I"><span class="Nav_logo_2V5FC">微博</span><span class="Nav_search_2bCvx">搜索微博</span></div></div>
<div class="Main_wrap_2GRrG">
<article class="woo-panel-main woo-panel-top woo-panel-right woo-panel-bottom woo-panel-left Feed_wrap_3v9LH Feed_normal_12A98 Detail_feed_3iffy" tabindex="0">
<div class="Feed_body_3R0rO"><header class="woo-box-flex"><a class="ALink_default_2ibt1" href="/u/${s.uid}" aria-label="${escapeHtml(s.author)}"><div class="woo-avatar-main head_avatar_20c9y" usercard="${s.uid}">${letterAvatar(s.author, 52)}</div></a>
<div class="woo-box-item-flex head_main_3DRDm"><div class="woo-box-flex woo-box-alignCenter head_nick_1yix2"><a class="ALink_default_2ibt1 head_cut_2Zcft head_name_24eEB" usercard="${s.uid}" href="/u/${s.uid}"><span title="${escapeHtml(s.author)}">${escapeHtml(s.author)}</span></a></div>
<div class="woo-box-flex woo-box-alignCenter head-info_info_2AspQ"><a title="" href="/weibo/status/${s.id}" class="head-info_time_6sFQg"> ${s.time} </a><div class="head-info_cut_1tPQI head-info_source_2zcEX">来自 ${escapeHtml(s.source)}</div></div></div></header>
<div class="wbpro-feed-content"><div class="detail_text_1U10O detail_ogText_2Z1Q8 wbpro-feed-ogText"><div class="detail_wbtext_4CRf9">${text}</div></div></div></div>
<footer aria-label="${s.reposts},${s.comments},${s.likes}"><div class="woo-box-flex"><div class="woo-box-item-flex toolbar_item_1ky_D"><i class="woo-font woo-font--retweet" title="转发">转发</i><span class="toolbar_num_JXZul"> ${s.reposts} </span></div><div class="woo-box-item-flex toolbar_item_1ky_D"><i class="woo-font woo-font--comment" title="评论">评论</i><span class="toolbar_num_JXZul"> ${s.comments} </span></div><div class="woo-box-item-flex toolbar_item_1ky_D"><button class="woo-like-main toolbar_btn_Cg9tz" title="赞">赞<span class="woo-like-count">${s.likes}</span></button></div></div></footer>
</article>
<div class="woo-panel-main Detail_box_3Jeom"><h4>评论 ${WEIBO_COMMENTS.length}</h4>
<div class="vue-recycle-scroller ready page-mode direction-vertical" id="scroller"><div class="vue-recycle-scroller__item-wrapper">
${WEIBO_COMMENTS.map(renderComment).join('\n')}
</div></div>
<div class="Bottom_text_1kFLe">已加载全部评论</div>
</div>
</div></div>`,
  });
}
