/** Profile 4 — 市综合行政执法局《综合行政执法网络舆情应对处置工作办法》 (seeds/003). */
import type { PolicyProfileInput } from '../schema';
import { GENERAL_TIERS, MAJOR_TIERS, STANDARD_TIERS } from './tiers';

const DOC = '《综合行政执法网络舆情应对处置工作办法》五、工作要求';

/** City comprehensive law-enforcement bureau: minute-level reporting with 力争 targets. */
export const LAW_ENFORCEMENT_BUREAU: PolicyProfileInput = {
  id: 'law-enforcement-bureau',
  name: '市综合行政执法局网络舆情应对处置',
  source: '《综合行政执法网络舆情应对处置工作办法》',
  builtIn: true,
  tiers: STANDARD_TIERS,
  categories: [
    { id: 'county-enforcement', name: '涉及县(市、区)综合执法部门', keywords: ['城管', '执法', '摊贩', '占道', '违建'], department: '属地综合执法(分)局' },
    { id: 'bureau', name: '涉及市局', keywords: ['市局', '综合执法局', '执法队'], department: '相关责任处室' },
    { id: 'unclear', name: '舆情指向不明、职责边界不清', keywords: [], department: '领导小组办公室指定处室或属地综合执法(分)局' },
  ],
  defaultCategory: 'unclear',
  routing: [
    { level: 'county', when: '涉及各县(市、区)综合执法部门', responsible: '属地综合执法(分)局', coordinator: '市局领导小组办公室(同步抄送局办公室)' },
    { level: 'city', when: '涉及市局', responsible: '承办处室(分管领导审核)', coordinator: '市局领导小组办公室(同步抄送局办公室)' },
    { level: 'unclear', when: '舆情指向不明、职责边界不清', responsible: '指定处室或属地综合执法(分)局协同办理', coordinator: '市局领导小组办公室' },
  ],
  ccList: ['局办公室'],
  mustRespondCriteria: [],
  sources: [
    { name: '省统一依申请公开平台', kind: 'platform' },
    { name: '市委网信办交办', kind: 'handover' },
    { name: '局微信公众号互动信息', kind: 'social' },
    { name: '网络生态舆情信息员主动发现', kind: 'other' },
  ],
  patrol: { slots: [], intervals: [], note: '网评员浏览相关网站、微博、微信等平台,实时监看(文件未规定巡查间隔)。' },
  claimWindow: null,
  deadlines: [
    {
      id: 'first-report-general',
      step: 'first-report',
      label: '口头汇报初步处置计划',
      from: 'captured',
      clock: 'hours',
      limit: 1,
      appliesTo: { tiers: [...GENERAL_TIERS] },
      source: DOC,
    },
    {
      id: 'written-report-general',
      step: 'written-report',
      label: '书面汇报',
      from: 'captured',
      clock: 'hours',
      limit: 2,
      appliesTo: { tiers: [...GENERAL_TIERS] },
      source: DOC,
    },
    {
      id: 'first-report-major',
      step: 'first-report',
      label: '报送初步情况(口头或书面)',
      from: 'captured',
      clock: 'minutes',
      limit: 30,
      target: 20,
      appliesTo: { tiers: [...MAJOR_TIERS] },
      source: DOC,
    },
    {
      id: 'written-report-major',
      step: 'written-report',
      label: '书面报送相关情况',
      from: 'captured',
      clock: 'minutes',
      limit: 90,
      target: 40,
      appliesTo: { tiers: [...MAJOR_TIERS] },
      source: DOC,
    },
  ],
  response: {
    channels: ['官方媒体', '局微信公众号'],
    linkToSource: false,
    guidance: [
      '首报要快、续报要准',
      '重大舆情难以在1.5小时内书面报送的,须提前口头报告并简要说明原因',
      '后续处置情况按要求报送',
      '第一时间发布信息,认真回应质询问题',
    ],
  },
  oversight: { bulletin: 'none', scored: [] },
  notes: ['重大舆情时限“事发后”起算;扩展能知道的最早时间是发现(采集)时间,故自采集起算。'],
};
