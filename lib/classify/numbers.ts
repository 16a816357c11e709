/**
 * Numbers as people write them in posts: Arabic (12, 1.2, 2,000), Chinese
 * (十二、二十九、一百零五、两万), mixed (3万, 1.2亿), and the vague forms
 * (数十, 几百, 十余, 三十多) read as their lower bound, since "以上" in the
 * grading includes the bound and a vague figure must not overstate.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Source of the number pattern; one match is one written quantity (without its unit word). */
export const NUMBER_SOURCE =
  '(?:[0-9][0-9,，]*(?:\\.[0-9]+)?|[数几][十百千万]|[零〇一二两三四五六七八九十百千]+)[万亿]?(?:余|多|来)?';

/**
 * Reads a quantity matched by {@link NUMBER_SOURCE}. Returns undefined when
 * the text is not a number (e.g. a lone 千 in a place name is still read as
 * 1000 — callers only use numbers next to a unit or a counted word).
 */
export function parseQuantity(written: string): number | undefined {
  let text = written.replace(/(余|多|来)$/u, '');
  let multiplier = 1;
  const last = text.at(-1);
  if (last !== undefined && last in BIG_UNITS && text.length > 1) {
    multiplier = BIG_UNITS[last]!;
    text = text.slice(0, -1);
  }
  let value: number | undefined;
  if (/^[0-9]/.test(text)) {
    value = Number(text.replace(/[,，]/g, ''));
  } else if (/^[数几]/.test(text)) {
    // 数十 / 几百: "several" tens or hundreds, at least two of them.
    const unit = text.slice(1);
    value = 2 * (SMALL_UNITS[unit] ?? BIG_UNITS[unit] ?? 1);
  } else {
    value = parseChineseNumeral(text);
  }
  return value === undefined || !Number.isFinite(value) ? undefined : value * multiplier;
}

/**
 * A Chinese numeral below 万 with an optional 万/亿 part: 十二 → 12,
 * 二十九 → 29, 一百零五 → 105, 两千 → 2000, 十 → 10. Undefined for an
 * empty or malformed numeral.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char in SMALL_UNITS) {
      // 十二: a unit with no digit before it means one of it.
      section += (digit ?? 1) * SMALL_UNITS[char]!;
      digit = undefined;
    } else if (char in BIG_UNITS) {
      total += (section + (digit ?? 0)) * BIG_UNITS[char]!;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}
