/**
 * Case state and the state machine that derives it from the claim log.
 *
 * `applyEvent` is pure and never throws: an impossible transition (e.g. a
 * response before anyone claimed the case) comes back as an error and the
 * state is unchanged, so a caller refuses to store the event. Checking and
 * applying are separate steps so a refused event can never half-apply.
 */
import { STEP_IDS, type StepId } from '../policy/steps';
import type { Actor, CaseEvent, CaseEventOf, CaseFlag, EvidencePayload, RecheckOutcome, TierId } from './events';
import { evidenceIdOf } from './identity';

/** Where a case is in the procedure, in order. */
export const CASE_STATUSES = [
  'captured',
  'claimed',
  'assessed',
  'reported',
  'investigated',
  'responded',
  'closed',
] as const;
/** Where a case is in the procedure. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Kinds of moments the deadline engine looks up. `written` collects written
 * reports and non-oral first reports (a 舆情专报 is itself written);
 * `publish-facts` collects fact releases and press conferences.
 */
export const MARK_KEYS = [
  'captured',
  'claimed',
  'assessed',
  'reported',
  'written',
  'investigation-report',
  'extension-requested',
  'responded',
  'publish-facts',
  'press-conference',
  'follow-up',
  'closed',
  'reopened',
] as const;
/** A kind of moment in a case's history. */
export type MarkKey = (typeof MARK_KEYS)[number];

/** What was captured: the post and its evidence digest. */
export type CaptureInfo = CaseEventOf<'captured'>['payload'] & { capturedBy: Actor; capturedAt: number };

/**
 * One evidence item of a case: a captured post (floor, comment, article) in
 * one version. A post whose text changed (re-capture or re-check) has one
 * item per digest, never overwritten.
 */
export interface EvidenceItem {
  /** `canonicalUrl#postId` (identity.ts). */
  evidenceId: string;
  url: string;
  canonicalUrl: string;
  site: string;
  siteName?: string;
  postId: string;
  floor?: number;
  title: string;
  author?: string;
  publishedAt?: string;
  excerpt: string;
  digest: string;
  replies?: number;
  views?: number;
  /** When this version was recorded (epoch ms) and by whom. */
  at: number;
  by: Actor;
  /** `capture`: an officer captured it; `recheck`: a re-check read the post's new text. */
  origin: 'capture' | 'recheck';
}

/** One re-check of a source post (rechecked event). */
export interface RecheckRecord {
  at: number;
  evidenceId: string;
  url: string;
  outcome: RecheckOutcome;
  httpStatus?: number;
  reason?: string;
  digest?: string;
  replies?: number;
  views?: number;
  reposts?: number;
}

/** One published response. */
export interface ResponseRecord {
  at: number;
  kind: CaseEventOf<'responded'>['payload']['kind'];
  url?: string;
  channel: string;
  by: Actor;
}

/** One extension request and, once granted, its new limit. */
export interface ExtensionRecord {
  step: StepId;
  requestedAt: number;
  reason: string;
  grantedAt?: number;
  newLimit?: number;
}

/** Everything derived from a case's log. Treat as immutable. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  capture: CaptureInfo;
  /** How many `captured` events the case has (officers capturing its thread, merged logs). */
  captureCount: number;
  /** Every evidence item still in this case, in (at, id) order; split-off items are gone. */
  evidence: EvidenceItem[];
  /** The canonical thread URLs the evidence comes from (a merged case keeps every source). */
  sources: string[];
  /** Every re-check of the case's sources, in (at, id) order. */
  rechecks: RecheckRecord[];
  /** Set once the case was merged into another (its own first `merged` event). */
  mergedInto?: string;
  mergedAt?: number;
  /** The case this one was split off, when it was. */
  splitFrom?: string;
  /** Cases split off this one, by new case id. */
  splitTo: string[];
  /** Department that claimed (or was assigned) the case. */
  claimedBy?: string;
  claimedAt?: number;
  claimedByOfficer?: string;
  claimLevel?: CaseEventOf<'claimed'>['payload']['level'];
  /** True when the coordinating office assigned the unclaimed case (指定认领): counted against the claim score. */
  assigned: boolean;
  assignedAt?: number;
  /**
   * The office's latest assignment of a case that was already claimed — how
   * it settles competing claims of two departments (指定认领 of a conflict):
   * `department` holds the case from then on, `from` held it before. The
   * claim itself was on time, so it is not counted against the claim score.
   */
  settlement?: { at: number; eventId: string; department: string; from: string };
  tier?: TierId;
  category?: string;
  /** Responsible department from the latest assessment. */
  department?: string;
  flags: CaseFlag[];
  mustRespondCriteria: string[];
  assessmentReasons: string[];
  /** First time of each kind of moment (the timestamp of each step). */
  steps: Partial<Record<MarkKey, number>>;
  /** Every time of each kind of moment, ascending. */
  marks: Partial<Record<MarkKey, number[]>>;
  investigation?: CaseEventOf<'investigation-report'>['payload'];
  responses: ResponseRecord[];
  extensionRequests: ExtensionRecord[];
  /** Latest granted limit per step (epoch ms). */
  extensions: Partial<Record<StepId, number>>;
  followUps: { at: number; result: 'stable' | 'recurred' }[];
  /** Latest reopening. */
  reopenedAt?: number;
  reopenCount: number;
  closedAt?: number;
  /** Status to return to when a closed case is reopened. */
  statusBeforeClose?: CaseStatus;
  eventCount: number;
  firstAt: number;
  lastAt: number;
}

/** Why an event was refused. */
export interface TransitionError {
  /** Stable code, e.g. `not-claimed`. */
  code: string;
  /** Chinese message for the user. */
  message: string;
}

/** Result of {@link applyEvent}. */
export type ApplyResult = { ok: true; state: CaseState } | { ok: false; error: TransitionError };

const STATUS_RANK: Record<CaseStatus, number> = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, i])) as Record<
  CaseStatus,
  number
>;

function fail(code: string, message: string): TransitionError {
  return { code, message };
}

/** Why `event` cannot follow `state`, or undefined when it can. */
export function checkTransition(state: CaseState | undefined, event: CaseEvent): TransitionError | undefined {
  if (!state) {
    return event.type === 'captured' ? undefined : fail('not-captured', `案件尚未采集,不能记录“${event.type}”`);
  }
  if (event.caseId !== state.caseId) {
    return fail('wrong-case', `事件属于案件 ${event.caseId},不属于 ${state.caseId}`);
  }
  const claimed = state.claimedAt !== undefined;
  if (state.mergedInto !== undefined && !['captured', 'evidence-added', 'note', 'rechecked'].includes(event.type)) {
    return fail('case-merged', `案件已合并到 ${state.mergedInto},请在该案件中办理`);
  }
  // Following a closed case goes on (跟踪 / 复查): evidence and re-checks tell whether it flares up again.
  if (state.status === 'closed' && !['captured', 'evidence-added', 'rechecked', 'note', 'reopened', 'merged'].includes(event.type)) {
    return fail('case-closed', '案件已办结;需先重新打开(reopened)');
  }
  switch (event.type) {
    case 'captured':
    case 'evidence-added':
    case 'note':
    case 'rechecked':
      return undefined;
    case 'merged':
      return event.payload.into === state.caseId ? fail('merge-self', '不能把案件合并到它自己') : undefined;
    case 'split': {
      if (event.payload.newCaseId === state.caseId) return fail('split-self', '拆分出的案件须为新案件');
      const held = new Set(state.evidence.map((item) => item.evidenceId));
      const missing = event.payload.evidenceIds.find((id) => !held.has(id));
      if (missing !== undefined) return fail('evidence-not-in-case', `证据 ${missing} 不在本案件中`);
      const remaining = new Set(event.payload.evidenceIds);
      return state.evidence.some((item) => !remaining.has(item.evidenceId))
        ? undefined
        : fail('split-all', '不能拆分出案件的全部证据;如整案有误,请合并或备注');
    }
    case 'claimed':
      return claimed ? fail('already-claimed', `案件已由${state.claimedBy ?? ''}认领`) : undefined;
    case 'assigned':
      // The coordinating office assigns an unclaimed case, or settles who holds a claimed one (POLICIES.md: 指定认领).
      return undefined;
    case 'reopened':
      return state.status === 'closed' ? undefined : fail('not-closed', '案件未办结,不能重新打开');
    default:
      break;
  }
  if (!claimed) return fail('not-claimed', `案件尚未认领,不能${ACTION_LABELS[event.type]}`);
  switch (event.type) {
    case 'investigation-report':
      return state.investigation ? fail('duplicate-step', '核实调查报告已提交') : undefined;
    case 'extension-requested':
      return (STEP_IDS as readonly string[]).includes(event.payload.step)
        ? undefined
        : fail('unknown-step', `未知的环节“${event.payload.step}”`);
    case 'extension-granted': {
      const pending = state.extensionRequests.some(
        (request) => request.step === event.payload.step && request.grantedAt === undefined,
      );
      if (!pending) return fail('extension-not-requested', `环节“${event.payload.step}”没有待批准的延期申请`);
      return event.payload.newLimit > event.at ? undefined : fail('extension-in-past', '延期后的时限必须晚于批准时间');
    }
    case 'follow-up':
      return state.responses.length > 0 ? undefined : fail('not-responded', '尚未回应,不能跟踪');
    default:
      return undefined;
  }
}

/** Chinese verb phrase per event type, for error messages. */
const ACTION_LABELS: Record<CaseEvent['type'], string> = {
  captured: '采集',
  'evidence-added': '加入证据',
  split: '拆分',
  merged: '合并',
  rechecked: '复查',
  claimed: '认领',
  assigned: '指定认领',
  assessed: '研判',
  reported: '上报',
  'written-report': '提交书面报告',
  'investigation-report': '提交核实调查报告',
  'extension-requested': '申请延期',
  'extension-granted': '批准延期',
  responded: '回应',
  'follow-up': '跟踪',
  closed: '办结',
  reopened: '重新打开',
  note: '备注',
};

function mark(state: CaseState, key: MarkKey, at: number): void {
  const list = state.marks[key];
  if (!list) {
    state.marks[key] = [at];
  } else {
    // Keep ascending even when officers' clocks disagree.
    let i = list.length;
    while (i > 0 && (list[i - 1] ?? 0) > at) i--;
    list.splice(i, 0, at);
  }
  const first = state.steps[key];
  if (first === undefined || at < first) state.steps[key] = at;
}

function advance(state: CaseState, status: CaseStatus): void {
  if (STATUS_RANK[status] > STATUS_RANK[state.status]) state.status = status;
}

function initialState(event: CaseEventOf<'captured'>): CaseState {
  // One literal of fixed shape, the optional member set after: a conditional spread inside it costs a slow
  // object-building path per case, which the office's replay of every case of a quarter pays 40,000 times.
  const state: CaseState = {
    caseId: event.caseId,
    status: 'captured',
    capture: { ...event.payload, matchedTerms: [...event.payload.matchedTerms], capturedBy: event.actor, capturedAt: event.at },
    captureCount: 0,
    evidence: [],
    sources: [],
    rechecks: [],
    splitTo: [],
    assigned: false,
    flags: [],
    mustRespondCriteria: [],
    assessmentReasons: [],
    steps: {},
    marks: {},
    responses: [],
    extensionRequests: [],
    extensions: {},
    followUps: [],
    reopenCount: 0,
    eventCount: 0,
    firstAt: event.at,
    lastAt: event.at,
  };
  if (event.payload.splitFrom !== undefined) state.splitFrom = event.payload.splitFrom;
  return state;
}

/** The state a case starts in when its first capture is recorded. */
export function startState(event: CaseEventOf<'captured'>): CaseState {
  return initialState(event);
}

/**
 * Applies an already-checked event to a draft the caller owns. `at` is the
 * time the event counts at (epoch ms): its own by default; a replay passes
 * the clock-corrected one (replay.ts `effectiveTimes`).
 */
export function mutateState(draft: CaseState, event: CaseEvent, at: number = event.at): void {
  draft.eventCount += 1;
  if (at < draft.firstAt) draft.firstAt = at;
  if (at > draft.lastAt) draft.lastAt = at;
  switch (event.type) {
    case 'captured':
      draft.captureCount += 1;
      addEvidence(draft, event.payload, at, event.actor, 'capture');
      // Only the case's opening capture starts its clocks; another floor is evidence, not a new 舆情.
      if (draft.steps.captured === undefined) mark(draft, 'captured', at);
      break;
    case 'evidence-added':
      addEvidence(draft, event.payload, at, event.actor, event.payload.origin);
      break;
    case 'split': {
      const leaving = new Set(event.payload.evidenceIds);
      draft.evidence = draft.evidence.filter((item) => !leaving.has(item.evidenceId));
      draft.sources = sourcesOf(draft.evidence);
      draft.splitTo = [...draft.splitTo, event.payload.newCaseId];
      break;
    }
    case 'merged':
      // The first merge (in the canonical order) counts; a later contradictory one changes nothing.
      if (draft.mergedInto === undefined) {
        draft.mergedInto = event.payload.into;
        draft.mergedAt = at;
      }
      break;
    case 'rechecked': {
      const { evidenceId, url, outcome, httpStatus, reason, digest, replies, views, reposts } = event.payload;
      draft.rechecks = [
        ...draft.rechecks,
        {
          at: at,
          evidenceId,
          url,
          outcome,
          ...(httpStatus !== undefined ? { httpStatus } : {}),
          ...(reason !== undefined ? { reason } : {}),
          ...(digest !== undefined ? { digest } : {}),
          ...(replies !== undefined ? { replies } : {}),
          ...(views !== undefined ? { views } : {}),
          ...(reposts !== undefined ? { reposts } : {}),
        },
      ];
      break;
    }
    case 'claimed':
      draft.claimedBy = event.payload.department;
      draft.claimedAt = at;
      draft.claimedByOfficer = event.actor.officer;
      if (event.payload.level) draft.claimLevel = event.payload.level;
      mark(draft, 'claimed', at);
      advance(draft, 'claimed');
      break;
    case 'assigned':
      if (draft.claimedAt === undefined || draft.claimedBy === undefined) {
        draft.claimedBy = event.payload.department;
        draft.claimedAt = at;
        draft.assigned = true;
        draft.assignedAt = at;
        mark(draft, 'claimed', at);
        advance(draft, 'claimed');
      } else {
        // Settling a claimed case: the holder changes, the claim's time and the steps done so far stay.
        draft.settlement = { at: at, eventId: event.id, department: event.payload.department, from: draft.claimedBy };
        draft.claimedBy = event.payload.department;
        draft.department = event.payload.department;
      }
      break;
    case 'assessed':
      draft.tier = event.payload.tier;
      draft.category = event.payload.category;
      draft.department = event.payload.department;
      draft.flags = [...event.payload.flags];
      draft.mustRespondCriteria = [...event.payload.mustRespondCriteria];
      draft.assessmentReasons = [...event.payload.reasons];
      mark(draft, 'assessed', at);
      advance(draft, 'assessed');
      break;
    case 'reported':
      mark(draft, 'reported', at);
      if (event.payload.channel !== 'oral') mark(draft, 'written', at);
      advance(draft, 'reported');
      break;
    case 'written-report':
      mark(draft, 'written', at);
      advance(draft, 'reported');
      break;
    case 'investigation-report':
      draft.investigation = event.payload;
      mark(draft, 'investigation-report', at);
      advance(draft, 'investigated');
      break;
    case 'extension-requested':
      draft.extensionRequests = [
        ...draft.extensionRequests,
        { step: event.payload.step as StepId, requestedAt: at, reason: event.payload.reason },
      ];
      mark(draft, 'extension-requested', at);
      break;
    case 'extension-granted': {
      const step = event.payload.step as StepId;
      const index = draft.extensionRequests.findIndex((r) => r.step === step && r.grantedAt === undefined);
      draft.extensionRequests = draft.extensionRequests.map((request, i) =>
        i === index ? { ...request, grantedAt: at, newLimit: event.payload.newLimit } : request,
      );
      draft.extensions = { ...draft.extensions, [step]: event.payload.newLimit };
      break;
    }
    case 'responded': {
      const { kind, url, channel } = event.payload;
      draft.responses = [...draft.responses, { at: at, kind, channel, by: event.actor, ...(url ? { url } : {}) }];
      mark(draft, 'responded', at);
      if (kind === 'publish-facts' || kind === 'press-conference') mark(draft, 'publish-facts', at);
      if (kind === 'press-conference') mark(draft, 'press-conference', at);
      advance(draft, 'responded');
      break;
    }
    case 'follow-up':
      draft.followUps = [...draft.followUps, { at: at, result: event.payload.result }];
      mark(draft, 'follow-up', at);
      break;
    case 'closed':
      draft.statusBeforeClose = draft.status;
      draft.status = 'closed';
      draft.closedAt = at;
      mark(draft, 'closed', at);
      break;
    case 'reopened':
      draft.status = draft.statusBeforeClose ?? 'claimed';
      delete draft.statusBeforeClose;
      delete draft.closedAt;
      draft.reopenedAt = at;
      draft.reopenCount += 1;
      mark(draft, 'reopened', at);
      break;
    case 'note':
      break;
  }
}

/** Adds a post version as evidence unless the same version (id and digest) is already held. */
function addEvidence(draft: CaseState, post: EvidencePayload, at: number, by: Actor, origin: EvidenceItem['origin']): void {
  const evidenceId = evidenceIdOf(post.canonicalUrl, post.postId);
  if (draft.evidence.some((item) => item.evidenceId === evidenceId && item.digest === post.digest)) return;
  const item: EvidenceItem = {
    evidenceId,
    url: post.url,
    canonicalUrl: post.canonicalUrl,
    site: post.site,
    postId: post.postId,
    title: post.title,
    excerpt: post.excerpt,
    digest: post.digest,
    at,
    by,
    origin,
    ...(post.siteName !== undefined ? { siteName: post.siteName } : {}),
    ...(post.floor !== undefined ? { floor: post.floor } : {}),
    ...(post.author !== undefined ? { author: post.author } : {}),
    ...(post.publishedAt !== undefined ? { publishedAt: post.publishedAt } : {}),
    ...(post.replies !== undefined ? { replies: post.replies } : {}),
    ...(post.views !== undefined ? { views: post.views } : {}),
  };
  draft.evidence = [...draft.evidence, item];
  if (!draft.sources.includes(post.canonicalUrl)) draft.sources = [...draft.sources, post.canonicalUrl];
}

function sourcesOf(evidence: readonly EvidenceItem[]): string[] {
  return [...new Set(evidence.map((item) => item.canonicalUrl))];
}

/** A copy of a state whose mutable parts can be changed without touching the original. */
export function cloneState(state: CaseState): CaseState {
  const marks: Partial<Record<MarkKey, number[]>> = {};
  for (const [key, list] of Object.entries(state.marks) as [MarkKey, number[]][]) marks[key] = [...list];
  return { ...state, steps: { ...state.steps }, marks };
}

/**
 * The state after `event`, or why the event is impossible. Pure: `state` is
 * never modified, and nothing throws.
 */
export function applyEvent(state: CaseState | undefined, event: CaseEvent): ApplyResult {
  try {
    const error = checkTransition(state, event);
    if (error) return { ok: false, error };
    const draft = state ? cloneState(state) : initialState(event as CaseEventOf<'captured'>);
    mutateState(draft, event);
    return { ok: true, state: draft };
  } catch (cause) {
    // Only reachable with an event that bypassed CaseEventSchema; refuse it rather than throw.
    return { ok: false, error: fail('invalid-event', `事件格式错误:${(cause as Error).message}`) };
  }
}
