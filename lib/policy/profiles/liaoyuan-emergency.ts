/** Profile 5 — 辽源市应急管理局政务舆情收集研判处置和回应机制 (seeds/004). */
import type { PolicyProfileInput } from '../schema';
import { STANDARD_TIERS } from './tiers';

/** Liaoyuan emergency-management bureau: principles and routing, no numeric deadlines. */
export const LIAOYUAN_EMERGENCY: PolicyProfileInput = {
  id: 'liaoyuan-emergency',
  name: '辽源市应急管理局政务舆情收集研判处置和回应',
  source: '《市应急管理局政务舆情收集研判处置和回应机制》',
  builtIn: true,
  tiers: STANDARD_TIERS,
  categories: [
    { id: 'emergency', name: '应急管理', keywords: ['应急', '事故', '灾害', '安全生产', '救援', '火灾', '洪水'], department: '市局办公室' },
    { id: 'other', name: '其他', keywords: [], department: '市局办公室' },
  ],
  defaultCategory: 'emergency',
  routing: [
    { level: 'city', when: '应急管理类舆情', responsible: '市局办公室(统筹报送)' },
    { level: 'county', when: '各县(区)局舆情', responsible: '县(区)局舆情应急处置负责人和联络人' },
    { level: 'several', when: '跨区域跨部门敏感舆情', responsible: '协同处置', coordinator: '市局办公室' },
  ],
  ccList: [],
  mustRespondCriteria: [],
  sources: [
    { name: '门户网站', kind: 'portal' },
    { name: '用户活跃论坛', kind: 'local-forum' },
    { name: '省、市政府转办', kind: 'handover' },
  ],
  patrol: { slots: [], intervals: [], note: '“全覆盖、全方位、全天候”日常监测和突发事件监测,不漏报、不迟报。' },
  claimWindow: null,
  deadlines: [],
  response: {
    channels: ['网上发布信息', '专家解读', '新闻发布会', '媒体专访'],
    linkToSource: false,
    guidance: [
      '谁主管谁发声、谁处置谁发声',
      '拟发布信息涉及其他行政机关的,应与有关行政机关沟通确认',
      '省、市政府转办的舆情:分析出处、发布时间、传播路径、跟帖情况、网民观点,处置回应后及时报送省、市政府',
    ],
  },
  oversight: { bulletin: 'none', scored: [] },
  notes: ['文件只规定原则与机制,没有具体时限;需要时限的单位可复制本配置并添加规则。'],
};
