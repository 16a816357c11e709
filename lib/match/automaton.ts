/**
 * Aho–Corasick automaton over folded UTF-16 code units.
 *
 * One pass over the text whatever the number of patterns. The per-character
 * work is one table lookup that folds and classifies the code unit at once
 * (`classOf`), then a transition in a double array (base[state] + class,
 * checked by check[]): two array reads. Typed arrays only, so the
 * hot loop stays monomorphic and allocation-free; matches go into a growable
 * Int32Array of (start, end, pattern) triples.
 */
import { SKIP } from './fold-table.ts';

/** Class value of a separator code unit: skipped without changing state. */
const SKIP_CLASS = 0xffff;

/** A compiled automaton. */
export interface Automaton {
  /**
   * Every occurrence of every pattern, overlapping ones included, as a flat
   * array of (start, end, patternIndex) triples; `start`/`end` are UTF-16
   * offsets into `text`, separators inside a match included.
   */
  scanRaw(text: string): Int32Array;
}

/**
 * Builds the automaton. Each pattern is a sequence of code units folded
 * with `fold` (separators already removed, see `foldWith`); empty patterns
 * never match. The text is folded with the same table while scanning.
 */
export function buildAutomaton(patterns: readonly (readonly number[])[], fold: Uint16Array): Automaton {

  // Dense alphabet of the code units patterns use; 0 = "in no pattern".
  const alphaId = new Map<number, number>();
  for (const p of patterns) for (const u of p) if (!alphaId.has(u)) alphaId.set(u, alphaId.size + 1);
  const alphabetSize = alphaId.size + 1;
  const classOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c] ?? c;
    classOf[c] = f === SKIP ? SKIP_CLASS : (alphaId.get(f) ?? 0);
  }

  // Trie, built with a Map keyed state * alphabetSize + class.
  const edges = new Map<number, number>();
  const children: number[][] = [[]];
  const depthList: number[] = [0];
  const outList: number[] = [-1];
  let maxDepth = 1;
  patterns.forEach((p, index) => {
    if (p.length === 0) return;
    let s = 0;
    for (const u of p) {
      const cls = alphaId.get(u) ?? 0;
      const key = s * alphabetSize + cls;
      let next = edges.get(key);
      if (next === undefined) {
        next = children.length;
        edges.set(key, next);
        children.push([]);
        children[s]?.push(cls);
        depthList.push((depthList[s] ?? 0) + 1);
        outList.push(-1);
      }
      s = next;
    }
    // The first pattern with a given folded form owns the state.
    if (outList[s] === -1) outList[s] = index;
    maxDepth = Math.max(maxDepth, p.length);
  });
  const stateCount = children.length;

  // Failure and dictionary-suffix links over the trie, breadth first.
  const trieFail = new Int32Array(stateCount);
  const trieDict = new Int32Array(stateCount).fill(-1);
  const order: number[] = [0];
  const child = (s: number, cls: number): number => edges.get(s * alphabetSize + cls) ?? -1;
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi] as number;
    for (const cls of children[s] ?? []) {
      const t = child(s, cls);
      if (s !== 0) {
        let f = trieFail[s] as number;
        let target = child(f, cls);
        while (target < 0 && f !== 0) {
          f = trieFail[f] as number;
          target = child(f, cls);
        }
        const ft = target < 0 ? 0 : target;
        trieFail[t] = ft;
        trieDict[t] = (outList[ft] ?? -1) >= 0 ? ft : (trieDict[ft] as number);
      }
      order.push(t);
    }
  }

  // Double array: the child of slot s on class c is slot base[s] + c, valid
  // when check[that] === s. Two array reads per transition, no hashing.
  const slotOf = new Int32Array(stateCount);
  let size = Math.max(1024, (stateCount + alphabetSize) * 2);
  let base = new Int32Array(size);
  let check = new Int32Array(size).fill(-1);
  const grow = (need: number): void => {
    if (need < size) return;
    let next = size;
    while (next <= need) next *= 2;
    const b2 = new Int32Array(next);
    b2.set(base);
    const c2 = new Int32Array(next).fill(-1);
    c2.set(check);
    base = b2;
    check = c2;
    size = next;
  };
  check[0] = -2; // the root's slot is taken
  let firstFree = 1;
  for (const s of order) {
    const kids = children[s] ?? [];
    if (kids.length === 0) continue;
    const slot = slotOf[s] as number;
    const first = kids[0] as number;
    while ((check[firstFree] as number) !== -1) {
      firstFree++;
      grow(firstFree + alphabetSize);
    }
    let b = Math.max(1, firstFree - first);
    for (;;) {
      grow(b + alphabetSize + 1);
      let fits = true;
      for (const cls of kids) {
        if ((check[b + cls] as number) !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      b++;
    }
    base[slot] = b;
    for (const cls of kids) {
      check[b + cls] = slot;
      slotOf[child(s, cls)] = b + cls;
    }
  }
  grow(size); // keep base/check the same length for the scan
  const slots = size;
  const fail = new Int32Array(slots);
  const dict = new Int32Array(slots).fill(-1);
  const out = new Int32Array(slots).fill(-1);
  const depth = new Int32Array(slots);
  for (let s = 0; s < stateCount; s++) {
    const slot = slotOf[s] as number;
    fail[slot] = slotOf[trieFail[s] as number] as number;
    const d = trieDict[s] as number;
    dict[slot] = d < 0 ? -1 : (slotOf[d] as number);
    out[slot] = outList[s] ?? -1;
    depth[slot] = depthList[s] ?? 0;
  }
  // First slot to report from each slot: itself if it ends a pattern, else its dictionary link.
  const report = new Int32Array(slots).fill(-1);
  for (let s = 0; s < stateCount; s++) {
    const slot = slotOf[s] as number;
    report[slot] = (out[slot] as number) >= 0 ? slot : (dict[slot] as number);
  }
  // Transitions read past the end hit check = -1 (no edge) instead of undefined.
  const baseArr = base;
  const checkArr = new Int32Array(slots + alphabetSize + 1).fill(-1);
  checkArr.set(check);

  let ringSize = 1;
  while (ringSize < maxDepth) ringSize *= 2;
  const ringMask = ringSize - 1;

  return {
    scanRaw(text: string): Int32Array {
      const ring = new Int32Array(ringSize);
      let found = new Int32Array(96);
      let foundLen = 0;
      let state = 0;
      let consumed = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const cls = classOf[text.charCodeAt(i)] as number;
        if (cls === 0) {
          state = 0;
          continue;
        }
        if (cls === SKIP_CLASS) continue;
        let s = state;
        let next: number;
        for (;;) {
          const t = (baseArr[s] as number) + cls;
          if (checkArr[t] === s) {
            next = t;
            break;
          }
          if (s === 0) {
            next = 0;
            break;
          }
          s = fail[s] as number;
        }
        state = next;
        ring[consumed & ringMask] = i;
        let r = report[state] as number;
        if (r >= 0) {
          while (r >= 0) {
            if (foundLen + 3 > found.length) {
              const grown = new Int32Array(found.length * 2);
              grown.set(found);
              found = grown;
            }
            found[foundLen++] = ring[(consumed - (depth[r] as number) + 1) & ringMask] as number;
            found[foundLen++] = i + 1;
            found[foundLen++] = out[r] as number;
            r = dict[r] as number;
          }
        }
        consumed++;
      }
      return found.subarray(0, foundLen);
    },
  };
}

