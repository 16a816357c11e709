/**
 * Messages of the demo government message board (问政澜江 · 领导留言板).
 * `mentionsCity` says whether the title or content (not the department
 * field, which always names an agency) mentions a watched region or agency.
 */

/** Handling status as the board prints it. */
export type LiuyanStatus = '已回复' | '办理中' | '未回复';

/** The official reply to a message. */
export interface LiuyanReply {
  unit: string;
  /** `YYYY-MM-DD HH:MM`. */
  time: string;
  content: string;
  /** The reply's text names a watched place (江北区, 澜江…): the reply is an entry of its own and is flagged too. */
  mentionsCity?: boolean;
}

/** One message on the board. */
export interface LiuyanMessage {
  id: number;
  title: string;
  content: string;
  /** Masked name, as boards print it (张**). */
  author: string;
  /** `YYYY-MM-DD HH:MM`. */
  time: string;
  /** 留言对象 / 受理部门. */
  dept: string;
  status: LiuyanStatus;
  category: string;
  reply?: LiuyanReply;
  mentionsCity: boolean;
}

/** All messages, newest first (the list page order). */
export const LIUYAN_MESSAGES: readonly LiuyanMessage[] = [
  { id: 5001, title: '江北区白沙镇锦江华府项目烂尾三年，何时复工？', category: '城乡建设', author: '陈**', time: '2026-11-18 21:14', dept: '澜江市住房和城乡建设局', status: '已回复', mentionsCity: true,
    content: '尊敬的领导：我是江北区白沙镇锦江华府项目的业主，2023年购房并按时还贷，项目自2025年初停工至今已近两年，成了烂尾楼。开发商负责人联系不上，业主多次向住建局反映均无实质进展。恳请领导关注，督促尽快复工，并公开预售资金监管账户的使用情况。',
    reply: { unit: '澜江市住房和城乡建设局', time: '2026-11-21 16:30', content: '陈先生（女士）：您好！您反映的问题已收悉。经核实，锦江华府项目因开发企业资金链断裂停工。我局已于11月15日约谈开发企业，并会同江北区人民政府成立工作专班，目前正对预售资金监管账户开展专项审计，力争年底前复工。后续进展将在市政府门户网站公布。感谢您对住房城乡建设工作的关心和支持！', mentionsCity: true } },
  { id: 5002, title: '云溪县河口镇安置房工地拖欠农民工工资', category: '劳动和社会保障', author: '李**', time: '2026-11-18 09:02', dept: '澜江市人力资源和社会保障局', status: '办理中', mentionsCity: true,
    content: '云溪县河口镇安置房二期工地，包工头拖欠30多名工人工资共计约80万元，工人多次讨要未果，年关将近，请相关部门帮助解决欠薪问题。' },
  { id: 5003, title: '河口镇污水处理厂附近异味严重', category: '环境保护', author: '王**', time: '2026-11-17 20:45', dept: '澜江市生态环境局', status: '已回复', mentionsCity: true,
    content: '河口镇污水处理厂东侧排污沟常年散发异味，夏天尤其严重，周边居民无法开窗，希望环保局派人检测并整改。',
    reply: { unit: '澜江市生态环境局', time: '2026-11-20 10:05', content: '您好！接到留言后，我局执法人员于11月19日赴现场核查，发现该厂东侧排污沟存在淤积，已责令运营单位于12月10日前完成清淤和加盖密闭，我局将持续跟踪监测。' } },
  { id: 5004, title: '桃源街道连续停水两天没有提前通知', category: '城市管理', author: '赵**', time: '2026-11-16 08:30', dept: '澜江市城市管理综合行政执法局', status: '已回复', mentionsCity: true,
    content: '江南区桃源街道11月14日至15日停水两天，事先没有任何通知，老人小孩生活非常不便。希望今后停水能提前公告。',
    reply: { unit: '澜江市城市管理综合行政执法局', time: '2026-11-18 14:20', content: '您好！此次停水系供水主管道突发爆管，属紧急抢修，未能提前通知，给您带来不便深表歉意。我局已要求供水企业完善停水信息发布机制，计划停水须提前24小时公告。' } },
  { id: 5005, title: '青石乡采石场夜间放炮噪音扰民', category: '环境保护', author: '孙**', time: '2026-11-15 23:10', dept: '石门县人民政府', status: '未回复', mentionsCity: true,
    content: '石门县青石乡采石场经常在夜里十一二点放炮，噪音很大，震得窗户响，全村人都睡不好，请求有关部门查处。' },
  { id: 5006, title: '咨询社保卡补办需要哪些材料', category: '咨询', author: '周**', time: '2026-11-15 10:22', dept: '澜江市人力资源和社会保障局', status: '已回复', mentionsCity: false,
    content: '您好，社保卡丢了，想问一下补办需要带什么材料，可以在网上办理吗？',
    reply: { unit: '澜江市人力资源和社会保障局', time: '2026-11-16 09:00', content: '您好！携带本人身份证到任一社保服务网点即可补办，也可通过“澜江人社”微信公众号在线申请，制卡后邮寄到家。', mentionsCity: true } },
  { id: 5007, title: '桃源街道菜市场早餐店食品安全问题', category: '市场监管', author: '吴**', time: '2026-11-14 12:40', dept: '澜江市市场监督管理局', status: '办理中', mentionsCity: true,
    content: '江南区桃源街道菜市场门口一家早餐店包子馅料变质，全家食用后腹泻，反映食品安全问题，请市场监管局查处。' },
  { id: 5008, title: '滨江大道江北大桥路口交通事故频发', category: '公安交通', author: '郑**', time: '2026-11-13 19:05', dept: '澜江市公安局', status: '已回复', mentionsCity: true,
    content: '江北区滨江大道与江北大桥路口没有红绿灯，渣土车速度很快，近一个月发生了三起交通事故，建议加装信号灯和测速。',
    reply: { unit: '澜江市公安局交通警察支队', time: '2026-11-17 11:45', content: '您好！经现场勘查，该路口已列入年度信号灯建设计划，预计12月底前完成安装；在此之前，我支队已增派警力在高峰时段值守，并对渣土车开展专项整治。' } },
  { id: 5009, title: '老城区拆迁补偿标准不透明', category: '城乡建设', author: '冯**', time: '2026-11-12 16:18', dept: '澜江市住房和城乡建设局', status: '未回复', mentionsCity: true,
    content: '澜江老城区棚改拆迁，评估公司由谁选定？补偿标准为什么不公开？请公布评估结果和补偿方案。' },
  { id: 5010, title: '建议增加公交线路', category: '交通运输', author: '陈**', time: '2026-11-11 07:55', dept: '澜江市交通运输局', status: '已回复', mentionsCity: false,
    content: '我们小区到地铁站没有公交车，每天上下班很不方便，建议开通一条接驳线路。',
    reply: { unit: '澜江市交通运输局', time: '2026-11-14 15:10', content: '您好！您的建议已转公交集团研究，将结合客流调查情况统筹考虑线网优化。' } },
  { id: 5011, title: '江北区学校划片方案何时公布', category: '教育', author: '卫**', time: '2026-11-10 21:30', dept: '澜江市教育局', status: '办理中', mentionsCity: true,
    content: '请问澜江市教育局，2027年江北区小学划片方案什么时候公布？新建小区学位是否充足？' },
  { id: 5012, title: '云溪县医院挂号难', category: '卫生健康', author: '蒋**', time: '2026-11-09 11:11', dept: '澜江市卫生健康委员会', status: '已回复', mentionsCity: true,
    content: '云溪县人民医院专家号每天早上几分钟就抢光，老年人不会用手机，希望卫健委能保留一部分现场号。',
    reply: { unit: '澜江市卫生健康委员会', time: '2026-11-12 09:30', content: '您好！我委已要求县级医院每日保留不少于30%的现场号源，并在门诊大厅设置老年人绿色通道。' } },
  { id: 5013, title: '小区物业乱收费', category: '城乡建设', author: '沈**', time: '2026-11-08 18:02', dept: '澜江市住房和城乡建设局', status: '未回复', mentionsCity: false,
    content: '物业今年突然上调停车费，也没有开业主大会，请问这样合规吗？' },
  { id: 5014, title: '白沙镇河道垃圾无人清理', category: '城市管理', author: '韩**', time: '2026-11-07 08:48', dept: '江北区人民政府', status: '已回复', mentionsCity: true,
    content: '白沙镇老街旁边的河道里漂满垃圾，已经一个多月没人清理了，希望镇政府和城管部门重视。',
    reply: { unit: '江北区白沙镇人民政府', time: '2026-11-10 17:00', content: '您好！我镇已组织保洁人员完成该河段清理，并将其纳入日常保洁范围，每周巡查两次。' } },
  { id: 5015, title: '建议开放学校操场', category: '教育', author: '杨**', time: '2026-11-06 20:20', dept: '澜江市教育局', status: '办理中', mentionsCity: false,
    content: '周末学校操场空着，附近居民没有锻炼场地，建议在保证安全的前提下向社会开放。' },
];
