/**
 * The scan as a deterministic automaton: the Aho–Corasick automaton's
 * failure links resolved when the matcher is loaded, so that each code unit
 * costs one transition and no failure walk.
 *
 * Source: A. V. Aho and M. J. Corasick, "Efficient string matching: an aid
 * to bibliographic search", CACM 18(6), 1975, §6 (the goto and failure
 * functions replaced by a next-move function δ). Every state's row keeps
 * only the moves that do not go where the root's would (δ(s, c) ≠ δ(root,
 * c)): its own edges plus those its failure state's row holds. The root's
 * moves are one dense array by class, so a state's row stays small (30,000
 * cells for the bench's 2,000 terms, against 6,500 trie states × 1,330
 * classes for a full table).
 *
 * Rows sit in a double array (double-array.ts) with one base per state,
 * so a cell names its owner by the class it was placed for (its base is the
 * cell's index minus that class): one step reads one 32-bit word, [target
 * | class], and the root's move for the same class, and picks one with
 * masks, not a branch. Measured on tests/bench/match.bench.ts' text (CPU
 * time, minimum over 80 runs, same matches checked): the failure walk's
 * branches mispredicted on about half the code units (453,000 failure steps
 * a megabyte); this loop walked in 10–12 ms/MB where the failure walk took
 * 15–19 (a bare charCodeAt loop: 3.1–3.2). One word a cell instead of two
 * ([owner, target]) halves what the steps touch: the rows of the root's
 * children, where 85 % of the steps start, fit in 15 kB.
 *
 * Noise (separators, and an emoji's lead, which takes its low half along)
 * takes class 0 and the step's one branch: the state stays, with its
 * "reports a match" bit cleared so that noise never repeats a report, and
 * its position goes to a log. A match's start is then found when it ends,
 * from its length and the noise logged inside it; a ring of where each code
 * unit went (what the failure walk keeps) cost a store on every step, about
 * 10–20 % of this loop. Every row still holds a cell for class 0 (never read):
 * it keeps rows non-empty and their bases unique. A code unit in no pattern
 * gets a class past the alphabet that no row holds, so it takes the root's
 * move: the root.
 *
 * Building the rows costs about what 100–150 code units per slot of
 * scanning save (automaton.ts `DFA_AFTER_UNITS_PER_SLOT`), so the matcher
 * builds it only once it has scanned that much, and at least
 * `DFA_AFTER_UNITS_MIN` (a page's scan never pays for it).
 *
 * A list whose rows would grow past a few cells per trie state (many
 * patterns over a small alphabet: every state inherits most of the
 * alphabet) gets no DFA, and the scan follows failure links (automaton.ts).
 */
import type { Automaton, AutomatonTables } from './automaton.ts';
import { RowPlacer } from './double-array.ts';
import { EMOJI_LEAD_FIRST, EMOJI_LEAD_LAST } from './fold-table.ts';

/** Row cells a DFA may take per trie state, beyond `DFA_CELLS_BASE`, before the scan keeps failure links instead. */
export const DFA_CELLS_PER_STATE = 6;
const DFA_CELLS_BASE = 1 << 16;

/** What `scanRaw` answers for a text without matches (shared: it has nothing to reorder). */
export const NO_MATCHES = new Int32Array(0);

/**
 * The ring of where the last code units taken (separators not counted) are:
 * a power of two ≥ the longest pattern, so a match's start is found from its
 * length when it ends.
 */
export function startRing(maxDepth: number): Int32Array {
  let size = 1;
  while (size < maxDepth) size *= 2;
  return new Int32Array(size);
}

/** `found` copied into an array twice as long (matches are recorded into a growing buffer). */
export function doubled(found: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(found.length * 2);
  grown.set(found);
  return grown;
}

/**
 * The automaton over `tables` as a DFA (see the module comment), scanning
 * with the class table `classOf` (`classTableOf`, where separators have the
 * class `separatorClass`); `undefined` when its rows would take more than
 * `cellLimit` cells, or its states' names would not fit in a cell's word
 * beside the class (2 × bases < 2^(32 − class bits): 2^21 for the bench's
 * 1,331 classes, 20 times what its 2,000 terms take). Finds exactly what
 * the automaton with failure links finds, in the same order.
 */
export function dfaAutomaton(tables: AutomatonTables, classOf: Uint16Array, separatorClass: number, cellLimit?: number): Automaton | undefined {
  const { alphabet, base, check, fail, dict, out, depth, maxDepth } = tables;
  const slots = base.length;
  const alphabetSize = alphabet.length + 1;
  // Noise takes class 0, the first cell of every row (see the module comment); a code unit in
  // no pattern the class past the alphabet.
  const noneClass = alphabetSize;
  if (noneClass > 0xfffe) return undefined;

  // Trie states (slots) breadth first, by depth: a state's failure state is shallower, its row built first.
  let stateCount = 1;
  const depthCount = new Int32Array(maxDepth + 2);
  for (let t = 1; t < slots; t++) {
    if ((check[t] as number) < 0) continue;
    stateCount++;
    depthCount[(depth[t] as number) + 1] = (depthCount[(depth[t] as number) + 1] as number) + 1;
  }
  const limit = cellLimit ?? DFA_CELLS_BASE + DFA_CELLS_PER_STATE * stateCount;
  for (let d = 1; d <= maxDepth + 1; d++) depthCount[d] = (depthCount[d] as number) + (depthCount[d - 1] as number);
  const order = new Int32Array(stateCount);
  depthCount[0] = 1; // the root is order[0]
  for (let d = 1; d <= maxDepth + 1; d++) depthCount[d] = (depthCount[d] as number) + 1;
  for (let t = 1; t < slots; t++) {
    if ((check[t] as number) < 0) continue;
    const d = depth[t] as number;
    order[depthCount[d] as number] = t;
    depthCount[d] = (depthCount[d] as number) + 1;
  }

  // Each state's edges in class order (slots ascending under one parent are classes ascending).
  const kidStart = new Int32Array(slots + 1);
  for (let t = 1; t < slots; t++) {
    const parent = check[t] as number;
    if (parent >= 0) kidStart[parent + 1] = (kidStart[parent + 1] as number) + 1;
  }
  for (let s = 0; s < slots; s++) kidStart[s + 1] = (kidStart[s + 1] as number) + (kidStart[s] as number);
  const kidSlot = new Int32Array(Math.max(1, stateCount - 1));
  const fill = kidStart.slice(0, slots);
  for (let t = 1; t < slots; t++) {
    const parent = check[t] as number;
    if (parent < 0) continue;
    kidSlot[fill[parent] as number] = t;
    fill[parent] = (fill[parent] as number) + 1;
  }

  // Rows: own edges merged over the failure state's row (own edges win), then the separator's cell.
  const rowFrom = new Int32Array(slots);
  const rowTo = new Int32Array(slots);
  let rowClass = new Int32Array(Math.min(limit, 4 * stateCount + 1024));
  let rowTarget = new Int32Array(rowClass.length);
  let cells = 0;
  for (const s of order) {
    // The root's own edges are the dense row: its cells hold only the separator's.
    const own = s === 0 ? (kidStart[s + 1] as number) : (kidStart[s] as number);
    const ownEnd = kidStart[s + 1] as number;
    const f = fail[s] as number;
    // A depth-1 state fails to the root, whose moves are the dense row: nothing to inherit.
    let inherited = s === 0 || f === 0 ? 0 : (rowFrom[f] as number) + 1; // without its separator cell
    const inheritedEnd = s === 0 || f === 0 ? 0 : (rowTo[f] as number);
    const need = ownEnd - own + (inheritedEnd - inherited) + 1;
    if (cells + need > limit) return undefined;
    if (cells + need > rowClass.length) {
      const wider = Math.min(limit, Math.max(2 * rowClass.length, cells + need));
      const widerClasses = new Int32Array(wider);
      widerClasses.set(rowClass);
      rowClass = widerClasses;
      const targets = new Int32Array(wider);
      targets.set(rowTarget);
      rowTarget = targets;
    }
    rowFrom[s] = cells;
    rowClass[cells] = 0;
    rowTarget[cells++] = s;
    let k = own;
    while (k < ownEnd || inherited < inheritedEnd) {
      const ownClass = k < ownEnd ? (kidSlot[k] as number) - (base[s] as number) : Number.MAX_SAFE_INTEGER;
      const upClass = inherited < inheritedEnd ? (rowClass[inherited] as number) : Number.MAX_SAFE_INTEGER;
      if (ownClass <= upClass) {
        rowClass[cells] = ownClass;
        rowTarget[cells++] = kidSlot[k++] as number;
        if (ownClass === upClass) inherited++;
      } else {
        rowClass[cells] = upClass;
        rowTarget[cells++] = rowTarget[inherited++] as number;
      }
    }
    rowTo[s] = cells;
  }

  // One base per state; a state's name is 2 × base, plus 1 when it reports a match.
  const placer = new RowPlacer(cells * 2, true);
  const baseOf = new Int32Array(slots);
  for (const s of order) baseOf[s] = placer.place(rowClass, rowFrom[s] as number, rowTo[s] as number);
  const reports = (s: number): boolean => (out[s] as number) >= 0 || (dict[s] as number) >= 0;
  const nameOf = (s: number): number => (baseOf[s] as number) * 2 + (reports(s) ? 1 : 0);
  const bases = placer.size;
  // One 32-bit word per cell: the target's name above `classBits` bits holding the class the
  // cell was placed for. Bases are unique, so the cell at b + c holding class c is the row of
  // the state with base b (Aoe's check, by class rather than by owner). Empty cells hold -1,
  // whose class bits (all ones) no code unit's class reaches.
  let classBits = 1;
  while ((1 << classBits) - 1 <= noneClass) classBits++;
  if (bases * 2 + 1 >= 2 ** (32 - classBits)) return undefined;
  const classMask = (1 << classBits) - 1;
  const cell = new Int32Array(bases + noneClass + 1).fill(-1);
  // First pattern slot to report for a state's base (then dictionary links), -1 if none.
  const reportOf = new Int32Array(bases).fill(-1);
  for (const s of order) {
    const b = baseOf[s] as number;
    for (let k = rowFrom[s] as number; k < (rowTo[s] as number); k++) {
      const c = rowClass[k] as number;
      cell[b + c] = ((c === 0 ? b * 2 : nameOf(rowTarget[k] as number)) << classBits) | c;
    }
    reportOf[b] = (out[s] as number) >= 0 ? s : (dict[s] as number);
  }
  const root = nameOf(0);
  // The root's moves by class; a code unit in no pattern, or without an edge, stays at the root.
  const rootNext = new Int32Array(noneClass + 1).fill(root);
  for (let c = 1; c < alphabetSize; c++) {
    const t = (base[0] as number) + c;
    if (t < slots && check[t] === 0) rootNext[c] = nameOf(t);
  }
  // Noise (separators and emoji leads) takes class 0, read on the one branch of the step.
  const classes = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) {
    const c = classOf[u] as number;
    classes[u] = c === 0 ? noneClass : c === separatorClass ? 0 : c;
  }

  // Module constants copied into the closure: the hot loop then reads locals, not imported bindings.
  const emojiFirst = EMOJI_LEAD_FIRST;
  const emojiLast = EMOJI_LEAD_LAST;
  let scratch = new Int32Array(96);
  let skipScratch = new Int32Array(96);

  return {
    scanRaw(text: string): Int32Array {
      let found = scratch;
      let foundLen = 0;
      // Where noise was skipped, ascending: a match's start is found from its length when it ends.
      let skips = skipScratch;
      let skipLen = 0;
      let state = root;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const unit = text.charCodeAt(i);
        const cls = classes[unit] as number;
        if (cls === 0) {
          // Noise: the state stays, without its "reports" bit (a separator never repeats a report).
          if (skipLen + 2 > skips.length) skips = doubled(skips);
          skips[skipLen++] = i;
          // An emoji is noise as a whole: its low surrogate goes with its lead (see isEmojiLead).
          if (unit >= emojiFirst && unit <= emojiLast) skips[skipLen++] = ++i;
          state &= ~1;
          continue;
        }
        // miss = -1 when the cell is not this state's (then the root's move), else 0.
        const word = cell[(state >> 1) + cls] as number;
        const owner = (word & classMask) ^ cls;
        const miss = (owner | -owner) >> 31;
        state = ((word >>> classBits) & ~miss) | ((rootNext[cls] as number) & miss);
        if ((state & 1) === 0) continue;
        for (let r = reportOf[state >> 1] as number; r >= 0; r = dict[r] as number) {
          // The start: `depth` code units back, one further for each skipped one on the way.
          let start = i + 1 - (depth[r] as number);
          for (let k = skipLen - 1; k >= 0 && (skips[k] as number) >= start; k--) start--;
          if (foundLen + 3 > found.length) found = doubled(found);
          found[foundLen++] = start;
          found[foundLen++] = i + 1;
          found[foundLen++] = out[r] as number;
        }
      }
      scratch = found;
      skipScratch = skips;
      // Most posts of a thread name nothing: no view allocated for them.
      return foundLen === 0 ? NO_MATCHES : found.subarray(0, foundLen);
    },
  };
}
