/**
 * The demo city forum thread (澜江论坛, tid 1001): 24 floors on the page plus
 * 5 appended by "加载更多回复". `mentionsCity` marks the floors a correct
 * matcher flags, so e2e tests can assert exact counts.
 *
 * Deliberate traps: 澜江啤酒 (a beer brand) and 上海澜江路 (a Shanghai road)
 * must not be flagged; some floors write the city in variant forms
 * (traditional 瀾江市, spaced 澜 江 市, 澜*江 with a symbol, ideographic spaces).
 */
import type { DiscuzFloor, DiscuzThread } from '../pages/discuz.ts';

const BASE_PID = 81000;

/** Builds a floor with the pid derived from its floor number. */
function floor(n: number, uid: number, author: string, time: string, body: string, mentionsCity: boolean, extra: Partial<DiscuzFloor> = {}): DiscuzFloor {
  return { pid: BASE_PID + n, uid, author, time, body, mentionsCity, ...extra };
}

/** Floors shown on first load (floor number = index + 1). */
export const THREAD_1001_FLOORS: readonly DiscuzFloor[] = [
  floor(1, 23017, '白沙镇老陈', '2026-11-20 09:12:01',
    `江北区白沙镇的锦江华府项目，2023年交的首付，到现在整整三年，工地上一台塔吊都不动了，妥妥的<strong>烂尾楼</strong>。<br>
业主们去澜江市住房和城乡建设局反映了不下十次，每次都说“正在协调”。房贷每个月照还，房子在哪里？<br>
想问问住建局：预售资金监管账户里的钱到底去哪了？开发商老板听说已经联系不上了。<br>
<br>
有同样情况的业主请在下面留言，我们准备一起去市政府信访窗口。`, true, { group: '注册会员', editedNote: '本帖最后由 白沙镇老陈 于 2026-11-20 09:30 编辑' }),
  floor(2, 30442, '锦江华府业主群', '2026-11-20 09:20:47',
    `同是受害者。白沙镇这个盘去年就停工了，住建局回复说已经约谈开发商，然后就没下文了。`, true),
  floor(3, 18820, '老酒鬼阿强', '2026-11-20 09:31:15',
    `楼主消消气，今晚来一箱澜江啤酒，冰镇的，喝完睡一觉。`, false),
  floor(4, 41207, '河口打工人', '2026-11-20 09:45:33',
    `不光是烂尾楼，云溪县河口镇那个安置房工地也在<strong>拖欠工资</strong>，我表哥在那干了八个月钢筋工，欠薪十二万，包工头天天说下个月结。<br>去劳动监察大队登记了，说要排队。年底了，工人们都等着钱回家过年。`, true),
  floor(5, 5521, '钓鱼佬老王', '2026-11-20 10:02:18',
    `周末有人一起去水库钓鱼吗？最近鲫鱼很肯口，带上饵料就行。`, false),
  floor(6, 62011, '溪邊人家', '2026-11-20 10:15:09',
    `瀾江市生態環境局管不管？河口鎮污水處理廠旁邊那條溝，異味重得晚上都不敢開窗，小孩天天咳嗽。`, true, { group: '新手上路' }),
  floor(7, 9032, '沪漂小李', '2026-11-20 10:22:40',
    `跑个题：上海澜江路那家生煎包真的好吃，出差的朋友可以去试试，就在地铁站旁边。`, false),
  floor(8, 77310, '桃源街道居民', '2026-11-20 10:40:12',
    `澜 江 市 的 停水 通知 能不能 提前 发？这次 停水 两天，一点 预告 都没有，老人 小孩 怎么办。`, true),
  floor(9, 15003, '路过看看', '2026-11-20 11:03:56',
    `楼主加油，顶上去让更多人看到。`, false),
  floor(10, 33218, '滨江夜跑', '2026-11-20 11:26:27',
    `昨晚十一点滨江大道和江北大桥路口出了<strong>交通事故</strong>，一辆渣土车和电动车相撞，澜江警方已经到场处理，附近路段封了一个多小时。`, true),
  floor(11, 8842, '数码控', '2026-11-20 11:40:02',
    `这个论坛改版以后手机上看图好卡，管理员能优化一下吗？`, false),
  floor(12, 21905, '啤酒节志愿者', '2026-11-20 12:05:44',
    `澜江啤酒厂下个月办啤酒节，招志愿者，管饭管饮料，有意向的私信我。`, false),
  floor(13, 54120, '青石乡村民', '2026-11-20 13:18:21',
    `石门县青石乡这边也有问题：采石场夜里十二点还在放炮，<strong>噪音</strong>吵得整个村睡不着，打城管电话没人接，打到乡政府说不归他们管。`, true),
  floor(14, 1204, '吃瓜群众', '2026-11-20 13:30:07',
    `今天双色球又没中，继续努力。`, false),
  floor(15, 40005, '热心肠张姐', '2026-11-20 14:02:39',
    `建议直接去澜江市信访局反映，带上购房合同和付款凭证。也可以在市政府网站的领导留言板留言，一般15个工作日内会回复。`, true, { group: '金牌会员' }),
  floor(16, 7730, '考研党', '2026-11-20 14:45:50',
    `有没有人知道哪个图书馆周末开到晚上十点？`, false),
  floor(17, 12988, '段子手', '2026-11-20 15:10:13',
    `<div class="quote"><blockquote><font size="2"><a href="forum.php?mod=redirect&amp;goto=findpost&amp;pid=${BASE_PID + 3}"><font color="#999999">老酒鬼阿强 发表于 2026-11-20 09:31</font></a></font><br>楼主消消气，今晚来一箱澜江啤酒，冰镇的，喝完睡一觉。</blockquote></div>
喝完第二天还得还房贷，哈哈哈。`, false),
  floor(18, 66012, '早餐店顾客', '2026-11-20 16:22:31',
    `江南区桃源街道菜市场门口那家早餐店，包子馅发酸，吃完全家拉肚子，<strong>食品安全</strong>谁来管？已经打电话给澜江市市场监督管理局投诉了，等结果。`, true),
  floor(19, 3301, '宠物医生', '2026-11-20 17:05:18',
    `天冷了，家里有猫狗的注意保暖，别让它们睡阳台。`, false),
  floor(20, 29011, '已删除用户', '2026-11-20 18:11:42', '', false, { deleted: true }),
  floor(21, 11873, '拆迁户小赵', '2026-11-21 11:01:32',
    `听说澜*江那边老城区又要<strong>拆迁</strong>了，补偿标准谁知道？评估公司是谁请的？`, true, { relative: '2 天前' }),
  floor(22, 9981, '旅行家', '2026-11-21 15:47:09',
    `上周去上海，住在澜江路附近，交通挺方便的，推荐。`, false, { relative: '2 天前' }),
  floor(23, 50231, '学生家长', '2026-11-22 08:30:55',
    `顺便问一句，澜\u3000江\u3000市\u3000教育局今年的划片方案什么时候公布？我们小区的学位够不够？`, true, { relative: '昨天 08:30' }),
  floor(24, 2288, '夜猫子', '2026-11-23 01:12:40',
    `半夜睡不着，来论坛逛逛，大家晚安。`, false, { relative: '8 小时前' }),
];

/** Floors appended by the "加载更多回复" button (floors 25–29). */
export const THREAD_1001_MORE_FLOORS: readonly DiscuzFloor[] = [
  floor(25, 70433, '云溪县老乡', '2026-11-23 07:45:12',
    `云溪县城管局今天早上又在河口镇集市收摊，推搡了卖菜的老人，有视频，大家评评理。`, true, { relative: '3 小时前' }),
  floor(26, 4410, '上班族', '2026-11-23 08:02:33',
    `早上地铁好挤，大家都注意安全。`, false, { relative: '2 小时前' }),
  floor(27, 60089, '江北业主代表', '2026-11-23 08:40:01',
    `更新：今天上午锦江华府业主代表去了澜江市人民政府，住建局分管领导出来接待了，说下周给书面答复。`, true, { relative: '1 小时前' }),
  floor(28, 3377, '音乐爱好者', '2026-11-23 09:10:27',
    `推荐一首歌，最近单曲循环。`, false, { relative: '半小时前' }),
  floor(29, 82311, '应急志愿者', '2026-11-23 09:31:58',
    `江南区桃源街道那段堤坝有裂缝，已经报给市应急管理局了，附近居民注意安全。`, true, { relative: '5 分钟前' }),
];

/** The thread as rendered on `/forum/thread-1001-1-1.html`. */
export const THREAD_1001: DiscuzThread = {
  tid: 1001,
  fid: 36,
  siteName: '澜江论坛',
  boardName: '民生热线',
  subject: '江北区白沙镇锦江华府烂尾三年，住建局到底管不管？',
  views: 12873,
  replies: 28,
  floors: THREAD_1001_FLOORS,
};
