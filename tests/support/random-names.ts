/**
 * Seeded random watch-list names and a text made of them, for tests that
 * compare two ways of matching: names of 1..`maxLength` characters drawn from
 * `alphabet`; the text, until `length` code units, is runs of a whole name
 * (share `nameShare`, noise put before a character with probability
 * `noiseInside`), single characters of the alphabet (up to `nameShare +
 * charShare`) or noise.
 */
export interface RandomNamesOptions {
  maxLength: number;
  length: number;
  nameShare: number;
  charShare: number;
  noiseInside: number;
  noise: readonly string[];
}

export function randomNamesInText(rnd: () => number, alphabet: string, count: number, options: RandomNamesOptions): { names: string[]; text: string } {
  const { maxLength, length, nameShare, charShare, noiseInside, noise } = options;
  const chars = [...alphabet];
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const names = Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rnd() * maxLength) }, () => pick(chars)).join(''));
  let text = '';
  while (text.length < length) {
    const roll = rnd();
    if (roll < nameShare) for (const ch of pick(names)) text += rnd() < noiseInside ? pick(noise) + ch : ch;
    else if (roll < nameShare + charShare) text += pick(chars);
    else text += pick(noise);
  }
  return { names, text };
}
