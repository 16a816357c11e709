/**
 * A policy profile: one office's procedure as data (DESIGN.md "Policies are
 * data"). No deadline number or department name lives in code; the deadline
 * engine and the UI read them from a validated profile.
 */
import { z } from 'zod';
import { CaseFlagSchema, TIER_IDS, TierIdSchema } from '../cases/events';
import { ClockStartEventSchema, StepIdSchema } from './steps';
import { DEFAULT_TIER_CRITERIA, TierCriteriaSchema } from './tier-criteria';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be 1–63 lowercase letters, digits or dashes' });
const Label = z.string().trim().min(1).max(200);
const LongText = z.string().max(2000);

/** One of the four severity tiers, with the wording other documents use for it. */
export const TierSchema = z.object({
  id: TierIdSchema,
  /** Chinese name, e.g. 特别重大. */
  label: Label,
  /** Other documents' words for this tier, e.g. 重大敏感 or 一般性. */
  aliases: z.array(Label).max(20),
});
export type Tier = z.infer<typeof TierSchema>;

/** A subject category and the department that reports on it (归口报送). */
export const CategorySchema = z.object({
  id: Id,
  name: Label,
  /** Words that hint at this category when assessing a post. */
  keywords: z.array(z.string().trim().min(1).max(50)).max(200),
  /** Responsible department. */
  department: Label,
});
export type Category = z.infer<typeof CategorySchema>;

/** Level of the government a case concerns (the claim routing table). */
export const ROUTING_LEVELS = ['township', 'county', 'city', 'several', 'unclear'] as const;
export const RoutingLevelSchema = z.enum(ROUTING_LEVELS);
export type RoutingLevel = z.infer<typeof RoutingLevelSchema>;

/** Who claims a case of a given level. */
export const RoutingRuleSchema = z.object({
  level: RoutingLevelSchema,
  /** When the rule applies, in the document's words. */
  when: Label,
  /** Who is responsible (claims / answers). */
  responsible: Label,
  /** Who coordinates or supervises, if the document names one. */
  coordinator: Label.optional(),
  /** Restrict to tiers (e.g. 特别重大 → county leaders direct). */
  tiers: z.array(TierIdSchema).max(4).optional(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/** Which cases a deadline rule applies to. All given conditions must hold; `except` must not. */
export const AppliesToSchema = z.object({
  tiers: z.array(TierIdSchema).min(1).max(4).optional(),
  /** Every listed flag must be set. */
  flags: z.array(CaseFlagSchema).min(1).optional(),
  /** Flags that must not be set. */
  withoutFlags: z.array(CaseFlagSchema).min(1).optional(),
  /** The rule does not apply when this (tiers and flags together) matches. */
  except: z
    .object({
      tiers: z.array(TierIdSchema).min(1).max(4).optional(),
      flags: z.array(CaseFlagSchema).min(1).optional(),
    })
    .optional(),
});
export type AppliesTo = z.infer<typeof AppliesToSchema>;

/** How a deadline is counted: elapsed time, or official working days (end of the n-th). */
export const CLOCKS = ['minutes', 'hours', 'working-days'] as const;
export const ClockSchema = z.enum(CLOCKS);
export type Clock = z.infer<typeof ClockSchema>;

/** One time limit of the procedure. */
export const DeadlineRuleSchema = z
  .object({
    /** Unique within the profile, e.g. `investigation-report-legacy`. */
    id: Id,
    step: StepIdSchema,
    /** Chinese label shown with the countdown, e.g. 上报市领导. */
    label: Label,
    /** Event whose time starts the clock. */
    from: ClockStartEventSchema,
    /** Later events that restart the clock (e.g. a reopened case restarts follow-up). */
    restartOn: z.array(ClockStartEventSchema).max(7).optional(),
    clock: ClockSchema,
    /** The limit (时限), in the clock's unit. */
    limit: z.number().positive().max(100_000),
    /** The 力争 figure, stricter than the limit. */
    target: z.number().positive().max(100_000).optional(),
    appliesTo: AppliesToSchema.default({}),
    /** The rule stops mattering once this step is done (e.g. an extension request once the report is in). */
    supersededBy: StepIdSchema.optional(),
    /** Where the number comes from, e.g. 宣政办秘〔2015〕1号 第八条. */
    source: LongText.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.clock === 'working-days' && !Number.isInteger(rule.limit)) {
      ctx.addIssue({ code: 'custom', path: ['limit'], message: 'working days must be a whole number' });
    }
    if (rule.target !== undefined) {
      if (rule.target >= rule.limit) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'target (力争) must be stricter than the limit' });
      }
      if (rule.clock === 'working-days' && !Number.isInteger(rule.target)) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'working days must be a whole number' });
      }
    }
    if (rule.supersededBy === rule.step) {
      ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'a rule cannot be superseded by its own step' });
    }
  });
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

const Time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { message: "must be 'HH:MM'" });

/** How often the officer patrols the sources. */
export const PatrolSchema = z.object({
  /** Daily browsing slots, e.g. 上午 / 下午 / 晚上. */
  slots: z.array(Label).max(24),
  intervals: z
    .array(
      z.object({
        /** working-hours: office hours on working days; off-hours: nights; holiday: rest days. */
        when: z.enum(['working-hours', 'off-hours', 'holiday']),
        everyMinutes: z.number().int().min(5).max(1440),
        /** Latest time of day the interval holds, e.g. 24:00 for nights. */
        until: Time.optional(),
      }),
    )
    .max(3),
  /** Office hours; the documents do not give them, so they are a setting. */
  officeHours: z.object({ start: Time, end: Time }).optional(),
  note: LongText.optional(),
});
export type Patrol = z.infer<typeof PatrolSchema>;

/** A source to patrol. */
export const SourceSchema = z.object({
  name: Label,
  kind: z.enum(['local-forum', 'portal', 'platform', 'social', 'handover', 'other']),
  url: z.string().url().optional(),
});

/** A criterion that makes a response mandatory (需重点回应). */
export const MustRespondCriterionSchema = z.object({ id: Id, text: Label });

/** A policy profile. */
export const PolicyProfileSchema = z
  .object({
    id: Id,
    /** Chinese name shown in settings. */
    name: Label,
    /** The document it encodes, e.g. 宣政办秘〔2015〕1号. */
    source: Label,
    builtIn: z.boolean().default(false),
    /** Id of the profile this one was copied from. */
    basedOn: Id.optional(),
    /** The four tiers in order of severity (特别重大 → 一般). */
    tiers: z.array(TierSchema).length(4),
    categories: z.array(CategorySchema).min(1).max(200),
    /** Category used when nothing else matches. */
    defaultCategory: Id,
    routing: z.array(RoutingRuleSchema).min(1).max(50),
    /** Always copied on a report (抄送). */
    ccList: z.array(Label).max(50),
    mustRespondCriteria: z.array(MustRespondCriterionSchema).max(50),
    sources: z.array(SourceSchema).max(200),
    patrol: PatrolSchema,
    /**
     * Time allowed to claim a captured case before the coordinating office
     * assigns it (指定认领). null when the document sets no number.
     */
    claimWindow: DeadlineRuleSchema.nullable(),
    deadlines: z.array(DeadlineRuleSchema).max(100),
    /** Where the reply is published and what it must contain. */
    response: z.object({
      channels: z.array(Label).max(50),
      linkToSource: z.boolean(),
      guidance: z.array(LongText).max(50),
    }),
    /** How performance is overseen (通报 / 考核). */
    oversight: z.object({
      bulletin: z.enum(['quarterly', 'periodic', 'none']),
      scored: z.array(z.enum(['claim', 'handle', 'respond'])).max(3),
    }),
    /** Remarks on readings of the document (what it leaves open). */
    notes: z.array(LongText).max(50),
    /** How the assessment suggestion grades a post; the national defaults when absent. */
    tierCriteria: TierCriteriaSchema.prefault(DEFAULT_TIER_CRITERIA),
  })
  .superRefine((profile, ctx) => {
    profile.tiers.forEach((tier, index) => {
      if (tier.id !== TIER_IDS[index]) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'id'],
          message: `tiers must be ordered ${TIER_IDS.join(', ')}; expected ${TIER_IDS[index]}`,
        });
      }
    });
    const categoryIds = new Set<string>();
    profile.categories.forEach((category, index) => {
      if (categoryIds.has(category.id)) {
        ctx.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: `duplicate category id ${category.id}` });
      }
      categoryIds.add(category.id);
    });
    if (!categoryIds.has(profile.defaultCategory)) {
      ctx.addIssue({ code: 'custom', path: ['defaultCategory'], message: `no category with id ${profile.defaultCategory}` });
    }
    const ruleIds = new Set<string>();
    profile.deadlines.forEach((rule, index) => {
      if (ruleIds.has(rule.id)) {
        ctx.addIssue({ code: 'custom', path: ['deadlines', index, 'id'], message: `duplicate rule id ${rule.id}` });
      }
      ruleIds.add(rule.id);
    });
    if (profile.claimWindow && profile.claimWindow.step !== 'claim') {
      ctx.addIssue({ code: 'custom', path: ['claimWindow', 'step'], message: "the claim window's step must be 'claim'" });
    }
  });
/** A validated policy profile. */
export type PolicyProfile = z.infer<typeof PolicyProfileSchema>;
/** A profile as written before defaults are applied (built-in data, imports). */
export type PolicyProfileInput = z.input<typeof PolicyProfileSchema>;
