/**
 * Tier criteria (定级标准): the rules the assessment suggestion applies, as
 * profile data an office can edit. The built-in defaults take the national
 * accident grading for casualties and losses and add attention rules
 * (public reaction, media, level) that raise a tier.
 */
import { z } from 'zod';
import { CaseFlagSchema, TierIdSchema } from '../cases/events';

/** What a threshold counts. Casualties in people, losses in yuan, reaction in counts. */
export const MEASURES = ['deaths', 'seriously-injured', 'injured', 'direct-loss-yuan', 'replies', 'views', 'reposts'] as const;
export const MeasureSchema = z.enum(MEASURES);
/** A quantity read from a post (or given as its public reaction). */
export type Measure = z.infer<typeof MeasureSchema>;

/** Public-reaction measures: also given by the page (`reaction`), and compared between re-checks. */
export const REACTION_MEASURES = ['replies', 'views', 'reposts'] as const satisfies readonly Measure[];
export type ReactionMeasure = (typeof REACTION_MEASURES)[number];

const Words = z.array(z.string().trim().min(1).max(50)).min(1).max(200);
const Label = z.string().trim().min(1).max(200);

/** "`measure` ≥ atLeast" (以上 includes the bound) makes the case at least `tier`. */
export const ThresholdLevelSchema = z.object({
  tier: TierIdSchema,
  atLeast: z.number().positive().max(1e15),
  /** Flags set when this level is reached, e.g. major-casualties. */
  flags: z.array(CaseFlagSchema).max(7).default([]),
});

export const ThresholdRuleSchema = z
  .object({
    measure: MeasureSchema,
    /** One entry per tier the measure can reach. */
    levels: z.array(ThresholdLevelSchema).min(1).max(4),
    /** Flags set whenever the post gives a non-zero figure for the measure. */
    flags: z.array(CaseFlagSchema).max(7).default([]),
    source: z.string().max(2000).optional(),
  })
  .superRefine((rule, ctx) => {
    const tiers = new Set<string>();
    rule.levels.forEach((level, index) => {
      if (tiers.has(level.tier)) ctx.addIssue({ code: 'custom', path: ['levels', index, 'tier'], message: `tier ${level.tier} appears twice` });
      tiers.add(level.tier);
    });
  });

/** Growth of a reaction measure between two re-checks: now ≥ factor × before and now ≥ minimum. */
export const GrowthRuleSchema = z.object({
  measure: z.enum(REACTION_MEASURES),
  factor: z.number().gt(1).max(1000),
  minimum: z.number().int().nonnegative().max(1e12),
  raiseTo: TierIdSchema,
  flags: z.array(CaseFlagSchema).max(7).default([]),
});

/** Words that raise the tier (media, level, sudden events) or set flags. */
export const SignalRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be 1–63 lowercase letters, digits or dashes' }),
  /** Chinese name shown in the reasons, e.g. 中央媒体介入. */
  label: Label,
  words: Words,
  raiseTo: TierIdSchema.optional(),
  flags: z.array(CaseFlagSchema).max(7).default([]),
  /**
   * Only when the post gives no casualty or loss figure: once the figures
   * are known they decide (the accident grading), not the event's name.
   */
  unlessCounted: z.boolean().default(false),
});

export const TierCriteriaSchema = z.object({
  thresholds: z.array(ThresholdRuleSchema).max(50),
  growth: z.array(GrowthRuleSchema).max(20),
  signals: z.array(SignalRuleSchema).max(50),
});
/** A profile's tier criteria. */
export type TierCriteria = z.infer<typeof TierCriteriaSchema>;
export type TierCriteriaInput = z.input<typeof TierCriteriaSchema>;

const GRADING = '生产安全事故报告和调查处理条例（国务院令第493号）第三条：特别重大 30人以上死亡或100人以上重伤或1亿元以上直接经济损失；重大 10–30人死亡、50–100人重伤、5000万–1亿元；较大 3–10人死亡、10–50人重伤、1000万–5000万元；“以上”包括本数';

/** The built-in tier criteria every built-in profile carries (an office edits its copy). */
export const DEFAULT_TIER_CRITERIA: TierCriteriaInput = {
  thresholds: [
    {
      measure: 'deaths',
      levels: [
        { tier: 'especially-major', atLeast: 30, flags: ['major-casualties'] },
        { tier: 'major', atLeast: 10, flags: ['major-casualties'] },
        { tier: 'larger', atLeast: 3 },
      ],
      flags: ['sudden-event'],
      source: GRADING,
    },
    {
      measure: 'seriously-injured',
      levels: [
        { tier: 'especially-major', atLeast: 100, flags: ['major-casualties'] },
        { tier: 'major', atLeast: 50, flags: ['major-casualties'] },
        { tier: 'larger', atLeast: 10 },
      ],
      flags: ['sudden-event'],
      source: GRADING,
    },
    {
      measure: 'direct-loss-yuan',
      levels: [
        { tier: 'especially-major', atLeast: 100_000_000 },
        { tier: 'major', atLeast: 50_000_000 },
        { tier: 'larger', atLeast: 10_000_000 },
      ],
      flags: ['sudden-event'],
      source: GRADING,
    },
    {
      measure: 'injured',
      levels: [{ tier: 'larger', atLeast: 10 }],
      flags: ['sudden-event'],
      source: '本扩展默认：受伤、中毒、送医10人以上按较大研判（条例只分级重伤）',
    },
    {
      measure: 'replies',
      levels: [{ tier: 'larger', atLeast: 1000, flags: ['high-attention'] }],
      source: '本扩展默认：跟帖1000条以上视为社会关注度高',
    },
    {
      measure: 'views',
      levels: [
        { tier: 'major', atLeast: 1_000_000, flags: ['high-attention'] },
        { tier: 'larger', atLeast: 100_000, flags: ['high-attention'] },
      ],
      source: '本扩展默认：浏览10万次以上较大、100万次以上重大',
    },
    {
      measure: 'reposts',
      levels: [
        { tier: 'major', atLeast: 10_000, flags: ['high-attention'] },
        { tier: 'larger', atLeast: 1000, flags: ['high-attention'] },
      ],
      source: '本扩展默认：转发1000次以上较大、1万次以上重大',
    },
  ],
  growth: [
    { measure: 'replies', factor: 2, minimum: 200, raiseTo: 'larger', flags: ['high-attention'] },
    { measure: 'views', factor: 3, minimum: 20_000, raiseTo: 'larger', flags: ['high-attention'] },
    { measure: 'reposts', factor: 2, minimum: 200, raiseTo: 'larger', flags: ['high-attention'] },
  ],
  signals: [
    {
      id: 'central-media',
      label: '中央媒体介入',
      words: ['央视', '中央电视台', '人民日报', '新华社', '新华网', '人民网', '光明日报', '中国新闻网', '中新社', 'CCTV'],
      raiseTo: 'major',
      flags: ['high-attention'],
    },
    {
      id: 'provincial-media',
      label: '省级媒体或记者介入',
      words: ['省电视台', '省台', '卫视', '省报', '记者', '暗访', '媒体曝光'],
      raiseTo: 'larger',
      flags: ['high-attention'],
    },
    { id: 'hot-search', label: '登上热搜', words: ['热搜', '热榜', '刷屏'], raiseTo: 'larger', flags: ['high-attention'] },
    {
      id: 'several-places',
      label: '涉及多个乡镇或全县(市)',
      words: ['多个乡镇', '多个街道', '多个村', '多个县', '多地', '全县', '全市', '全区', '全省'],
      raiseTo: 'larger',
    },
    {
      id: 'sudden-event',
      label: '突发事件',
      words: [
        '爆炸', '巨响', '坍塌', '垮塌', '倒塌', '塌方', '滑坡', '泥石流', '火灾', '起火', '山火', '泄漏', '中毒', '踩踏',
        '溃坝', '决堤', '倾覆', '侧翻', '追尾', '透水', '台风', '洪水', '地震', '伤亡', '死亡', '遇难', '身亡',
      ],
      raiseTo: 'larger',
      flags: ['sudden-event'],
      unlessCounted: true,
    },
    {
      id: 'mass-incident',
      label: '群体性事件',
      words: ['群体性事件', '聚集', '堵路', '围堵', '罢工', '静坐'],
      raiseTo: 'larger',
      flags: ['sudden-event'],
    },
    { id: 'legacy', label: '历史遗留问题', words: ['多年', '遗留', '至今未', '一直没有解决', '历史问题'], flags: ['historical-legacy'] },
  ],
};
