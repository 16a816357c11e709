/**
 * 舆情专报 (one case) and 舆情日志 (the day's log): the documents 上报 sends
 * to the department head and the leader in charge (宣政办秘〔2015〕1号:
 * "通过舆情日志、舆情专报" within 2 hours). Both are built from the claim log
 * alone (a case's replayed state and its deadlines), as data, as plain text
 * to copy into a message, and as a printable page in the office document
 * style: red title, issue line, then 报送单位 / 时间 / 来源 / 摘要 / 研判 /
 * 处置建议.
 */
import { formatChinaTime } from '../format/china-time';
import type { CaseFlag } from '../cases/events';
import type { CaseState, Deadline } from '../cases';
import type { PolicyProfile } from '../policy/schema';

/** Chinese labels of the case flags, as the documents say them. */
export const FLAG_LABELS: Readonly<Record<CaseFlag, string>> = {
  'historical-legacy': '历史遗留问题',
  'high-attention': '社会关注度高',
  'leader-instruction': '领导批示',
  'sudden-event': '突发事件',
  'major-casualties': '重大伤亡或影响大',
  'must-respond': '需重点回应',
  rumour: '谣言',
};

/** One 舆情专报, every field already in Chinese. */
export interface SpecialReport {
  title: string;
  /** 报送单位. */
  office: string;
  /** 时间 (China time, 'YYYY-MM-DD HH:mm'). */
  issuedAt: string;
  /** 主送 and 抄送. */
  to: string[];
  cc: string[];
  source: { site: string; url: string; author?: string; publishedAt?: string; capturedAt: string; replies?: number; views?: number };
  /** 摘要: the post as captured. */
  summary: string;
  /** 研判: tier, category, department, flags and the reasons. */
  assessment: { tier: string; category: string; department: string; flags: string[]; reasons: string[] };
  /** 处置建议: the next steps with their limits, from the profile. */
  proposals: string[];
  /** The profile's document, e.g. 宣政办秘〔2015〕1号. */
  basis: string;
}

/** Inputs besides the case: who reports, when, and the case's deadlines at that moment. */
export interface ReportContext {
  /** 报送单位: the officer's department. */
  office: string;
  /** Epoch ms of issue. */
  now: number;
  deadlines: readonly Deadline[];
  /** Category name by id (the profile's names). */
  policy: PolicyProfile;
}

/** The 舆情专报 of one case. Pure: the same state, deadlines and `now` give the same report. */
export function buildSpecialReport(state: CaseState, context: ReportContext): SpecialReport {
  const { policy } = context;
  const capture = state.capture;
  const tierLabel = state.tier ? (policy.tiers.find((t) => t.id === state.tier)?.label ?? state.tier) : '尚未研判';
  const category = state.category ? (policy.categories.find((c) => c.id === state.category)?.name ?? state.category) : '尚未研判';
  const department = state.department ?? state.claimedBy ?? '尚未认领';
  const proposals: string[] = [];
  for (const deadline of context.deadlines) {
    if (deadline.status !== 'pending' && deadline.status !== 'overdue') continue;
    const target = deadline.target !== undefined ? `（力争${formatChinaTime(deadline.target)}前）` : '';
    const late = deadline.status === 'overdue' ? '，已逾期' : '';
    const provisional = deadline.provisional ? '（按法定节假日推算，调休以国务院通知为准）' : '';
    proposals.push(`${department}于${formatChinaTime(deadline.limit)}前完成“${deadline.label}”${target}${late}${provisional}`);
  }
  if (state.flags.includes('rumour')) proposals.push('对造谣传谣的，移交公安机关、网络监管部门依法处置');
  if (state.flags.includes('high-attention')) proposals.push('回复内容报信息办审核后发布');
  for (const guidance of policy.response.guidance) proposals.push(guidance);
  if (policy.response.linkToSource) proposals.push(`回复时链接原帖：${capture.url}`);
  return {
    title: `关于“${capture.title}”的舆情专报`,
    office: context.office,
    issuedAt: formatChinaTime(context.now),
    to: [department],
    cc: [...policy.ccList],
    source: {
      site: capture.siteName ?? capture.site,
      url: capture.url,
      ...(capture.author ? { author: capture.author } : {}),
      ...(capture.publishedAt ? { publishedAt: capture.publishedAt } : {}),
      capturedAt: formatChinaTime(capture.capturedAt),
      ...(capture.replies !== undefined ? { replies: capture.replies } : {}),
      ...(capture.views !== undefined ? { views: capture.views } : {}),
    },
    summary: capture.excerpt,
    assessment: {
      tier: tierLabel,
      category,
      department,
      flags: state.flags.map((flag) => FLAG_LABELS[flag]),
      reasons: [...state.assessmentReasons],
    },
    proposals,
    basis: policy.source,
  };
}

/** The 舆情专报 as plain text, ready to paste into a message or the 上报 note. */
export function specialReportText(report: SpecialReport): string {
  const source = report.source;
  const reaction = [
    source.replies !== undefined ? `跟帖${source.replies}` : '',
    source.views !== undefined ? `浏览${source.views}` : '',
  ].filter(Boolean);
  const lines = [
    '舆情专报',
    report.title,
    `报送单位：${report.office}`,
    `时间：${report.issuedAt}`,
    `主送：${report.to.join('、')}${report.cc.length > 0 ? `；抄送：${report.cc.join('、')}` : ''}`,
    `来源：${source.site}${source.author ? `，发帖人${source.author}` : ''}${source.publishedAt ? `，发布于${source.publishedAt}` : ''}，${source.capturedAt}采集${reaction.length > 0 ? `，${reaction.join('、')}` : ''}`,
    `链接：${source.url}`,
    `摘要：${report.summary}`,
    `研判：${report.assessment.tier}；${report.assessment.category}；归口${report.assessment.department}${report.assessment.flags.length > 0 ? `；${report.assessment.flags.join('、')}` : ''}`,
    ...report.assessment.reasons.map((reason) => `  · ${reason}`),
    '处置建议：',
    ...report.proposals.map((proposal, index) => `  ${index + 1}. ${proposal}`),
    `（依据：${report.basis}）`,
  ];
  return lines.join('\n');
}

/** One row of the 舆情日志. */
export interface DailyLogEntry {
  title: string;
  site: string;
  url: string;
  capturedAt: string;
  tier: string;
  department: string;
  status: string;
  /** What happened to the case that day, e.g. 认领、研判、上报. */
  actions: string[];
}

/** The day's 舆情日志. */
export interface DailyLog {
  title: string;
  office: string;
  /** 'YYYY-MM-DD', China date. */
  day: string;
  issuedAt: string;
  entries: DailyLogEntry[];
  /** 共采集 N 条，认领 N 条… */
  totals: string;
}

const MARK_LABELS: Readonly<Record<string, string>> = {
  captured: '采集',
  claimed: '认领',
  assessed: '研判',
  reported: '上报',
  written: '书面报告',
  'investigation-report': '核实调查报告',
  'extension-requested': '申请延期',
  responded: '回应',
  'follow-up': '跟踪',
  closed: '办结',
  reopened: '重新打开',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  captured: '待认领',
  claimed: '已认领',
  assessed: '已研判',
  reported: '已上报',
  investigated: '已核实',
  responded: '已回应',
  closed: '已办结',
};

/**
 * The 舆情日志 of one China day: every case captured or acted on in
 * [dayStart, dayStart + 24 h), oldest capture first.
 */
export function buildDailyLog(
  states: readonly CaseState[],
  options: { office: string; dayStart: number; day: string; now: number; policy: PolicyProfile },
): DailyLog {
  const end = options.dayStart + 86_400_000;
  const inDay = (at: number): boolean => at >= options.dayStart && at < end;
  const entries: DailyLogEntry[] = [];
  const counts = new Map<string, number>();
  for (const state of [...states].sort((a, b) => a.capture.capturedAt - b.capture.capturedAt)) {
    const actions = Object.entries(state.marks)
      .filter(([, times]) => times?.some(inDay))
      .map(([key]) => MARK_LABELS[key] ?? key);
    if (actions.length === 0) continue;
    for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
    entries.push({
      title: state.capture.title,
      site: state.capture.siteName ?? state.capture.site,
      url: state.capture.url,
      capturedAt: formatChinaTime(state.capture.capturedAt),
      tier: state.tier ? (options.policy.tiers.find((t) => t.id === state.tier)?.label ?? state.tier) : '未研判',
      department: state.department ?? state.claimedBy ?? '未认领',
      status: STATUS_LABELS[state.status] ?? state.status,
      actions,
    });
  }
  const totals = [...counts.entries()].map(([action, n]) => `${action}${n}件`).join('，');
  return {
    title: `舆情日志（${options.day}）`,
    office: options.office,
    day: options.day,
    issuedAt: formatChinaTime(options.now),
    entries,
    totals: entries.length === 0 ? '当日无舆情' : `共${entries.length}件：${totals}`,
  };
}
