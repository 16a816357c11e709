/**
 * A Baidu Tieba thread page (澜江吧), reproducing the corpus page's DOM:
 * `#j_p_postlist > div.l_post.j_l_post[data-field]` (HTML-escaped JSON with
 * `\uXXXX` escapes, as Tieba prints it), `div.d_post_content#post_content_<pid>`,
 * `a.p_author_name`, `.post-tail-wrap span.tail-info` (client, `N楼`, date),
 * `h3.core_title_txt[title]`, `li.l_reply_num span.red`.
 */
import { escapeHtml, htmlDocument, letterAvatar } from '../html.ts';

/** One Tieba floor. */
export interface TiebaFloor {
  postId: number;
  postNo: number;
  userId: number;
  /** Account name in data-field (`author.user_name`); can differ from the nickname shown. */
  userName: string;
  /** Display nickname (`a.p_author_name`). */
  nickname: string;
  /** `YYYY-MM-DD HH:MM`. */
  time: string;
  client?: string;
  body: string;
  /** Whether the floor mentions the city (should be flagged). */
  mentionsCity: boolean;
}

/** Thread id used in URLs and data-field. */
export const TIEBA_THREAD_ID = 9000001;
const FORUM_ID = 27310;

/** Floors of `/tieba/p/9000001`. */
export const TIEBA_FLOORS: readonly TiebaFloor[] = [
  { postId: 150000000101, postNo: 1, userId: 3310021, userName: 'tb_taoyuan88', nickname: '桃源街道小透明', time: '2026-11-20 07:58', client: 'Android客户端', mentionsCity: true,
    body: '江南区桃源街道已经<strong>停水</strong>第三天了！自来水公司电话打不通，12345说已经转给澜江市住建局。小区里老人只能拎桶去消防栓接水，有没有人知道什么时候来水？' },
  { postId: 150000000102, postNo: 2, userId: 5521093, userName: 'lanjiang_fan', nickname: '澜江老炮儿', time: '2026-11-20 08:10', mentionsCity: true,
    body: '同桃源街道，听说是主管道爆了在抢修，市政府官网连个通知都没有。' },
  { postId: 150000000103, postNo: 3, userId: 7723001, userName: 'beer_lover', nickname: '啤酒肚', time: '2026-11-20 08:32', client: 'iPhone客户端', mentionsCity: false,
    body: '没水就喝澜江啤酒吧（狗头）' },
  { postId: 150000000105, postNo: 5, userId: 1209334, userName: 'xiaoyu_2019', nickname: '小鱼儿', time: '2026-11-20 09:05', mentionsCity: false,
    body: '楼上别闹，人家着急呢。' },
  { postId: 150000000106, postNo: 6, userId: 8830019, userName: 'jiangnan_mama', nickname: '江南宝妈', time: '2026-11-20 09:47', client: 'Android客户端', mentionsCity: true,
    body: '娃的学校也停水了，澜江市教育局有没有通知学校放假？卫生间都没法冲。' },
  { postId: 150000000107, postNo: 7, userId: 2201993, userName: 'game_boy', nickname: '游戏少年', time: '2026-11-20 10:20', mentionsCity: false,
    body: '有人一起开黑吗，今晚八点。' },
  { postId: 150000000109, postNo: 9, userId: 6601287, userName: 'yunxi_worker', nickname: '云溪搬砖人', time: '2026-11-20 11:02', mentionsCity: true,
    body: '云溪县这边工地<strong>欠薪</strong>的事也没人管，去劳动监察登记了三次。' },
  { postId: 150000000110, postNo: 10, userId: 4410077, userName: 'sh_runner', nickname: '魔都跑者', time: '2026-11-20 12:15', mentionsCity: false,
    body: '上海澜江路今天封路搞马拉松，出行的注意绕行。' },
  { postId: 150000000112, postNo: 12, userId: 9902211, userName: 'water_news', nickname: '澜江水务关注', time: '2026-11-20 14:40', mentionsCity: true,
    body: '刚看到澜江市城市管理综合行政执法局的回复：桃源街道供水管网预计今晚22点前恢复，请居民提前储水。' },
  { postId: 150000000113, postNo: 13, userId: 3003117, userName: 'passerby_x', nickname: '路人甲', time: '2026-11-20 15:03', client: 'iPhone客户端', mentionsCity: false,
    body: '蹲一个后续。' },
];

/** JSON with non-ASCII written as `\uXXXX`, as Tieba's `data-field` carries it. */
function tiebaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Tieba thread of the demo: its id, title and floors. */
export interface TiebaThread {
  id: number;
  title: string;
  floors: readonly TiebaFloor[];
}

/** Thread id of the second demo thread: the 锦江华府 unfinished estate, the story Weibo also carries. */
export const TIEBA_LANWEI_THREAD_ID = 9000002;

/**
 * Floors of `/tieba/p/9000002`: the same 舆情 as the Weibo status (one
 * unfinished estate in 白沙镇), told in a forum user's own words.
 */
export const TIEBA_LANWEI_FLOORS: readonly TiebaFloor[] = [
  { postId: 150000000201, postNo: 1, userId: 7710021, userName: 'baisha_yezhu', nickname: '锦江华府业主', time: '2026-11-20 08:40', client: 'iPhone客户端', mentionsCity: true,
    body: '澜江市江北区白沙镇锦江华府楼盘烂尾三年了，开发商负责人失联，工地停工快两年。业主多次向澜江市住房和城乡建设局反映，一直说在协调，至今没有实质答复。房贷照还，房子在哪？' },
  { postId: 150000000202, postNo: 2, userId: 7710022, userName: 'jiangbei_ren', nickname: '江北人', time: '2026-11-20 08:52', mentionsCity: true,
    body: '白沙镇这个盘我也买了，住建局能不能出来说句话。' },
  { postId: 150000000203, postNo: 3, userId: 7710023, userName: 'chigua', nickname: '吃瓜群众', time: '2026-11-20 09:05', mentionsCity: false,
    body: '顶一下，希望早日解决。' },
];

/** The demo's Tieba threads by id. */
export const TIEBA_THREADS: ReadonlyMap<number, TiebaThread> = new Map([
  [TIEBA_THREAD_ID, { id: TIEBA_THREAD_ID, title: '江南区桃源街道停水三天了，有人知道什么时候来水吗？', floors: TIEBA_FLOORS }],
  [TIEBA_LANWEI_THREAD_ID, { id: TIEBA_LANWEI_THREAD_ID, title: '白沙镇锦江华府烂尾三年，住建局到底管不管？', floors: TIEBA_LANWEI_FLOORS }],
]);

function renderFloor(floor: TiebaFloor, threadId: number): string {
  const portrait = `tb.1.${floor.userId.toString(16)}.demo`;
  const dataField = {
    author: { user_id: floor.userId, user_name: floor.userName, props: null, portrait, user_nickname: floor.nickname },
    content: {
      post_id: floor.postId, is_anonym: false, forum_id: FORUM_ID, thread_id: threadId, content: floor.body,
      isPlus: 0, builderId: 3310021, post_no: floor.postNo, type: '0', comment_num: 0, is_fold: 0, props: null, post_index: floor.postNo - 1, pb_tpoint: null,
    },
  };
  const home = `/home/main?id=${portrait}&amp;fr=pb`;
  return `<div class="l_post l_post_bright j_l_post clearfix  " data-field="${escapeHtml(tiebaJson(dataField))}" data-pid="${floor.postId}">
<div class="d_author">
${floor.postNo === 1 ? '<div class="louzhubiaoshi_wrap"><div class="louzhubiaoshi j_louzhubiaoshi" author="' + escapeHtml(floor.nickname) + '"><a href="#">楼主</a></div></div>' : ''}
<ul class="p_author">
<li class="icon"><div class="icon_relative j_user_card"><a target="_blank" class="p_author_face" href="${home}">${letterAvatar(floor.nickname, 80)}</a></div></li>
<li class="d_name" data-field="${escapeHtml(tiebaJson({ user_id: floor.userId }))}"><a data-field="${escapeHtml(tiebaJson({ un: floor.userName, id: portrait }))}" alog-group="p_author" class="p_author_name j_user_card" href="${home}" target="_blank">${escapeHtml(floor.nickname)}</a></li>
<li class="l_badge"><div class="p_badge"><a class="user_badge d_badge_bright" title="本吧头衔"><div class="d_badge_title">${floor.userId % 3 === 0 ? '初级粉丝' : '铁杆吧友'}</div><div class="d_badge_lv">${(floor.userId % 12) + 1}</div></a></div></li>
</ul>
</div>
<div class="d_post_content_main${floor.postNo === 1 ? ' d_post_content_firstfloor' : ''}" data-author="0">
<div class="p_content">
<cc><div id="post_content_${floor.postId}" class="d_post_content j_d_post_content " style="display:;">${floor.body}</div><br></cc>
</div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><div class="post-tail-wrap"><span class="j_jb_ele"><a rel="noopener" href="###" class="tail-info" data-checkun="un">举报</a></span>${floor.client ? `<span class="tail-info">来自<a rel="noopener" href="#" target="_blank">${escapeHtml(floor.client)}</a></span>` : ''}<span class="tail-info">${floor.postNo}楼</span><span class="tail-info">${escapeHtml(floor.time)}</span><a rel="noopener" href="#" class="p_reply${floor.postNo === 1 ? ' p_reply_first' : ''}">回复</a></div></div>
<div class="j_lzl_container core_reply_wrapper" style="min-height: 0px; display: none;" data-field="${escapeHtml(tiebaJson({ pid: floor.postId, floor_num: floor.postNo, total_num: 0 }))}"></div></div>
</div>
</div>`;
}

const TIEBA_CSS = `
body{margin:0;background:#eef2f7;font:12px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",Arial,sans-serif;color:#333}
a{color:#2d64b3;text-decoration:none}
.clearfix:after{content:"";display:block;clear:both}
.top-bar{height:40px;line-height:40px;background:#3385ff;color:#fff;padding:0 20px;font-size:14px}
.top-bar b{font-size:20px;margin-right:16px}
.top-bar a{color:#e8f0ff;margin-right:14px}
.card_top{width:980px;margin:16px auto 0;background:#fff url() no-repeat;padding:16px 20px;box-sizing:border-box;border-top:4px solid #3385ff}
.card_title_fname{font-size:22px;font-weight:bold;color:#333}
.card_num{color:#999;margin-left:12px}
.content{width:980px;margin:0 auto;background:#fff;box-sizing:border-box}
.core_title_wrap_bright{padding:14px 20px;border-bottom:1px solid #e4e6eb;border-top:1px solid #e4e6eb}
h3.core_title_txt{display:inline;margin:0;font-size:16px;font-weight:bold;color:#333}
.core_title_btns{float:right;color:#999}
.l_thread_info{padding:6px 20px;border-bottom:1px solid #e4e6eb;background:#f7f8fa}
.l_thread_info ul{margin:0;padding:0;list-style:none}
.l_reply_num{color:#666}.red{color:#f00}
.l_post{border-bottom:1px solid #e4e6eb;display:flex}
.d_author{width:130px;flex:none;padding:20px 0;text-align:center;background:#fbfbfd;border-right:1px solid #e4e6eb;position:relative}
.louzhubiaoshi{position:absolute;top:0;right:0;background:#ff7f3e;padding:0 4px}
.louzhubiaoshi a{color:#fff;font-size:11px}
.p_author{margin:0;padding:0;list-style:none}
.p_author li{margin:4px 0}
.p_author_name{font-size:13px;font-weight:bold}
.d_badge_title,.d_badge_lv{display:inline-block;font-size:11px;padding:0 4px;border-radius:2px}
.d_badge_title{background:#e5f0ff;color:#3385ff}.d_badge_lv{background:#3385ff;color:#fff}
.d_post_content_main{flex:1;padding:20px 24px 10px}
.d_post_content{font-size:14px;line-height:24px;min-height:48px;color:#333}
.d_post_content_firstfloor .d_post_content{font-size:15px}
.post-tail-wrap{text-align:right;color:#999}
.tail-info{margin-left:12px;color:#999}
.p_reply{margin-left:12px}
.pager{padding:16px 20px;color:#666}
.footer{width:980px;margin:16px auto;color:#999;text-align:center}
`;

/** Renders a Tieba thread page (default: the 桃源街道 water cut thread). */
export function renderTiebaThreadPage(thread: TiebaThread = TIEBA_THREADS.get(TIEBA_THREAD_ID)!): string {
  const { title } = thread;
  const floors = thread.floors.map((floor) => renderFloor(floor, thread.id)).join('\n');
  return htmlDocument({
    title: `${title}_澜江吧_百度贴吧`,
    css: TIEBA_CSS,
    body: `<div class="top-bar"><b>百度贴吧</b><a href="/">首页</a><a href="/">进吧</a><a href="/">会员</a></div>
<div class="card_top"><span class="card_title_fname">澜江吧</span><span class="card_num">关注：<span class="card_menNum">186,352</span> 贴子：<span class="card_infoNum">4,021,883</span></span></div>
<div class="content">
<div class="core_title_wrap_bright clearfix"><h3 class="core_title_txt pull-left text-overflow" title="${escapeHtml(title)}" style="width: 616px">${escapeHtml(title)}</h3><span class="core_title_btns"><a href="#">只看楼主</a> · <a href="#">收藏</a> · <a href="#">回复</a></span></div>
<div class="l_thread_info"><ul class="l_posts_num"><li class="l_reply_num" style="margin-left:8px"><span class="red" style="margin-right:3px">${thread.floors.length}</span>回复贴，共<span class="red">1</span>页</li></ul></div>
<div class="p_postlist" id="j_p_postlist">
${floors}
</div>
<div class="pager">回复贴：${thread.floors.length} 共 1 页</div>
</div>
<div class="footer">&copy;2026 Baidu 贴吧协议 · 演示页面，内容均为虚构</div>`,
  });
}
