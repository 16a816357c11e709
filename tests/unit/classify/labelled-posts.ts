/**
 * A labelled set of short posts in the style of the corpus (local forum
 * threads, portal news, Weibo), written before the rules were tuned. Each
 * label is what an officer applying the profile's defaults would decide:
 * the national accident grading (生产安全事故报告和调查处理条例 第三条) for
 * casualties and losses, public reaction and media raising attention, and
 * negations/refutations never raising a tier. Categories are those of the
 * Qinzhou routing profile (归口报送). `flags` lists flags that must be set;
 * `notFlags` flags that must not.
 */
import type { CaseFlag, TierId } from '../../../lib/cases/events';

export interface LabelledPost {
  text: string;
  tier: TierId;
  category: string;
  flags?: CaseFlag[];
  notFlags?: CaseFlag[];
  reaction?: { replies?: number; views?: number; reposts?: number };
}

export const LABELLED_POSTS: readonly LabelledPost[] = [
  // Casualties read as numbers (Arabic, Chinese, 余/多, 数十, N死M伤).
  { text: '某煤矿发生透水事故，12名矿工遇难', tier: 'major', category: 'emergency', flags: ['sudden-event'] },
  { text: '城郊工地脚手架倒塌，1人死亡', tier: 'general', category: 'emergency', flags: ['sudden-event'] },
  { text: '高速连环追尾2死3伤，现场交通管制', tier: 'general', category: 'emergency', flags: ['sudden-event'] },
  { text: '化工厂爆炸事故死亡人数升至10人', tier: 'major', category: 'emergency', flags: ['sudden-event'] },
  { text: '山体滑坡掩埋村庄，三十余人遇难', tier: 'especially-major', category: 'emergency', flags: ['sudden-event', 'major-casualties'] },
  { text: '烟花厂爆炸造成三人死亡、五人受伤', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '客车侧翻致二十九人死亡', tier: 'major', category: 'emergency', flags: ['sudden-event', 'major-casualties'] },
  { text: '隧道施工塌方，十二名工人被困，已确认5人死亡', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '一仓库凌晨起火，直接经济损失约2000万元，无人员伤亡', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '洪水冲毁堤坝，直接经济损失1.2亿元', tier: 'especially-major', category: 'emergency', flags: ['sudden-event'] },
  { text: '商场火灾造成数十人受伤，其中重伤12人', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '游船倾覆，死亡和失踪共三十二人', tier: 'especially-major', category: 'emergency', flags: ['sudden-event'] },
  { text: '化工园区泄漏，60名群众重伤入院', tier: 'major', category: 'emergency', flags: ['sudden-event'] },
  { text: '桥梁垮塌事故已致7人遇难', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '厂房爆炸，损失5000万元以上', tier: 'major', category: 'emergency', flags: ['sudden-event'] },
  { text: '山火烧了两天，过火面积很大，暂未发现人员伤亡', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  // Negation: never raises a tier.
  { text: '今早路口两车刮擦，事故未造成人员伤亡', tier: 'general', category: 'emergency' },
  { text: '小区变压器冒烟，没有人员受伤，供电已恢复', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '交警通报：该起事故无人员死亡', tier: 'general', category: 'emergency' },
  { text: '燃气管道轻微泄漏，处置及时，未造成伤亡和财产损失', tier: 'general', category: 'emergency' },
  // Refutation: a refuted rumour is flagged, not graded as the disaster it denies.
  { text: '网传大桥坍塌系谣言，大桥通行正常', tier: 'general', category: 'other', flags: ['rumour'], notFlags: ['sudden-event', 'major-casualties'] },
  { text: '网传某小学发生食物中毒30人死亡，经核实，该信息不实', tier: 'general', category: 'other', flags: ['rumour'], notFlags: ['major-casualties'] },
  { text: '关于水库溃坝的说法纯属谣言，请勿转发', tier: 'general', category: 'other', flags: ['rumour'], notFlags: ['sudden-event'] },
  { text: '警方辟谣：网传化工厂爆炸死亡数十人为虚假信息', tier: 'general', category: 'other', flags: ['rumour'], notFlags: ['major-casualties'] },
  { text: '有人在群里造谣说自来水有毒，已被派出所处理', tier: 'general', category: 'livelihood-infrastructure', flags: ['rumour'] },
  // Category by subject, not only the profile's keywords.
  { text: '实验小学食堂十二名学生吃完午饭后呕吐，疑似食物中毒送医', tier: 'larger', category: 'livelihood-food-drug', flags: ['sudden-event'] },
  { text: '某幼儿园午餐后多名孩子腹泻，家长怀疑饭菜变质', tier: 'general', category: 'livelihood-food-drug' },
  { text: '超市卖过期牛奶，投诉后店家不理', tier: 'general', category: 'livelihood-food-drug' },
  { text: '县一中晚自习强制收费，家长意见很大', tier: 'general', category: 'livelihood-education' },
  { text: '学校门口接送孩子的车辆太多，天天堵', tier: 'general', category: 'livelihood-education' },
  { text: '我们村小学的老师连续三个月没发工资', tier: 'general', category: 'livelihood-education' },
  { text: '某建筑公司拖欠农民工工资近半年', tier: 'general', category: 'livelihood-employment' },
  { text: '小区物业乱收停车费，业主多次反映无果', tier: 'general', category: 'livelihood-housing' },
  { text: '楼盘烂尾三年，购房者至今未拿到房', tier: 'general', category: 'livelihood-housing', flags: ['historical-legacy'] },
  { text: '镇卫生院看病要排一上午，医生态度差', tier: 'general', category: 'livelihood-health' },
  { text: '社区疫苗接种点预约不上', tier: 'general', category: 'livelihood-health' },
  { text: '菜市场猪肉价格一周涨了三成', tier: 'general', category: 'livelihood-prices' },
  { text: '低保名额被村干部亲戚占了', tier: 'general', category: 'livelihood-poverty' },
  { text: '移民安置房漏水，搬迁户反映半年没人修', tier: 'general', category: 'livelihood-relocation' },
  { text: '城东路灯坏了一个月，晚上走路很危险', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '新区停水三天，也没有提前通知', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '老旧小区电梯经常停运，困人好几次', tier: 'general', category: 'livelihood-quality' },
  { text: '外籍人员在酒吧与人发生冲突', tier: 'general', category: 'foreign' },
  { text: '上访群众反映征地补偿款迟迟不到位', tier: 'general', category: 'public-sentiment' },
  { text: '深夜烧烤摊有人打架，治安太差', tier: 'general', category: 'social-stability' },
  // Reaction and media raise a tier.
  { text: '开发区一工厂排放黑烟，附近居民苦不堪言', tier: 'larger', category: 'other', flags: ['high-attention'], reaction: { replies: 1500, views: 80_000 } },
  { text: '开发区一工厂排放黑烟，附近居民苦不堪言', tier: 'general', category: 'other', reaction: { replies: 12, views: 300 } },
  { text: '网友爆料：城管暴力执法视频浏览量已超过100万次', tier: 'major', category: 'other', flags: ['high-attention'] },
  { text: '网友发帖称医院乱收费，帖子跟帖2000多条', tier: 'larger', category: 'livelihood-health', flags: ['high-attention'] },
  { text: '央视曝光本市一食品厂使用过期原料', tier: 'major', category: 'livelihood-food-drug', flags: ['high-attention'] },
  { text: '省电视台记者暗访多家药店违规销售处方药', tier: 'larger', category: 'livelihood-food-drug', flags: ['high-attention'] },
  { text: '“天价停车费”登上微博热搜', tier: 'larger', category: 'livelihood-prices', flags: ['high-attention'] },
  { text: '多个乡镇村民反映自来水浑浊发黄', tier: 'larger', category: 'livelihood-infrastructure' },
  { text: '全县中小学午餐补助被克扣的帖子转发已超过1万次', tier: 'major', category: 'livelihood-education', flags: ['high-attention'] },
  // Sudden events without figures.
  { text: '刚才化工厂那边一声巨响，好像爆炸了', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  { text: '数百名业主聚集在售楼处维权', tier: 'larger', category: 'social-stability', flags: ['sudden-event'] },
  { text: '台风过境，沿海多个村庄停电', tier: 'larger', category: 'emergency', flags: ['sudden-event'] },
  // Ordinary posts.
  { text: '请问办理居住证需要什么材料', tier: 'general', category: 'other' },
  { text: '公园里的健身器材坏了没人修', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '公交车司机态度恶劣还绕路', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '建议在十字路口增加红绿灯', tier: 'general', category: 'livelihood-infrastructure' },
  { text: '这家餐馆后厨老鼠乱窜，卫生太差', tier: 'general', category: 'livelihood-food-drug' },
];
