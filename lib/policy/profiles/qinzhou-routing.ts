/** Profile 2 — 市人民政府政务舆情收集研判和回应流程 with the 归口报送 table (seeds/001, mentions 钦州日报社). */
import type { PolicyProfileInput } from '../schema';
import { MAJOR_TIERS, STANDARD_TIERS } from './tiers';

const DOC = '《市人民政府政务舆情收集研判和回应流程》(附件1、附件2)';

/** Livelihood sub-sectors: each reported by its competent department (以市各行业主管部门报送为主). */
const LIVELIHOOD: { id: string; name: string; keywords: string[] }[] = [
  { id: 'employment', name: '就业', keywords: ['就业', '招聘', '失业', '工资', '欠薪', '农民工'] },
  { id: 'housing', name: '住房', keywords: ['住房', '房价', '楼盘', '物业', '烂尾', '保障房', '拆迁'] },
  { id: 'education', name: '教育', keywords: ['学校', '教育', '学生', '老师', '教师', '入学', '补课'] },
  { id: 'health', name: '卫生计生', keywords: ['医院', '医生', '医疗', '卫生', '计生', '疫苗'] },
  { id: 'quality', name: '质监', keywords: ['质量', '质监', '电梯', '假冒', '伪劣'] },
  { id: 'food-drug', name: '食品药品安全', keywords: ['食品', '药品', '食堂', '中毒', '过期', '餐馆'] },
  { id: 'prices', name: '价格', keywords: ['价格', '涨价', '收费', '乱收费', '物价'] },
  { id: 'poverty', name: '扶贫', keywords: ['扶贫', '贫困', '低保', '救助'] },
  { id: 'relocation', name: '移民搬迁', keywords: ['移民', '搬迁', '安置'] },
  { id: 'infrastructure', name: '公共基础设施建设', keywords: ['道路', '修路', '路灯', '供水', '停水', '停电', '排水', '公交'] },
];

/** City government flow with department routing. */
export const QINZHOU_ROUTING: PolicyProfileInput = {
  id: 'qinzhou-routing',
  name: '市人民政府政务舆情归口报送与回应(钦州)',
  source: DOC,
  builtIn: true,
  tiers: STANDARD_TIERS,
  categories: [
    ...LIVELIHOOD.map((sector) => ({
      id: `livelihood-${sector.id}`,
      name: `民生热点·${sector.name}`,
      keywords: sector.keywords,
      department: `市${sector.name}行业主管部门`,
    })),
    { id: 'public-sentiment', name: '社情民意', keywords: ['信访', '上访', '投诉', '诉求', '民意'], department: '市信访局' },
    { id: 'external-publicity', name: '对外宣传', keywords: ['宣传', '形象', '报道', '媒体'], department: '市委宣传部' },
    { id: 'social-stability', name: '社会稳定', keywords: ['聚集', '冲突', '群体', '治安', '打架', '维权'], department: '市公安局' },
    { id: 'foreign', name: '涉外', keywords: ['外国', '外籍', '涉外', '外商', '侨'], department: '市外侨办' },
    { id: 'emergency', name: '应急管理', keywords: ['事故', '火灾', '爆炸', '洪水', '台风', '塌方', '伤亡'], department: '市应急办' },
    { id: 'other', name: '其他', keywords: [], department: '市人民政府办公室' },
  ],
  defaultCategory: 'other',
  routing: [
    { level: 'city', when: '按类别归口报送(见分类表)', responsible: '归口报送部门' },
    { level: 'several', when: '需要会商研判时', responsible: '相关部门', coordinator: '市人民政府办公室' },
    { level: 'unclear', when: '其他政务舆情信息', responsible: '市人民政府办公室' },
  ],
  ccList: ['市政务公开工作领导小组办公室', '市新闻办', '市网信办'],
  mustRespondCriteria: [],
  sources: [
    { name: '门户网站', kind: 'portal' },
    { name: '论坛', kind: 'local-forum' },
    { name: '博客', kind: 'social' },
    { name: '微博', kind: 'social' },
    { name: '微信', kind: 'social' },
    { name: '微视(短视频)', kind: 'social' },
    { name: '移动客户端', kind: 'platform' },
    { name: '网络问政', kind: 'platform' },
    { name: '热线电话', kind: 'other' },
    { name: '新闻跟帖', kind: 'portal' },
    { name: '报刊、广播电视', kind: 'other' },
  ],
  patrol: { slots: [], intervals: [], note: '每天不定时监测收集(文件未规定巡查间隔)。' },
  claimWindow: null,
  deadlines: [
    {
      id: 'publish-facts-major-sudden',
      step: 'publish-facts',
      label: '发布事实(已掌握的事实类信息)',
      from: 'claimed',
      clock: 'hours',
      limit: 1,
      appliesTo: { tiers: [...MAJOR_TIERS], flags: ['sudden-event'] },
      source: `${DOC} 三、应对处置`,
    },
    {
      id: 'press-conference-major-casualties',
      step: 'press-conference',
      label: '新闻发布会(视情连续召开)',
      from: 'claimed',
      clock: 'hours',
      limit: 24,
      appliesTo: { tiers: [...MAJOR_TIERS], flags: ['sudden-event', 'major-casualties'] },
      source: `${DOC} 三、应对处置`,
    },
    {
      id: 'reply-other',
      step: 'reply',
      label: '回应',
      from: 'claimed',
      clock: 'hours',
      limit: 48,
      appliesTo: { except: { tiers: [...MAJOR_TIERS], flags: ['sudden-event'] } },
      source: `${DOC} 三、应对处置`,
    },
  ],
  response: {
    channels: ['新闻发布会', '政府门户网站', '政务微博', '政务微信', '手机短信', '报刊、广播电视', '新闻网站'],
    linkToSource: false,
    guidance: [
      '情况不真实或有较大出入:及时公开政务信息,说明真实情况,澄清事实真相',
      '情况属实:公开采取的工作措施、处置结果',
      '回应后根据工作进展持续发布权威信息',
      '报送时同时抄送市政务公开工作领导小组办公室、市新闻办、市网信办',
    ],
  },
  oversight: { bulletin: 'periodic', scored: ['respond'] },
  notes: [
    '时限自“市人民政府相关部门认领后”起算。',
    '“其他政务舆情”指特别重大、重大突发事件以外的舆情,48小时内回应。',
    '民生热点各行业的主管部门名称由各地在复制的配置中改为实际部门。',
  ],
};
