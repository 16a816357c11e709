/**
 * The word-list assessment suggestion as it was before issue 12 (frozen copy
 * of lib/classify/suggest.ts at 9498eca): the baseline of classify.1k-posts.
 * Not used by the extension.
 */
import type { CaseFlag, TierId } from '../../lib/cases/events.ts';
import type { PolicyProfile } from '../../lib/policy/schema.ts';

/** A proposed assessment with its reasons (Chinese, shown as is). */
export interface AssessmentSuggestion {
  tier: TierId;
  category: string;
  department: string;
  /** False when no category keyword matched and the default category was taken. */
  categoryMatched: boolean;
  flags: CaseFlag[];
  reasons: string[];
}

/** Signals that raise the tier, strongest first; from the documents' definitions of major cases. */
const TIER_SIGNALS: readonly { tier: TierId; words: readonly string[]; flags: readonly CaseFlag[] }[] = [
  { tier: 'especially-major', words: ['死亡', '遇难', '身亡', '爆炸', '坍塌', '群体性事件'], flags: ['sudden-event', 'major-casualties'] },
  { tier: 'major', words: ['受伤', '伤亡', '火灾', '泄漏', '中毒', '聚集', '堵路', '罢工'], flags: ['sudden-event'] },
  { tier: 'larger', words: ['曝光', '媒体', '记者', '转发', '热搜', '围观', '多次反映', '无人管'], flags: ['high-attention'] },
];

const FLAG_SIGNALS: readonly { flag: CaseFlag; words: readonly string[] }[] = [
  { flag: 'historical-legacy', words: ['多年', '遗留', '至今未', '一直没有解决', '历史问题'] },
  { flag: 'rumour', words: ['谣言', '造谣', '传言'] },
];

/** Proposes an assessment of `text` (the post, title included) under `policy`. */
export function wordListSuggestion(text: string, policy: PolicyProfile): AssessmentSuggestion {
  const reasons: string[] = [];
  const flags = new Set<CaseFlag>();

  let tier: TierId = 'general';
  for (const signal of TIER_SIGNALS) {
    const hits = signal.words.filter((word) => text.includes(word));
    if (hits.length > 0) {
      tier = signal.tier;
      signal.flags.forEach((flag) => flags.add(flag));
      reasons.push(`出现“${hits.join('、')}”，建议定为${labelOf(policy, signal.tier)}`);
      break;
    }
  }
  if (tier === 'general') reasons.push(`未见伤亡、突发或广泛传播的迹象，建议定为${labelOf(policy, 'general')}`);

  for (const signal of FLAG_SIGNALS) {
    const hits = signal.words.filter((word) => text.includes(word));
    if (hits.length > 0) {
      flags.add(signal.flag);
      reasons.push(`出现“${hits.join('、')}”`);
    }
  }

  let best = { id: policy.defaultCategory, hits: [] as string[] };
  for (const category of policy.categories) {
    const hits = category.keywords.filter((word) => text.includes(word));
    if (hits.length > best.hits.length) best = { id: category.id, hits };
  }
  const category = policy.categories.find((c) => c.id === best.id) ?? policy.categories[0]!;
  reasons.push(
    best.hits.length > 0
      ? `关键词“${best.hits.join('、')}”属于“${category.name}”，归口${category.department}`
      : `未命中分类关键词，按“${category.name}”归口${category.department}`,
  );

  return { tier, category: category.id, department: category.department, categoryMatched: best.hits.length > 0, flags: [...flags], reasons };
}

function labelOf(policy: PolicyProfile, tier: TierId): string {
  return policy.tiers.find((t) => t.id === tier)?.label ?? tier;
}
