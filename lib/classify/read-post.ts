/**
 * Reading a post before grading it: the figures it gives (casualties,
 * losses, public reaction), the words it negates (未造成人员伤亡) and the
 * claim it refutes (网传大桥坍塌系谣言). Positions are UTF-16 offsets into
 * the text as given.
 */
import type { Measure } from '../policy/tier-criteria';
import { NUMBER_SOURCE, parseQuantity } from './numbers';

/** One figure read from the post, with the words that gave it (for the reasons). */
export interface Quantity {
  measure: Measure;
  value: number;
  /** The words as written, e.g. 12名矿工遇难 or 死亡人数升至10人. */
  evidence: string;
  start: number;
}

/** What the reader found. */
export interface PostReading {
  quantities: Quantity[];
  /** Negated phrases, e.g. 未造成人员伤亡. */
  negations: string[];
  /** The refutation, e.g. 系谣言, when the post denies a claim. */
  refutation?: { marker: string; claim: string };
  /** The text with the refuted claim removed: what the post affirms. */
  affirmed: string;
  /** Whether a word at [start, end) of `affirmed` is negated by the words before it in its clause. */
  isNegated(start: number): boolean;
}

/** Words that count each measure, longest first so 重伤 is not read as 伤. */
const MEASURE_WORDS: readonly { measure: Measure; words: readonly string[] }[] = [
  // 死亡（含失踪）, as the accident statistics count them.
  { measure: 'deaths', words: ['死亡', '遇难', '身亡', '丧生', '罹难', '失踪', '死'] },
  { measure: 'seriously-injured', words: ['重伤'] },
  { measure: 'injured', words: ['受伤', '轻伤', '中毒', '送医', '就医', '入院', '住院', '呕吐', '伤'] },
];
const WORD_MEASURE = new Map<string, Measure>(MEASURE_WORDS.flatMap(({ measure, words }) => words.map((w) => [w, measure] as const)));
const CASUALTY_WORDS = [...WORD_MEASURE.keys()].sort((a, b) => b.length - a.length);

/** Any character of a casualty word: a post without one needs no casualty pattern. */
const CASUALTY_CHARS = new RegExp(`[${[...new Set(CASUALTY_WORDS.join(''))].join('')}]`, 'u');
const NEGATABLE_WORDS = ['伤亡', '损失', ...CASUALTY_WORDS];

const PUNCTUATION = '，。；：！？、,.;:!?\\s（）()“”"【】《》';
const GAP = `[^${PUNCTUATION}0-9零〇一二两三四五六七八九十百千万亿]`;
const PERSON_UNIT = '(?:人|名|位|例)';

/** "12名矿工遇难", "三人死亡", "2死3伤": a number of people, a short gap, then the word. */
const COUNT_BEFORE = new RegExp(`(${NUMBER_SOURCE})${PERSON_UNIT}?(${GAP}{0,8}?)(${CASUALTY_WORDS.join('|')})`, 'gu');
/** "死亡人数升至10人", "重伤12人", "死亡和失踪共三十二人": the word, a short gap, then the number of people. */
const COUNT_AFTER = new RegExp(`(${CASUALTY_WORDS.join('|')})(${GAP}{0,6}?)(${NUMBER_SOURCE})${PERSON_UNIT}`, 'gu');
/** "直接经济损失约2000万元", "损失5000万元以上". */
const LOSS = new RegExp(`损失${GAP}{0,4}?(${NUMBER_SOURCE})(元)`, 'gu');
/** "跟帖2000多条", "浏览量已超过100万次", "转发已超过1万次", and "2000多条跟帖". */
const REACTION_WORDS: readonly { measure: Measure; words: string }[] = [
  { measure: 'replies', words: '跟帖|回帖|回复|评论|留言' },
  { measure: 'views', words: '浏览|阅读|点击|播放|围观' },
  { measure: 'reposts', words: '转发|转载|分享' },
];
const REACTION_WORD = new RegExp(REACTION_WORDS.map(({ words }) => words).join('|'), 'u');
const REACTION_PATTERNS = REACTION_WORDS.flatMap(({ measure, words }) => [
  { measure, pattern: new RegExp(`(?:${words})[量数]?${GAP}{0,4}?(${NUMBER_SOURCE})(?:条|次|人次|个|人)?`, 'gu') },
  { measure, pattern: new RegExp(`(${NUMBER_SOURCE})(?:条|次|人次)(?:${words})`, 'gu') },
]);

/** Negation before a word in the same clause (未造成人员伤亡, 无人员死亡, 没有人员受伤, 暂未发现人员伤亡). */
const NEGATION = /(?:未|无|没有|没|并无|暂无|不存在)[^，。；！？,.;!?]{0,6}$/u;
/** A refutation: the claim before it is denied. Checked last-first. */
const REFUTATION_MARKERS = ['纯属谣言', '系谣言', '是谣言', '为谣言', '属谣言', '虚假信息', '假消息', '不实', '子虚乌有', '并非事实', '辟谣'];
/** Where a denied claim starts (网传…系谣言). */
const CLAIM_START = /(网传|网上流传|传言|据传|有网友称|有人称|有人说|关于)/gu;

/** Reads the figures, negations and refutation of a post. */
export function readPost(text: string): PostReading {
  const refutation = findRefutation(text);
  const affirmed = refutation ? text.replace(refutation.claim, '') : text;
  const isNegated = (start: number): boolean => NEGATION.test(affirmed.slice(Math.max(0, start - 12), start));

  const quantities: Quantity[] = [];
  const claimed = new Set<number>();
  const add = (measure: Measure, written: string, evidence: string, start: number, wordStart: number): void => {
    const value = parseQuantity(written);
    if (value === undefined || value <= 0 || claimed.has(wordStart)) return;
    claimed.add(wordStart);
    quantities.push({ measure, value, evidence, start });
  };
  // Cheap guards first: most posts name no casualty, loss or reaction at all.
  const casualties = CASUALTY_CHARS.test(affirmed);
  for (const match of casualties ? affirmed.matchAll(COUNT_AFTER) : []) {
    const [whole, word, , number] = match;
    add(WORD_MEASURE.get(word!)!, number!, whole, match.index, match.index);
  }
  for (const match of casualties ? affirmed.matchAll(COUNT_BEFORE) : []) {
    const [whole, number, , word] = match;
    add(WORD_MEASURE.get(word!)!, number!, whole, match.index, match.index + whole.length - word!.length);
  }
  for (const match of affirmed.includes('损失') ? affirmed.matchAll(LOSS) : []) {
    const [whole, number] = match;
    const value = parseQuantity(number!);
    if (value !== undefined && value > 0) quantities.push({ measure: 'direct-loss-yuan', value, evidence: whole, start: match.index });
  }
  for (const { measure, pattern } of REACTION_WORD.test(affirmed) ? REACTION_PATTERNS : []) {
    for (const match of affirmed.matchAll(pattern)) {
      const [whole, number] = match;
      const value = parseQuantity(number!);
      if (value !== undefined && value > 0) quantities.push({ measure, value, evidence: whole, start: match.index });
    }
  }

  const negations: string[] = [];
  for (const word of casualties || affirmed.includes('损失') ? NEGATABLE_WORDS : []) {
    let at = affirmed.indexOf(word);
    while (at >= 0) {
      if (isNegated(at)) {
        const clauseStart = Math.max(affirmed.slice(0, at).search(/[^，。；！？,.;!?]*$/u), at - 12);
        const phrase = affirmed.slice(clauseStart, at + word.length);
        if (!negations.some((n) => n.includes(phrase) || phrase.includes(n))) negations.push(phrase);
      }
      at = affirmed.indexOf(word, at + word.length);
    }
  }

  return { quantities, negations, ...(refutation ? { refutation } : {}), affirmed, isNegated };
}

/** The last refutation marker and the claim it denies (from the claim's start, or its clause, up to the marker). */
function findRefutation(text: string): { marker: string; claim: string } | undefined {
  let best: { marker: string; at: number } | undefined;
  for (const marker of REFUTATION_MARKERS) {
    const at = text.lastIndexOf(marker);
    if (at >= 0 && (!best || at > best.at)) best = { marker, at };
  }
  if (!best) return undefined;
  let start = -1;
  for (const match of text.slice(0, best.at).matchAll(CLAIM_START)) start = match.index;
  if (start < 0) {
    // No 网传/传言: the denied claim is the clause the marker closes.
    start = text.slice(0, best.at).search(/[^，。；！？,.;!?：:]*$/u);
  }
  return { marker: best.marker, claim: text.slice(start, best.at) };
}
