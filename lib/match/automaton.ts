/**
 * Aho–Corasick automaton over folded UTF-16 code units.
 *
 * One pass over the text whatever the number of patterns. The per-character
 * work is one table lookup that folds and classifies the code unit at once
 * (`classOf`), then a transition in a double array (base[state] + class,
 * checked by check[]): two array reads. Typed arrays only, so the
 * hot loop stays monomorphic and allocation-free; matches go into a growable
 * Int32Array of (start, end, pattern) triples.
 *
 * Sources: A. V. Aho and M. J. Corasick, "Efficient string matching: an aid
 * to bibliographic search", CACM 18(6), 1975 (failure and dictionary-suffix
 * links); J. Aoe, "An efficient digital search algorithm by using a
 * double-array structure", IEEE TSE 15(9), 1989 (the base/check layout).
 *
 * Measured and not kept (tests/bench/match.bench.ts text, CPU time against
 * the bare charCodeAt loop, same matches checked): a filter on the first two
 * folded code units of every pattern (a 2^17–2^18-bit hash set over raw
 * code-unit pairs, fold variants expanded, noise runs and emoji on a slow
 * path), then a walk of the double array from each candidate start — the
 * multi-pattern Rabin–Karp / Wu–Manber prefix-filter idea. On Chinese
 * text the filter passes 10–12 % of positions (real pattern prefixes, not
 * false hits), and walking from each costs as much as this automaton's
 * failure links; one branch-free pass collecting candidates was itself
 * 2.7× the floor. Both came out no faster than this loop (0.16–0.19 of the
 * floor against its 0.18–0.22), so the automaton stays.
 *
 * A DFA was measured here before and not kept (14.4–16.7 ms/MB against
 * this loop's 14.5–17.5 on a loaded machine). Measured again with CPU time
 * (minimum over 40–80 runs in one process, so that preemption does not
 * count), the failure walk cost 15–19 ms/MB against a DFA step with one
 * cell per step and no branch on the failure path at 10–12 (bare charCodeAt
 * loop: 3.1–3.2): the scan now runs as that DFA (dfa.ts) when its rows stay
 * small, and this loop is the fallback for lists where they would not.
 * What the bench text costs beyond the walk is recording 65,000 raw and
 * 50,000 reported matches a megabyte (half its terms are cut from the text,
 * which repeats 20 times) and, for `scan`, the 50,000 result objects and the
 * young-generation collections they cause.
 */
import { dfaAutomaton, doubled, NO_MATCHES, startRing } from './dfa.ts';
import { RowPlacer } from './double-array.ts';
import { EMOJI_LEAD_FIRST, EMOJI_LEAD_LAST, SKIP } from './fold-table.ts';

/** Class value of a separator code unit: skipped without changing state. */
export const SKIP_CLASS = 0xffff;


/** A compiled automaton. */
export interface Automaton {
  /**
   * Every occurrence of every pattern, overlapping ones included, as a flat
   * array of (start, end, patternIndex) triples; `start`/`end` are UTF-16
   * offsets into `text`, separators inside a match included.
   *
   * The array is a view of a buffer the automaton reuses: valid until the
   * next `scanRaw`, and the caller may reorder it in place. A page scans
   * each of a thread's 1,000 posts; two fresh typed arrays per post cost
   * more than matching a short post.
   */
  scanRaw(text: string): Int32Array;
}

/**
 * Builds the automaton. Each pattern is a sequence of code units folded
 * with `fold` (separators already removed, see `foldWith`); empty patterns
 * never match. The text is folded with the same table while scanning.
 */
export function buildAutomaton(patterns: readonly (readonly number[])[], fold: Uint16Array): Automaton {
  return automatonFromTables(buildAutomatonTables(patterns), fold);
}

/**
 * The automaton's tables, everything a scan needs except the fold table:
 * what the background builds once per watch-list change and each page loads
 * (lib/match/packed.ts). All per-slot arrays have `slots` entries.
 */
export interface AutomatonTables {
  /** The folded code units patterns use, in class order: class c ≥ 1 is `alphabet[c - 1]`. */
  alphabet: Uint16Array;
  /** Double array: the child of slot s on class c is base[s] + c when check[base[s] + c] === s. */
  base: Int32Array;
  check: Int32Array;
  /** Failure link per slot. */
  fail: Int32Array;
  /** Dictionary-suffix link per slot (the nearest shorter suffix slot ending a pattern), -1 if none. */
  dict: Int32Array;
  /** Pattern ending at the slot, -1 if none. */
  out: Int32Array;
  /** Depth (pattern length in folded code units) of each slot. */
  depth: Int32Array;
  /** The longest pattern's length. */
  maxDepth: number;
}

/** Builds the tables of {@link buildAutomaton} (linear in the patterns' total length). */
export function buildAutomatonTables(patterns: readonly (readonly number[])[]): AutomatonTables {

  // Dense alphabet of the code units patterns use; 0 = "in no pattern".
  const alphaId = new Int32Array(0x10000);
  let alphabetSize = 1;
  for (const p of patterns) for (const u of p) if (alphaId[u] === 0) alphaId[u] = alphabetSize++;

  // Trie in flat typed arrays: state t ≥ 1 hangs under parentOf[t] on class
  // classIn[t]; an open-addressing hash (parent, class) → child finds edges
  // while inserting. No Map and no array per state: building allocates a
  // handful of arrays whatever the list's size.
  let totalUnits = 0;
  for (const p of patterns) totalUnits += p.length;
  const maxStates = totalUnits + 1;
  const parentOf = new Int32Array(maxStates);
  const classIn = new Int32Array(maxStates);
  const depthList = new Int32Array(maxStates);
  const outList = new Int32Array(maxStates).fill(-1);
  let capacity = 16;
  while (capacity < maxStates * 2) capacity *= 2;
  const hashMask = capacity - 1;
  const hashState = new Int32Array(capacity).fill(-1);
  const hashClass = new Int32Array(capacity);
  const hashChild = new Int32Array(capacity);
  let stateCount = 1;
  let maxDepth = 1;
  patterns.forEach((p, index) => {
    if (p.length === 0) return;
    let s = 0;
    for (const u of p) {
      const cls = alphaId[u] as number;
      let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(cls, 0x85ebca77)) & hashMask;
      let next = -1;
      while ((hashState[h] as number) !== -1) {
        if (hashState[h] === s && hashClass[h] === cls) {
          next = hashChild[h] as number;
          break;
        }
        h = (h + 1) & hashMask;
      }
      if (next < 0) {
        next = stateCount++;
        hashState[h] = s;
        hashClass[h] = cls;
        hashChild[h] = next;
        parentOf[next] = s;
        classIn[next] = cls;
        depthList[next] = (depthList[s] as number) + 1;
      }
      s = next;
    }
    // The first pattern with a given folded form owns the state.
    if (outList[s] === -1) outList[s] = index;
    maxDepth = Math.max(maxDepth, p.length);
  });
  // Children of each state as one flat list (kidStart[s] .. kidStart[s + 1]), by counting sort on the parent.
  const kidStart = new Int32Array(stateCount + 1);
  for (let t = 1; t < stateCount; t++) kidStart[(parentOf[t] as number) + 1] = (kidStart[(parentOf[t] as number) + 1] as number) + 1;
  for (let s = 0; s < stateCount; s++) kidStart[s + 1] = (kidStart[s + 1] as number) + (kidStart[s] as number);
  const kidState = new Int32Array(Math.max(1, stateCount - 1));
  const fill = kidStart.slice(0, stateCount);
  for (let t = 1; t < stateCount; t++) {
    const at = parentOf[t] as number;
    kidState[fill[at] as number] = t;
    fill[at] = (fill[at] as number) + 1;
  }
  // Breadth-first order: parents are placed, and their failure links known, before their children.
  const order = new Int32Array(stateCount);
  let orderLength = 1;
  for (let qi = 0; qi < orderLength; qi++) {
    const s = order[qi] as number;
    for (let k = kidStart[s] as number; k < (kidStart[s + 1] as number); k++) order[orderLength++] = kidState[k] as number;
  }

  // Double array: the child of slot s on class c is slot base[s] + c, valid
  // when check[that] === s. Two array reads per transition, no hashing.
  const kidClass = new Int32Array(kidState.length);
  for (let k = 0; k < stateCount - 1; k++) kidClass[k] = classIn[kidState[k] as number] as number;
  const placer = new RowPlacer(Math.max(1024, (stateCount + alphabetSize) * 2), false);
  const slotOf = new Int32Array(stateCount);
  const baseOf = new Int32Array(stateCount);
  for (const s of order) {
    const from = kidStart[s] as number;
    const to = kidStart[s + 1] as number;
    if (from === to) continue;
    const b = placer.place(kidClass, from, to);
    baseOf[s] = b;
    for (let k = from; k < to; k++) slotOf[kidState[k] as number] = b + (kidClass[k] as number);
  }
  const size = Math.max(1024, placer.size);
  const base = new Int32Array(size);
  const check = new Int32Array(size).fill(-1);
  check[0] = -2; // the root's slot is taken
  for (let s = 0; s < stateCount; s++) {
    base[slotOf[s] as number] = baseOf[s] as number;
    if (s > 0) check[slotOf[s] as number] = slotOf[parentOf[s] as number] as number;
  }
  const slots = size;
  const out = new Int32Array(slots).fill(-1);
  const depth = new Int32Array(slots);
  for (let s = 0; s < stateCount; s++) {
    const slot = slotOf[s] as number;
    out[slot] = outList[s] as number;
    depth[slot] = depthList[s] as number;
  }
  // Failure and dictionary-suffix links, breadth first, following the double
  // array's own transitions (two array reads each) rather than the Map.
  const fail = new Int32Array(slots);
  const dict = new Int32Array(slots).fill(-1);
  for (const s of order) {
    if (s === 0) continue; // depth-1 states fail to the root (slot 0)
    const from = slotOf[parentOf[s] as number] as number;
    const cls = classIn[s] as number;
    const to = slotOf[s] as number;
    if (from === 0) continue;
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
  const alphabet = new Uint16Array(alphabetSize - 1);
  for (let u = 0; u < 0x10000; u++) if ((alphaId[u] as number) > 0) alphabet[(alphaId[u] as number) - 1] = u;
  return { alphabet, base, check, fail, dict, out, depth, maxDepth };
}

/**
 * The automaton over built or loaded tables, folding with `fold` (the table
 * the patterns were folded with). Linear in the tables' size: no trie walk.
 */
export function automatonFromTables(tables: AutomatonTables, fold: Uint16Array): Automaton {
  return automatonFromClasses(tables, classTableOf(tables.alphabet, fold));
}

/**
 * What the scan reads of each code unit, folding and classifying at once:
 * index = code unit, value = 0 when it folds to a code unit no pattern uses
 * (nothing can span it), `SKIP_CLASS` for a separator, else the class of the
 * pattern code unit it folds to (1 + its index in `alphabet`).
 */
export function classTableOf(alphabet: Uint16Array, fold: Uint16Array): Uint16Array {
  const alphaId = new Int32Array(0x10000);
  alphabet.forEach((u, index) => (alphaId[u] = index + 1));
  const classOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c] ?? c;
    classOf[c] = f === SKIP ? SKIP_CLASS : (alphaId[f] as number);
  }
  return classOf;
}

/**
 * The automaton over built or loaded tables and a class table
 * (`classTableOf` of the fold table the patterns were folded with), as a
 * page loads it from the packed form (lib/match/packed.ts): no 65,536-entry
 * fold table is built on the page.
 *
 * The scan runs as a DFA (dfa.ts) once it has been given, in all, more
 * than `dfaAfterUnits` code units (default `DFA_AFTER_UNITS_PER_SLOT` per
 * slot of the tables, and at least `DFA_AFTER_UNITS_MIN`), unless the DFA's rows would exceed `dfaCellLimit`
 * cells; before that, and for such lists, it follows failure links. Both
 * find the same matches in the same order.
 */
export function automatonFromClasses(
  tables: AutomatonTables,
  classOf: Uint16Array,
  { dfaAfterUnits = Math.max(DFA_AFTER_UNITS_MIN, DFA_AFTER_UNITS_PER_SLOT * tables.base.length), dfaCellLimit }: { dfaAfterUnits?: number; dfaCellLimit?: number } = {},
): Automaton {
  const walking = failureLinkAutomaton(tables, classOf);
  let dfa: Automaton | undefined;
  let scanned = 0;
  let decided = false;
  return {
    scanRaw(text: string): Int32Array {
      if (!decided) {
        scanned += text.length;
        if (scanned > dfaAfterUnits) {
          decided = true;
          dfa = dfaAutomaton(tables, classOf, SKIP_CLASS, dfaCellLimit);
        }
      }
      return (dfa ?? walking).scanRaw(text);
    },
  };
}

/**
 * Code units to scan, per slot of the tables, before the DFA is built.
 * Building it costs about what its faster step saves over 100–150 code
 * units per slot (the bench's 2,000 terms: 15,600 slots, 11 ms to build,
 * against 5 ms saved per megabyte, CPU time): a page scanning one thread
 * keeps the failure links and loads at once; a long text, or a worker
 * scanning many, gets the DFA.
 */
export const DFA_AFTER_UNITS_PER_SLOT = 128;

/**
 * Code units to scan before the DFA is built, whatever the list's size
 * (4 Mi, UTF-16 code units). A page's scan stays well under it: on the
 * 1,000-floor Discuz! thread of tests/bench/browser.bench.ts (a short watch
 * list, so 128 units per slot came early) building the DFA mid-scan made
 * `scan.discuz-1000-posts` 72–78 ms against 56–59 ms without it (idle, same
 * builds alternated), since the build has fixed costs (the 65,536-cell base
 * of its rows) that a small list's slot count does not reflect. Long-lived
 * matchers (the background's, the bench's) still reach it.
 */
export const DFA_AFTER_UNITS_MIN = 1 << 22;

/** The automaton following failure links at scan time: for lists whose DFA would be too large. */
function failureLinkAutomaton(tables: AutomatonTables, classOf: Uint16Array): Automaton {
  const { alphabet, base, check, fail, dict, out, depth, maxDepth } = tables;
  const slots = base.length;
  const alphabetSize = alphabet.length + 1;
  // First slot to report from each slot: itself if it ends a pattern, else its dictionary link.
  const report = new Int32Array(slots).fill(-1);
  for (let slot = 0; slot < slots; slot++) {
    report[slot] = (out[slot] as number) >= 0 ? slot : (dict[slot] as number);
  }
  // The scan's tables. Per slot t, `pair[2t]` holds base × 2 plus 1 when the
  // slot reports a match, and `pair[2t + 1]` its check: a transition reads
  // the current slot's base and the target's check, and the next code unit
  // reads the target's base from the same cache line. On a shared machine
  // memory, not arithmetic, is what a scan waits for, so what every code
  // unit touches is kept to 8 bytes a slot; failure links and reports, used
  // less often, sit in their own arrays.
  // Slots past the end (base + class beyond the last slot) read check = -1: no edge.
  const pairSlots = slots + alphabetSize + 1;
  const pair = new Int32Array(pairSlots * 2);
  for (let t = 0; t < pairSlots; t++) {
    pair[2 * t] = t < slots ? (base[t] as number) * 2 + ((report[t] as number) >= 0 ? 1 : 0) : 0;
    pair[2 * t + 1] = t < slots ? (check[t] as number) : -1;
  }

  // The root's transitions as a dense row by class (0 = stay at the root).
  const rootNext = new Int32Array(alphabetSize);
  for (let c = 1; c < alphabetSize; c++) {
    const t = (base[0] as number) + c;
    if (t < slots && check[t] === 0) rootNext[c] = t;
  }

  const ring = startRing(maxDepth);
  const ringMask = ring.length - 1;
  // Module constants copied into the closure: the hot loop then reads locals, not imported bindings.
  const emojiFirst = EMOJI_LEAD_FIRST;
  const emojiLast = EMOJI_LEAD_LAST;

  let scratch = new Int32Array(96);

  return {
    scanRaw(text: string): Int32Array {
      let found = scratch;
      let foundLen = 0;
      let state = 0;
      let consumed = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const unit = text.charCodeAt(i);
        const cls = classOf[unit] as number;
        if (cls === 0) {
          // A code unit in no pattern: nothing can span it.
          state = 0;
          continue;
        }
        if (cls === SKIP_CLASS) {
          // An emoji is noise as a whole: its low surrogate goes with its lead (see isEmojiLead).
          if (unit >= emojiFirst && unit <= emojiLast) i++;
          continue;
        }
        // Follow failure links until a state has an edge on `cls`; the root's
        // edges come from a small dense row (most walks end there).
        let s = state;
        for (;;) {
          if (s === 0) {
            state = rootNext[cls] as number;
            break;
          }
          const t = ((pair[s << 1] as number) >> 1) + cls;
          if (pair[(t << 1) + 1] === s) {
            state = t;
            break;
          }
          s = fail[s] as number;
        }
        ring[consumed & ringMask] = i;
        if (((pair[state << 1] as number) & 1) === 1) {
          for (let r = report[state] as number; r >= 0; r = dict[r] as number) {
            if (foundLen + 3 > found.length) found = doubled(found);
            found[foundLen++] = ring[(consumed - (depth[r] as number) + 1) & ringMask] as number;
            found[foundLen++] = i + 1;
            found[foundLen++] = out[r] as number;
          }
        }
        consumed++;
      }
      scratch = found;
      // Most posts of a thread name nothing: no view allocated for them.
      return foundLen === 0 ? NO_MATCHES : found.subarray(0, foundLen);
    },
  };
}

