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

  // Trie, built with a Map keyed state * alphabetSize + class; each state keeps
  // its children as parallel lists (class, child state), so nothing after this
  // loop needs the Map.
  const edges = new Map<number, number>();
  const childClasses: number[][] = [[]];
  const childStates: number[][] = [[]];
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
        next = childClasses.length;
        edges.set(key, next);
        childClasses.push([]);
        childStates.push([]);
        (childClasses[s] as number[]).push(cls);
        (childStates[s] as number[]).push(next);
        depthList.push((depthList[s] ?? 0) + 1);
        outList.push(-1);
      }
      s = next;
    }
    // The first pattern with a given folded form owns the state.
    if (outList[s] === -1) outList[s] = index;
    maxDepth = Math.max(maxDepth, p.length);
  });
  const stateCount = childClasses.length;
  // Breadth-first order: parents are placed, and their failure links known, before their children.
  const order: number[] = [0];
  for (let qi = 0; qi < order.length; qi++) for (const t of childStates[order[qi] as number] as number[]) order.push(t);

  // Double array: the child of slot s on class c is slot base[s] + c, valid
  // when check[that] === s. Two array reads per transition, no hashing.
  //
  // Placing a state means finding a base where every child's slot is free.
  // Scanning slot by slot from the first free one is quadratic: the first
  // free slots are holes no multi-child state fits, and every later state
  // walks past them again (4,000 topics took 16 s). Instead the free slots
  // form a linked list, and a slot that has been tried as the first child's
  // place `RETIRE_AFTER` times without fitting leaves the list (it stays free
  // for other children). Each slot is then tried a bounded number of times,
  // so building is linear in the number of trie states.
  const slotOf = new Int32Array(stateCount);
  const RETIRE_AFTER = 16;
  let size = Math.max(1024, (stateCount + alphabetSize) * 2);
  let base = new Int32Array(size);
  let check = new Int32Array(size).fill(-1);
  // Free list over slots ≥ 1: next/prev links, head at the root's slot 0; every slot ≥ size is free.
  let nextFree = new Int32Array(size);
  let prevFree = new Int32Array(size);
  let tries = new Uint8Array(size);
  let listed = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    nextFree[i] = i + 1;
    prevFree[i] = i - 1;
    listed[i] = 1;
  }
  listed[0] = 0;
  let tail = size - 1;
  const unlist = (slot: number): void => {
    if (!listed[slot]) return;
    listed[slot] = 0;
    const p = prevFree[slot] as number;
    const n = nextFree[slot] as number;
    nextFree[p] = n;
    if (n < size) prevFree[n] = p;
    else tail = p;
  };
  const grow = (need: number): void => {
    if (need < size) return;
    let next = size;
    while (next <= need) next *= 2;
    const widen = <T extends Int32Array | Uint8Array>(old: T, fill: number): T => {
      const wider = (old instanceof Int32Array ? new Int32Array(next) : new Uint8Array(next)) as T;
      if (fill !== 0) wider.fill(fill);
      wider.set(old);
      return wider;
    };
    base = widen(base, 0);
    check = widen(check, -1);
    nextFree = widen(nextFree, 0);
    prevFree = widen(prevFree, 0);
    tries = widen(tries, 0);
    listed = widen(listed, 0);
    for (let i = size; i < next; i++) {
      nextFree[i] = i + 1;
      prevFree[i] = i === size ? tail : i - 1;
      listed[i] = 1;
    }
    nextFree[tail] = size;
    tail = next - 1;
    size = next;
  };
  check[0] = -2; // the root's slot is taken
  for (const s of order) {
    const kids = childClasses[s] as number[];
    if (kids.length === 0) continue;
    const slot = slotOf[s] as number;
    let first = kids[0] as number;
    let last = first;
    for (const cls of kids) {
      if (cls < first) first = cls;
      if (cls > last) last = cls;
    }
    let candidate = nextFree[0] as number;
    let b: number;
    for (;;) {
      grow(candidate + (last - first) + 1);
      b = candidate - first;
      let fits = b >= 1;
      if (fits) {
        for (const cls of kids) {
          if ((check[b + cls] as number) !== -1) {
            fits = false;
            break;
          }
        }
      }
      if (fits) break;
      const following = nextFree[candidate] as number;
      tries[candidate] = (tries[candidate] as number) + 1;
      if ((tries[candidate] as number) >= RETIRE_AFTER) unlist(candidate);
      candidate = following;
    }
    base[slot] = b;
    const targets = childStates[s] as number[];
    for (let k = 0; k < kids.length; k++) {
      const at = b + (kids[k] as number);
      check[at] = slot;
      unlist(at);
      slotOf[targets[k] as number] = at;
    }
  }
  grow(size); // keep base/check the same length for the scan
  const slots = size;
  const out = new Int32Array(slots).fill(-1);
  const depth = new Int32Array(slots);
  for (let s = 0; s < stateCount; s++) {
    const slot = slotOf[s] as number;
    out[slot] = outList[s] ?? -1;
    depth[slot] = depthList[s] ?? 0;
  }
  // Failure and dictionary-suffix links, breadth first, following the double
  // array's own transitions (two array reads each) rather than the Map.
  const fail = new Int32Array(slots);
  const dict = new Int32Array(slots).fill(-1);
  for (const s of order) {
    const from = slotOf[s] as number;
    const kids = childClasses[s] as number[];
    for (let k = 0; k < kids.length; k++) {
      const cls = kids[k] as number;
      const to = (base[from] as number) + cls;
      if (s === 0) continue; // depth-1 states fail to the root (0)
      let f = fail[from] as number;
      let target = -1;
      for (;;) {
        const t = (base[f] as number) + cls;
        if (t < slots && check[t] === f) {
          target = t;
          break;
        }
        if (f === 0) break;
        f = fail[f] as number;
      }
      const ft = target < 0 ? 0 : target;
      fail[to] = ft;
      dict[to] = (out[ft] as number) >= 0 ? ft : (dict[ft] as number);
    }
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

