/**
 * The assessment (研判) the side panel proposes for a captured post: a tier,
 * a category and its responsible department, with the words and numbers
 * that led to each, so the officer can accept or correct it knowingly.
 *
 * The tier follows the profile's tier criteria (`policy.tierCriteria`; the
 * built-in defaults are the national accident grading of 生产安全事故报告和
 * 调查处理条例 第三条 plus attention rules). Figures are read as people write
 * them (十二名、三十余人、2死3伤、2000万元). A negated word (未造成人员伤亡)
 * never raises the tier, and a refuted claim (网传…系谣言) is flagged 谣言
 * instead of being graded as the disaster it denies.
 */
import { TIER_IDS, type CaseFlag, type TierId } from '../cases/events';
import type { PolicyProfile } from '../policy/schema';
import type { Measure, ReactionMeasure } from '../policy/tier-criteria';
import { readPost, type Quantity } from './read-post';
import { SUBJECTS } from './subjects';
import { compileLexicon, type Lexicon, type Occurrences } from './lexicon';

/** A proposed assessment with its reasons (Chinese, shown as is). */
export interface AssessmentSuggestion {
  tier: TierId;
  category: string;
  department: string;
  /** False when neither a keyword nor the subject matched and the default category was taken. */
  categoryMatched: boolean;
  /** The words that decided the category (the profile's keywords first, then subject words). */
  categoryWords: string[];
  flags: CaseFlag[];
  /** Every word and number that moved the suggestion, in the order applied. */
  reasons: string[];
}

/** Public reaction counted by the page (and, when re-checked, the previous counts). */
export interface Reaction {
  replies?: number;
  views?: number;
  reposts?: number;
  /** The counts at the previous check, for the growth rules. */
  previous?: { replies?: number; views?: number; reposts?: number };
}

const MEASURE_LABELS: Readonly<Record<Measure, { name: string; unit: string }>> = {
  deaths: { name: '死亡', unit: '人' },
  'seriously-injured': { name: '重伤', unit: '人' },
  injured: { name: '受伤或中毒', unit: '人' },
  'direct-loss-yuan': { name: '直接经济损失', unit: '元' },
  replies: { name: '跟帖', unit: '条' },
  views: { name: '浏览', unit: '次' },
  reposts: { name: '转发', unit: '次' },
};
const COUNTED_MEASURES: readonly Measure[] = ['deaths', 'seriously-injured', 'injured', 'direct-loss-yuan'];
const RUMOUR_WORDS = ['谣言', '造谣', '传谣'];

/**
 * Proposes an assessment of `text` (the post, title included) under `policy`;
 * `reaction` is the page's own reply/view/repost counts, which count like
 * figures written in the text. Never throws.
 */
export function suggestAssessment(text: string, policy: PolicyProfile, reaction: Reaction = {}): AssessmentSuggestion {
  const criteria = policy.tierCriteria;
  const reading = readPost(text);
  const { lexicon } = compiledProfile(policy);
  const found = lexicon.scan(reading.affirmed);
  const reasons: string[] = [];
  const flags = new Set<CaseFlag>();
  let tier: TierId = 'general';
  const raise = (to: TierId, reason: string): void => {
    const raised = TIER_IDS.indexOf(to) < TIER_IDS.indexOf(tier);
    if (raised) tier = to;
    reasons.push(raised ? `${reason}，升为${labelOf(policy, to)}` : reason);
  };

  if (reading.refutation) {
    flags.add('rumour');
    const claim = reading.refutation.claim.trim();
    reasons.push(
      `“${claim || '所传内容'}”被否认（“${reading.refutation.marker}”）：按谣言处置，不按所述情况定级`,
    );
  } else {
    const rumourWords = RUMOUR_WORDS.filter((word) => found.has(word));
    if (rumourWords.length > 0) {
      flags.add('rumour');
      reasons.push(`出现“${rumourWords.join('、')}”，标记为谣言`);
    }
  }
  for (const negation of reading.negations) reasons.push(`否定表述“${negation}”，不据此升级`);

  const best = new Map<Measure, Quantity>();
  for (const quantity of reading.quantities) {
    const current = best.get(quantity.measure);
    if (!current || quantity.value > current.value) best.set(quantity.measure, quantity);
  }
  for (const measure of ['replies', 'views', 'reposts'] as const) {
    const given = reaction[measure];
    const current = best.get(measure);
    if (given !== undefined && given > 0 && (!current || given > current.value)) {
      best.set(measure, { measure, value: given, evidence: `页面显示${MEASURE_LABELS[measure].name}${given}`, start: -1 });
    }
  }
  const counted = COUNTED_MEASURES.some((measure) => best.has(measure));

  for (const rule of criteria.thresholds) {
    const quantity = best.get(rule.measure);
    if (!quantity) continue;
    rule.flags.forEach((flag) => flags.add(flag));
    const { name, unit } = MEASURE_LABELS[rule.measure];
    const figure = `“${quantity.evidence}”：${name}${formatCount(quantity.value)}${unit}`;
    const level = [...rule.levels]
      .sort((a, b) => TIER_IDS.indexOf(a.tier) - TIER_IDS.indexOf(b.tier))
      .find((candidate) => quantity.value >= candidate.atLeast);
    if (level) {
      level.flags.forEach((flag) => flags.add(flag));
      raise(level.tier, `${figure}，达到${labelOf(policy, level.tier)}标准（${formatCount(level.atLeast)}${unit}以上）`);
    } else {
      const lowest = rule.levels.reduce((a, b) => (a.atLeast < b.atLeast ? a : b));
      reasons.push(`${figure}，未达${labelOf(policy, lowest.tier)}标准（${formatCount(lowest.atLeast)}${unit}以上）`);
    }
  }

  for (const rule of criteria.growth) {
    const now = best.get(rule.measure)?.value ?? reaction[rule.measure];
    const before = reaction.previous?.[rule.measure as ReactionMeasure];
    if (now === undefined || before === undefined || now < rule.minimum || now < before * rule.factor) continue;
    rule.flags.forEach((flag) => flags.add(flag));
    const { name, unit } = MEASURE_LABELS[rule.measure];
    raise(rule.raiseTo, `两次巡查间${name}由${formatCount(before)}${unit}增至${formatCount(now)}${unit}（${rule.factor}倍以上）`);
  }

  const { signalRefs } = compiledProfile(policy);
  const signalHits = hitsByOwner(found, signalRefs);
  criteria.signals.forEach((signal, index) => {
    const hits = wordsAt(signal.words, signalHits.get(index)).filter((word) => found.get(word)!.some((start) => !reading.isNegated(start)));
    if (hits.length === 0) return;
    signal.flags.forEach((flag) => flags.add(flag));
    const words = `“${hits.join('、')}”（${signal.label}）`;
    if (signal.raiseTo === undefined) reasons.push(`出现${words}`);
    else if (signal.unlessCounted && counted) reasons.push(`出现${words}，已有伤亡或损失数字，按数字定级`);
    else raise(signal.raiseTo, `出现${words}`);
  });
  if (tier === 'general' && reasons.every((reason) => !reason.includes('升为'))) {
    reasons.push(`未见达到较大以上标准的伤亡、损失、关注度或媒体介入，建议定为${labelOf(policy, 'general')}`);
  }

  const category = chooseCategory(found, policy);
  reasons.push(category.reason);
  return {
    tier,
    category: category.id,
    department: category.department,
    categoryMatched: category.words.length > 0,
    categoryWords: category.words,
    flags: [...flags],
    reasons,
  };
}

/**
 * The category whose keywords (2 points each) and subject words (1 point
 * each, when the category's name or keywords carry the subject's hints)
 * score highest; ties go to the category listed first; nothing → default.
 */
function chooseCategory(found: Occurrences, policy: PolicyProfile): { id: string; department: string; words: string[]; reason: string } {
  const { subjectsOf, keywordRefs, subjectRefs } = compiledProfile(policy);
  // Subject index → its words the post contains (subjects without any are absent).
  const subjectWords = new Map([...hitsByOwner(found, subjectRefs)].map(([s, at]) => [s, wordsAt(SUBJECTS[s]!.words, at)]));
  const keywordHits = hitsByOwner(found, keywordRefs);
  let best: { index: number; score: number; keywords: string[]; subjectWords: string[]; subjects: string[] } | undefined;
  policy.categories.forEach((category, index) => {
    const keywords = wordsAt(category.keywords, keywordHits.get(index));
    const subjects = subjectsOf[index]!.filter((s) => subjectWords.has(s));
    const fromSubjects = subjects.length === 0 ? [] : [...new Set(subjects.flatMap((s) => subjectWords.get(s)!))].filter((word) => !keywords.includes(word));
    const score = 2 * keywords.length + fromSubjects.length;
    if (score > 0 && (!best || score > best.score)) {
      best = { index, score, keywords, subjectWords: fromSubjects, subjects: subjects.map((s) => SUBJECTS[s]!.name) };
    }
  });
  if (!best) {
    const fallback = policy.categories.find((c) => c.id === policy.defaultCategory) ?? policy.categories[0]!;
    return {
      id: fallback.id,
      department: fallback.department,
      words: [],
      reason: `未命中分类关键词或主题，按“${fallback.name}”归口${fallback.department}`,
    };
  }
  const chosen = policy.categories[best.index]!;
  const parts: string[] = [];
  if (best.keywords.length > 0) parts.push(`关键词“${best.keywords.join('、')}”`);
  if (best.subjectWords.length > 0) parts.push(`主题“${best.subjects.join('、')}”（${best.subjectWords.join('、')}）`);
  return {
    id: chosen.id,
    department: chosen.department,
    words: [...best.keywords, ...best.subjectWords],
    reason: `${parts.join('和')}属于“${chosen.name}”，归口${chosen.department}`,
  };
}

/**
 * Where a word sits in the profile's lists: owner = the index of its
 * category, subject or signal; at = its index in that owner's word list.
 */
interface WordRef {
  owner: number;
  at: number;
}
type WordRefs = ReadonlyMap<string, readonly WordRef[]>;

interface CompiledProfile {
  lexicon: Lexicon;
  subjectsOf: number[][];
  keywordRefs: WordRefs;
  subjectRefs: WordRefs;
  signalRefs: WordRefs;
}

function refsOf(lists: readonly (readonly string[])[]): WordRefs {
  const refs = new Map<string, WordRef[]>();
  lists.forEach((words, owner) =>
    words.forEach((word, at) => {
      const list = refs.get(word);
      if (list) list.push({ owner, at });
      else refs.set(word, [{ owner, at }]);
    }),
  );
  return refs;
}

/**
 * Owner → the list indexes of its words the post contains, ascending; owners
 * with none are absent. Walks the few words found rather than every word of
 * the profile: a post names a handful of its hundreds of words
 * (classify.1k-posts).
 */
function hitsByOwner(found: Occurrences, refs: WordRefs): Map<number, number[]> {
  const hits = new Map<number, number[]>();
  for (const word of found.keys()) {
    for (const { owner, at } of refs.get(word) ?? []) {
      const list = hits.get(owner);
      if (list) list.push(at);
      else hits.set(owner, [at]);
    }
  }
  for (const list of hits.values()) if (list.length > 1) list.sort((a, b) => a - b);
  return hits;
}

/** The words at `indexes` of `words`, in list order (as `words.filter(found)` gives them); none when undefined. */
function wordsAt(words: readonly string[], indexes: readonly number[] | undefined): string[] {
  return indexes ? indexes.map((at) => words[at]!) : [];
}

const compiled = new WeakMap<PolicyProfile, CompiledProfile>();

/**
 * Per profile, once: one lexicon of every word the suggestion looks for, and
 * which subjects (by index) each category covers — those whose hints its
 * name or keywords carry.
 */
function compiledProfile(policy: PolicyProfile): CompiledProfile {
  let entry = compiled.get(policy);
  if (!entry) {
    entry = {
      lexicon: compileLexicon([
        ...policy.categories.flatMap((category) => category.keywords),
        ...SUBJECTS.flatMap((subject) => subject.words),
        ...policy.tierCriteria.signals.flatMap((signal) => signal.words),
        ...RUMOUR_WORDS,
      ]),
      keywordRefs: refsOf(policy.categories.map((category) => category.keywords)),
      subjectRefs: refsOf(SUBJECTS.map((subject) => subject.words)),
      signalRefs: refsOf(policy.tierCriteria.signals.map((signal) => signal.words)),
      subjectsOf: policy.categories.map((category) =>
        SUBJECTS.flatMap((subject, index) =>
          subject.categoryHints.some((hint) => category.name.includes(hint) || category.keywords.some((k) => k.includes(hint))) ? [index] : [],
        ),
      ),
    };
    compiled.set(policy, entry);
  }
  return entry;
}

function labelOf(policy: PolicyProfile, tier: TierId): string {
  return policy.tiers.find((t) => t.id === tier)?.label ?? tier;
}

/** 20000000 → 2000万, 120000000 → 1.2亿, 12 → 12. */
export function formatCount(value: number): string {
  if (value >= 100_000_000) return `${trim(value / 100_000_000)}亿`;
  if (value >= 10_000) return `${trim(value / 10_000)}万`;
  return trim(value);
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}
