/** Profile 3 — 云和县, 2017 (seeds/002). */
import type { PolicyProfileInput } from '../schema';
import { MAJOR_TIERS, STANDARD_TIERS } from './tiers';

const DOC = '云和县人民政府办公室《关于在政务公开工作中进一步做好政务舆情回应的通知》(2017年9月27日)';

/** Yunhe county, 2017: four tiers, must-respond criteria. */
export const YUNHE_2017: PolicyProfileInput = {
  id: 'yunhe-2017',
  name: '云和县政务舆情回应(2017)',
  source: DOC,
  builtIn: true,
  tiers: STANDARD_TIERS,
  categories: [
    { id: 'major-policy', name: '县政府重大政策、重要决策部署', keywords: ['政策', '决策', '规划', '文件', '新规'], department: '县政府主管部门' },
    { id: 'township', name: '乡镇(街道)事务', keywords: ['乡镇', '街道', '村', '社区'], department: '涉事乡镇(街道)' },
    { id: 'disaster', name: '突发事件和自然灾害', keywords: ['事故', '灾害', '洪水', '台风', '地质', '伤亡', '火灾'], department: '县政府主管部门' },
    { id: 'rumour', name: '造谣传谣', keywords: ['谣言', '造谣', '传谣', '不实'], department: '公安机关、网络监管部门' },
    { id: 'other', name: '其他', keywords: [], department: '县政府办公室' },
  ],
  defaultCategory: 'other',
  routing: [
    { level: 'county', when: '涉及县政府重大政策、重要决策部署', responsible: '县政府主管部门', coordinator: '县政府办公室会同县委宣传部' },
    { level: 'township', when: '涉及单个乡镇(街道)', responsible: '涉事乡镇(街道)', coordinator: '县政府办公室会同县委宣传部' },
    { level: 'several', when: '涉及多个乡镇(街道)', responsible: '县政府主管部门', coordinator: '县政府办公室会同县委宣传部' },
    { level: 'several', when: '涉及多个部门', responsible: '相关部门按职责分工(必要时确定牵头部门)', coordinator: '县政府办公室会同县委宣传部' },
    { level: 'county', when: '特别重大政务舆情', responsible: '县政府主要领导和分管领导指导、协调、督促', tiers: ['especially-major'] },
  ],
  ccList: [],
  mustRespondCriteria: [
    { id: 'policy-misreading', text: '对重大政策措施存在误解误读的' },
    { id: 'public-interest', text: '涉及公众切身利益且产生较大影响的' },
    { id: 'moral-bottom-line', text: '涉及民生领域严重冲击社会道德底线的' },
    { id: 'emergency-disaster', text: '涉及突发事件处置和自然灾害应对的' },
    { id: 'higher-government', text: '上级政府要求下级政府主动回应的' },
  ],
  sources: [
    { name: '云和发布(微博、微信、客户端)', kind: 'social' },
    { name: '县政府门户网站', kind: 'portal' },
  ],
  patrol: { slots: [], intervals: [], note: '第一时间监测、收集(文件未规定巡查间隔)。' },
  claimWindow: null,
  deadlines: [
    {
      id: 'press-conference-major-sudden',
      step: 'press-conference',
      label: '新闻发布会',
      from: 'captured',
      clock: 'hours',
      limit: 24,
      appliesTo: { tiers: [...MAJOR_TIERS], flags: ['sudden-event'] },
      source: `${DOC} 四、提高政务舆情回应实效`,
    },
    {
      id: 'reply-other',
      step: 'reply',
      label: '回应',
      from: 'captured',
      clock: 'hours',
      limit: 48,
      appliesTo: { except: { tiers: [...MAJOR_TIERS], flags: ['sudden-event'] } },
      source: `${DOC} 四、提高政务舆情回应实效`,
    },
  ],
  response: {
    channels: ['发布权威信息', '新闻发布会或吹风会', '接受媒体采访', '“云和发布”政务新媒体矩阵', '县政府门户网站'],
    linkToSource: false,
    guidance: [
      '一般性舆情定期报告,重大舆情第一时间报告',
      '严重危害社会秩序和国家利益的造谣传谣行为,将线索移交公安机关、网络监管部门',
      '新闻发布会或吹风会由相关部门主要负责人或新闻发言人出席',
      '突发公共事件:第一时间发布简要信息,随后发布初步核实情况和应对措施',
    ],
  },
  oversight: { bulletin: 'periodic', scored: ['respond'] },
  notes: [
    '文件未设认领环节,时限自发现(采集)起算。',
    '“重大舆情第一时间报告”未给出具体时限。',
  ],
};
