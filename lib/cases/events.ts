/**
 * The claim log's vocabulary: every action on a case is one of these events.
 *
 * The log is the truth (DESIGN.md): state, deadlines and statistics are all
 * derived from a case's events, so each event carries who did it, when, and
 * everything needed to replay it. Events cross trust boundaries (content
 * scripts, sync files from other officers), so each one is a zod schema and
 * is parsed, never cast.
 */
import { z } from 'zod';

/** The four severity tiers of Yunhe 2017; other documents' "重大敏感 / 一般性" map onto them. */
export const TIER_IDS = ['especially-major', 'major', 'larger', 'general'] as const;
export const TierIdSchema = z.enum(TIER_IDS);
export type TierId = z.infer<typeof TierIdSchema>;

/**
 * Facts found at assessment that change which deadline rules apply
 * (e.g. a historical legacy issue gets 15 working days instead of 5).
 */
export const CASE_FLAGS = [
  'historical-legacy', // 历史遗留问题
  'high-attention', // 社会关注度高: reply reviewed by the information office
  'leader-instruction', // 领导批示: 交办、承办、督办
  'sudden-event', // 突发事件
  'major-casualties', // 重大伤亡或影响大: press conference
  'must-respond', // meets one of the profile's must-respond criteria
  'rumour', // 谣言: hand over to police / network regulator
] as const;
export const CaseFlagSchema = z.enum(CASE_FLAGS);
export type CaseFlag = z.infer<typeof CaseFlagSchema>;

/** Who acted: the officer and the department they act for. */
export const ActorSchema = z.object({
  officer: z.string().trim().min(1).max(100),
  department: z.string().trim().min(1).max(100),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Epoch milliseconds; bounded so a corrupt import cannot smuggle in year 275760. */
const EpochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(2200, 0, 1));

/** Highest `seq` an event may carry (a sync file claiming more is refused; the next local event stays at it). */
export const MAX_SEQ = 2_147_483_647;

const Id = z.string().trim().min(1).max(200);
const Text = (max: number) => z.string().max(max);
const HttpUrl = z
  .string()
  .max(4000)
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) URL' });

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '须为 64 位小写十六进制 SHA-256' });

const base = {
  id: Id,
  caseId: Id,
  at: EpochMs,
  actor: ActorSchema,
  /**
   * Hash chain (lib/evidence/chain.ts): the hash of the event of this case it
   * was appended after, and of itself. Set when the event is stored; absent
   * on events recorded before the chain existed.
   */
  prevHash: Sha256Hex.optional(),
  hash: Sha256Hex.optional(),
  /**
   * Place of the event in its case's history: 1 + the highest `seq` of the
   * case's events the recording device knew (set when the event is stored).
   * Orders cause before effect even when a device's clock jumped; events of
   * equal `seq` (two officers' devices) fall back to (time, id). Absent on
   * events recorded before it existed, which keep their (time, id) order.
   */
  seq: z.number().int().min(1).max(MAX_SEQ).optional(),
};

/**
 * One captured post as evidence of a case: the fields `captured` and
 * `evidence-added` share. The evidence item's id is `canonicalUrl#postId`
 * (see `evidenceIdOf` in identity.ts).
 */
export const EvidencePayloadSchema = z.object({
  url: HttpUrl,
  canonicalUrl: HttpUrl,
  site: Text(100),
  siteName: Text(200).optional(),
  postId: Text(200),
  floor: z.number().int().nonnegative().optional(),
  title: Text(500),
  author: Text(200).optional(),
  publishedAt: Text(40).optional(),
  excerpt: Text(2000),
  matchedTerms: z.array(Text(100)).max(200),
  replies: z.number().int().nonnegative().optional(),
  views: z.number().int().nonnegative().optional(),
  /** SHA-256 (hex) over the canonical serialization of the captured content. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
/** One captured post (evidence item) as an event carries it. */
export type EvidencePayload = z.infer<typeof EvidencePayloadSchema>;

/**
 * A post was found and saved as evidence (收集 / 巡查 / 采集). The earliest
 * `captured` event of a case opens it and starts its clocks; a later one
 * (another officer capturing another floor of the same thread before the
 * logs met) only adds its post as evidence.
 */
export const CapturedEventSchema = z.object({
  ...base,
  type: z.literal('captured'),
  payload: EvidencePayloadSchema.extend({
    /** Set when this case was split off another (the floor raised its own issue): the source case's id. */
    splitFrom: Id.optional(),
  }),
});

/**
 * Another post joins a case that is already open (已加入案件): another floor
 * or comment of its thread, or a post's new text found by a re-check. It
 * starts no clock.
 */
export const EvidenceAddedEventSchema = z.object({
  ...base,
  type: z.literal('evidence-added'),
  payload: EvidencePayloadSchema.extend({
    /** Why it was added: an officer's capture, or the edited text a re-check read. */
    origin: z.enum(['capture', 'recheck']).default('capture'),
  }),
});

/**
 * Evidence items leave this case for a case of their own (拆分): a floor of a
 * megathread raised its own issue. The new case starts with a `captured`
 * event carrying `splitFrom` = this case, recorded in the same batch.
 */
export const SplitEventSchema = z.object({
  ...base,
  type: z.literal('split'),
  payload: z.object({
    /** Evidence ids (`canonicalUrl#postId`) that move out. */
    evidenceIds: z.array(Text(4300).min(1)).min(1).max(500),
    newCaseId: Id,
    reason: Text(2000).optional(),
  }),
});

/**
 * This case is the same 舆情 as `into` (合并: e.g. one event posted on Tieba
 * and Weibo). Recorded on the case that is absorbed; its evidence and
 * sources count under `into` from then on, and it leaves every list and
 * statistic. Never recorded automatically (a possible duplicate is only offered).
 */
export const MergedEventSchema = z.object({
  ...base,
  type: z.literal('merged'),
  payload: z.object({ into: Id, reason: Text(2000).optional() }),
});

/** What a re-check found at the source (跟踪). `failed` is never read as deleted. */
export const RECHECK_OUTCOMES = ['found', 'deleted', 'edited', 'failed'] as const;
export const RecheckOutcomeSchema = z.enum(RECHECK_OUTCOMES);
/** What a re-check found. */
export type RecheckOutcome = z.infer<typeof RecheckOutcomeSchema>;

/**
 * A source post was fetched again and read with its site adapter (复查).
 * Counts are the thread's as the page shows them then; an `edited` post's
 * new text is recorded as an `evidence-added` event (origin `recheck`).
 */
export const RecheckedEventSchema = z.object({
  ...base,
  type: z.literal('rechecked'),
  payload: z.object({
    evidenceId: Text(4300).min(1),
    url: HttpUrl,
    outcome: RecheckOutcomeSchema,
    /** HTTP status of the fetch, when one came back. */
    httpStatus: z.number().int().min(0).max(999).optional(),
    /** Why: "404", "帖子已删除", a network error… (shown to the officer). */
    reason: Text(500).optional(),
    /** The post's digest now, when found or edited. */
    digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    replies: z.number().int().nonnegative().optional(),
    views: z.number().int().nonnegative().optional(),
    reposts: z.number().int().nonnegative().optional(),
    /** Posts the adapter read on the page (the thread's visible replies). */
    posts: z.number().int().nonnegative().optional(),
  }),
});

/** A department takes responsibility (认领). */
export const ClaimedEventSchema = z.object({
  ...base,
  type: z.literal('claimed'),
  payload: z.object({
    department: Text(100).min(1),
    /** Routing level (policy profile routing table); `township` for county profiles such as Yunhe. */
    level: z.enum(['township', 'county', 'city', 'several', 'unclear']).optional(),
  }),
});

/** The coordinating office assigns an unclaimed case (指定认领); counted against the claim score. */
export const AssignedEventSchema = z.object({
  ...base,
  type: z.literal('assigned'),
  payload: z.object({ department: Text(100).min(1), reason: Text(1000).optional() }),
});

/** Severity tier, category and responsible department, with the reasons (研判). */
export const AssessedEventSchema = z.object({
  ...base,
  type: z.literal('assessed'),
  payload: z.object({
    tier: TierIdSchema,
    category: Text(100).min(1),
    department: Text(100).min(1),
    flags: z.array(CaseFlagSchema).max(CASE_FLAGS.length).default([]),
    mustRespondCriteria: z.array(Text(200)).max(20).default([]),
    reasons: z.array(Text(500)).max(50).default([]),
    /** The suggestion the officer confirmed or overrode (for the override rate per tier and category). */
    suggested: z
      .object({ tier: TierIdSchema, category: Text(100).min(1), flags: z.array(CaseFlagSchema).max(CASE_FLAGS.length).default([]) })
      .optional(),
  }),
});

/** First report of the case and a handling proposal (报送 / 上报: oral or 舆情日志 / 舆情专报). */
export const ReportedEventSchema = z.object({
  ...base,
  type: z.literal('reported'),
  payload: z.object({
    to: z.array(Text(100)).max(50).default([]),
    channel: z.enum(['oral', 'log', 'special-report', 'other']).default('log'),
    note: Text(4000).optional(),
  }),
});

/** The written report that follows an oral first report (书面报告). */
export const WrittenReportEventSchema = z.object({
  ...base,
  type: z.literal('written-report'),
  payload: z.object({ note: Text(4000).optional() }),
});

/** Written findings of the offline investigation (核实调查报告). */
export const InvestigationReportEventSchema = z.object({
  ...base,
  type: z.literal('investigation-report'),
  payload: z.object({ summary: Text(8000), truthful: z.boolean().optional() }),
});

/** A written request to extend a step's deadline (延期申请). */
export const ExtensionRequestedEventSchema = z.object({
  ...base,
  type: z.literal('extension-requested'),
  payload: z.object({ step: Text(60).min(1), reason: Text(2000).min(1) }),
});

/** The extension was granted: the step's limit moves to `newLimit`. */
export const ExtensionGrantedEventSchema = z.object({
  ...base,
  type: z.literal('extension-granted'),
  payload: z.object({ step: Text(60).min(1), newLimit: EpochMs }),
});

/** The official response was published (回应 / 回复), linking back to the source post. */
export const RespondedEventSchema = z.object({
  ...base,
  type: z.literal('responded'),
  payload: z.object({
    kind: z.enum(['reply', 'publish-facts', 'press-conference']).default('reply'),
    url: HttpUrl.optional(),
    channel: Text(200).min(1),
  }),
});

/** A re-check after the response (跟踪): did the topic flare up again? */
export const FollowUpEventSchema = z.object({
  ...base,
  type: z.literal('follow-up'),
  payload: z.object({ result: z.enum(['stable', 'recurred']), note: Text(4000).optional() }),
});

/** The case is finished (办结). */
export const ClosedEventSchema = z.object({
  ...base,
  type: z.literal('closed'),
  payload: z.object({ note: Text(4000).optional() }),
});

/** A closed case came back (舆情反复); restarts the follow-up clock. */
export const ReopenedEventSchema = z.object({
  ...base,
  type: z.literal('reopened'),
  payload: z.object({ reason: Text(2000).min(1) }),
});

/** Free-text remark; allowed in any state, changes nothing. */
export const NoteEventSchema = z.object({
  ...base,
  type: z.literal('note'),
  payload: z.object({ text: Text(8000).min(1) }),
});

export const CaseEventSchema = z.discriminatedUnion('type', [
  CapturedEventSchema,
  EvidenceAddedEventSchema,
  SplitEventSchema,
  MergedEventSchema,
  RecheckedEventSchema,
  ClaimedEventSchema,
  AssignedEventSchema,
  AssessedEventSchema,
  ReportedEventSchema,
  WrittenReportEventSchema,
  InvestigationReportEventSchema,
  ExtensionRequestedEventSchema,
  ExtensionGrantedEventSchema,
  RespondedEventSchema,
  FollowUpEventSchema,
  ClosedEventSchema,
  ReopenedEventSchema,
  NoteEventSchema,
]);

/** One entry of the claim log. */
export type CaseEvent = z.infer<typeof CaseEventSchema>;
/** The event's kind, e.g. `claimed`. */
export type CaseEventType = CaseEvent['type'];
/** The event of a given kind. */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
/** What a caller supplies to record an event (before defaults are applied by parsing). */
export type CaseEventInput = z.input<typeof CaseEventSchema>;

export const CASE_EVENT_TYPES = CaseEventSchema.options.map((o) => o.shape.type.value) as CaseEventType[];
