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
 * cell's index minus that class): one step reads one 32-bit word, [class
 * | target], and the root's move for the same class, and picks one with
 * masks, not a branch. Measured on tests/bench/match.bench.ts' text (CPU
 * time, minimum over 80 runs, same matches checked): the failure walk's
 * branches mispredicted on about half the code units (453,000 failure steps
 * a megabyte); this loop walked in 10–12 ms/MB where the failure walk took
 * 15–19 (a bare charCodeAt loop: 3.1–3.2). One word a cell instead of two
 * ([owner, target]) halves what the steps touch: the rows of the root's
 * children, where 85 % of the steps start, fit in 15 kB.
 *
 * Noise (separators) takes class 0, whose cell every row holds: the step
 * stays in the state, with its "reports a match" bit cleared so that noise
 * never repeats a report, through the same table read as any code unit and
 * no branch. An emoji's lead (which takes its low half along) has a class
 * of its own, past the cells' classes, so that one test on both halves'
 * classes sends the step off the table, a branch that real text almost
 * never takes. A match's start is found when it ends: its length back when
 * none of its last code units was noise (each step shifts one bit, "was
 * noise", into a word per half: arithmetic, no branch), else by reading
 * the text back over it, noise not counted (`report`). A log of where
 * noise was cost a branch on 10 % of the bench text's code units and a
 * store, a ring of where each code unit went (what the failure walk keeps)
 * a store on every step, and reading every match back (no bits) 0.7 ms a
 * megabyte more than the bits. A code unit in no pattern gets a class past
 * the alphabet that no row holds, so it takes the root's move: the root.
 *
 * The steps that report are noted in a buffer, and their matches recorded
 * after each block of steps (`reportHits`): with the recording inlined in
 * the loop, V8 kept the loop's states on the stack, and each step's table
 * read waited on a store and a load of the state before it.
 *
 * A long text is scanned as two halves at once, the second starting at a
 * code unit in no pattern (where one scan would be at the root anyway):
 * each step waits on its table read, and two independent chains of steps
 * let the processor overlap them. Measured on tests/bench/match.bench.ts'
 * text against this loop with the noise branch, its log and one chain
 * (same process, alternated rounds, CPU time, load 8–9): 1.15–1.4× faster.
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
 * beside the class (names are below twice the power of two past bases and
 * classes, 2^18 for the bench's 2,000 terms; with its 1,331 classes they
 * may reach 2^21). Finds exactly what
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

  // One base per state. A state's name is its base, plus `reportBit` (a power of two past every
  // cell) when it reports a match.
  const placer = new RowPlacer(cells * 2, true);
  const baseOf = new Int32Array(slots);
  for (const s of order) baseOf[s] = placer.place(rowClass, rowFrom[s] as number, rowTo[s] as number);
  const bases = placer.size;
  const reportBit = 2 ** bitsFor(bases + noneClass + 1);
  const cellMask = reportBit - 1;
  const reports = (s: number): boolean => (out[s] as number) >= 0 || (dict[s] as number) >= 0;
  const nameOf = (s: number): number => (baseOf[s] as number) + (reports(s) ? reportBit : 0);
  // One 32-bit word per cell: the class the cell was placed for, above `nameBits` bits holding
  // the target's name. Bases are unique, so the cell at b + c holding class c is the row of the
  // state with base b (Aoe's check, by class rather than by owner). Empty cells hold the class
  // field's largest value, which no code unit's class reaches.
  // Consts, not counted-up lets: the step reads them as immediates, not from the closure's
  // context behind a check that they are initialised.
  const nameBits = bitsFor(2 * reportBit);
  const classBits = bitsFor(noneClass + 2);
  if (nameBits + classBits > 32) return undefined;
  // The cells twice over: a reporting state's name (base + reportBit) indexes the second copy,
  // so the step adds the class to the name as it is, with no mask on the way to its table read
  // (tests/bench/match.bench.ts, CPU time, alternated processes at load 7: 3.8–4.0 ms a megabyte
  // against 4.0–4.3 with the mask). A state's row is read through one copy only, whichever its
  // name points to.
  const cell = new Int32Array(2 * reportBit).fill(((1 << classBits) - 1) << nameBits);
  // First pattern slot to report for a state's base (then dictionary links), -1 if none.
  const reportOf = new Int32Array(bases).fill(-1);
  for (const s of order) {
    const b = baseOf[s] as number;
    for (let k = rowFrom[s] as number; k < (rowTo[s] as number); k++) {
      const c = rowClass[k] as number;
      cell[b + c] = (c << nameBits) | (c === 0 ? b : nameOf(rowTarget[k] as number));
    }
    reportOf[b] = (out[s] as number) >= 0 ? s : (dict[s] as number);
  }
  cell.copyWithin(reportBit, 0, reportBit);
  const root = nameOf(0);
  // The root's moves by class; a code unit in no pattern, or without an edge, stays at the root.
  const rootNext = new Int32Array(noneClass + 1).fill(root);
  for (let c = 1; c < alphabetSize; c++) {
    const t = (base[0] as number) + c;
    if (t < slots && check[t] === 0) rootNext[c] = nameOf(t);
  }
  // Noise (separators) takes class 0; an emoji's lead the class `emojiClass`, past every cell's
  // class, on which the step leaves the table for the lead's own path.
  if (noneClass >= EMOJI_CLASS) return undefined;
  const emojiClass = EMOJI_CLASS;
  const classes = new Uint16Array(0x10000);
  for (let u = 0; u < 0x10000; u++) {
    const c = classOf[u] as number;
    classes[u] = c === 0 ? noneClass : c === separatorClass ? 0 : c;
  }
  for (let u = EMOJI_LEAD_FIRST; u <= EMOJI_LEAD_LAST; u++) classes[u] = emojiClass;

  const found = new FoundTriples();
  const later = new FoundTriples();

  /** Whether the scan passes code unit `unit` as noise on its own (a separator or an emoji's lead). */
  const isNoise = (unit: number): boolean => {
    const c = classes[unit] as number;
    return c === 0 || c === emojiClass;
  };

  /**
   * Records the matches the state `state` (reporting) names, ending at code
   * unit `i`: for each, the start is `depth` code units back, noise not
   * counted. `noise` has bit k set when code unit i − k was passed as
   * noise: a match whose code units have none is its last `depth` ones.
   * Else the noise is found by reading the text back from `i` (a match
   * spans a few code units).
   */
  const report = (text: string, i: number, state: number, noise: number, into: FoundTriples): void => {
    for (let r = reportOf[state & cellMask] as number; r >= 0; r = dict[r] as number) {
      const length = depth[r] as number;
      // No noise among the last `length` code units: the match is those.
      if (length < 32 && (noise & ((1 << length) - 1)) === 0) {
        into.push(i + 1 - length, i + 1, out[r] as number);
        continue;
      }
      let start = i;
      let lead = false;
      for (let need = length - 1; need > 0; ) {
        const c = classes[text.charCodeAt(--start)] as number;
        if (c === emojiClass) lead = true;
        else if (c !== 0) need--;
      }
      // Near an emoji's lead, the code unit it took along may look like any other: read exactly.
      if (lead || (start > 0 && classes[text.charCodeAt(start - 1)] === emojiClass)) start = startNearEmoji(text, i, length);
      into.push(start, i + 1, out[r] as number);
    }
  };
  /** The start of a match of `length` code units ending at `i`, counting neither noise nor what emoji leads took along. */
  const startNearEmoji = (text: string, i: number, length: number): number => {
    let start = i;
    for (let need = length - 1; need > 0; ) {
      start--;
      if (!isNoiseAt(text, start)) need--;
    }
    return start;
  };
  /** Whether the scan passed code unit `at` as noise: a separator, an emoji's lead, or the code unit an emoji's lead took along. */
  const isNoiseAt = (text: string, at: number): boolean => {
    if (isNoise(text.charCodeAt(at))) return true;
    // Taken along when a run of an odd number of emoji leads comes just before it: leads and the
    // code units they take alternate from the run's start (whatever came before the run was not a lead).
    let leads = 0;
    while (at - leads - 1 >= 0 && classes[text.charCodeAt(at - leads - 1)] === emojiClass) leads++;
    return (leads & 1) === 1;
  };

  /**
   * The state after `state` takes a code unit of class `cls`: the cell's
   * target when the cell is the state's (it holds `cls`), else the root's
   * move; picked with a mask (hit = -1 when the cell is the state's), not a
   * branch that would mispredict on half the steps. What waits on the
   * table read is an exclusive or that clears the class field (leaving the
   * target) when it holds `cls`, three operations that make the mask from
   * whether the field is clear, and the pick. (Telling it from the word's
   * sign, one operation less, leaves the class field 31 bits, not 32: no
   * faster measured, and a list of 6,000 names over 4,500 characters lost
   * its DFA.)
   */
  const move = (state: number, cls: number): number => {
    const own = (cell[state + cls] as number) ^ (cls << nameBits);
    const root = rootNext[cls] as number;
    const hit = ((own >>> nameBits) - 1) >> 31;
    return root ^ ((own ^ root) & hit);
  };

  // Where each half's scan stands between blocks: [i, state, noise bits] of the first half, then
  // of the second.
  const at = new Int32Array(6);
  // The steps of a block on which either half's state reports, as [i, state, noise bits] of each
  // half (the code unit it took, the state it reached): at most one entry per step.
  const hits = new Int32Array(6 * BLOCK_STEPS);

  /**
   * `steps` steps of both halves at once: two independent chains of
   * transitions, so the processor overlaps one's table read with the
   * other's instead of waiting on each in turn. A step takes one code unit,
   * or an emoji's two; the caller leaves each half at least 2 × `steps`
   * code units. Answers how many numbers of `hits` it wrote (6 per step
   * on which a state reports): the matches are recorded after the block
   * (`reportHits`), so that this loop holds no call and its states stay in
   * registers (see the module comment). Kept to one small function
   * called block by block rather than one loop over the whole text: it is
   * then compiled after calls that ran every path of it, not on the stack
   * mid-text (V8's on-stack replacement), whose code was seen to bail out
   * at the loop's end on every scan.
   */
  const bothHalves = (given: string, steps: number): number => {
    // The same string; through String() V8 knows it is one once, at entry, instead of checking
    // it at every step's charCodeAt (3.7–3.8 ms a megabyte against 3.9–4.0, CPU time).
    const text = String(given);
    let i = at[0] as number;
    let a = at[1] as number;
    let noiseA = at[2] as number;
    let j = at[3] as number;
    let b = at[4] as number;
    let noiseB = at[5] as number;
    let h = 0;
    // Bounded on the first half's position, not a count of steps: one register less in the loop.
    // A step moves each half by one or two code units, so at most `steps` steps run.
    const stop = i + steps;
    while (i < stop) {
      const clsA = classes[text.charCodeAt(i)] as number;
      const clsB = classes[text.charCodeAt(j)] as number;
      if ((clsA | clsB) < emojiClass) {
        a = move(a, clsA);
        b = move(b, clsB);
        noiseA = (noiseA << 1) | ((clsA - 1) >>> 31);
        noiseB = (noiseB << 1) | ((clsB - 1) >>> 31);
        i++;
        j++;
      } else {
        // An emoji is noise as a whole: its low surrogate goes with its lead (see isEmojiLead), and
        // like noise it leaves the state as it was, reporting nothing.
        if (clsA === emojiClass) {
          a &= cellMask;
          i += 2;
          noiseA = (noiseA << 2) | 3;
        } else {
          a = move(a, clsA);
          noiseA = (noiseA << 1) | ((clsA - 1) >>> 31);
          i++;
        }
        if (clsB === emojiClass) {
          b &= cellMask;
          j += 2;
          noiseB = (noiseB << 2) | 3;
        } else {
          b = move(b, clsB);
          noiseB = (noiseB << 1) | ((clsB - 1) >>> 31);
          j++;
        }
      }
      // A half that reports took one code unit, the last.
      if (((a | b) & reportBit) !== 0) {
        hits[h] = i - 1;
        hits[h + 1] = a;
        hits[h + 2] = noiseA;
        hits[h + 3] = j - 1;
        hits[h + 4] = b;
        hits[h + 5] = noiseB;
        h += 6;
      }
    }
    at[0] = i;
    at[1] = a;
    at[2] = noiseA;
    at[3] = j;
    at[4] = b;
    at[5] = noiseB;
    return h;
  };

  /** Records the matches of the first `count` numbers of `hits`, each half's into its own list. */
  const reportHits = (text: string, count: number): void => {
    for (let h = 0; h < count; h += 6) {
      const a = hits[h + 1] as number;
      const b = hits[h + 4] as number;
      if ((a & reportBit) !== 0) report(text, hits[h] as number, a, hits[h + 2] as number, found);
      if ((b & reportBit) !== 0) report(text, hits[h + 3] as number, b, hits[h + 5] as number, later);
    }
  };

  /** One half's scan from `at[slot]` (state at `at[slot + 1]`) to `end`, into `into`. */
  const oneHalf = (text: string, slot: number, end: number, into: FoundTriples): void => {
    let state = at[slot + 1] as number;
    let noise = at[slot + 2] as number;
    for (let i = at[slot] as number; i < end; i++) {
      const cls = classes[text.charCodeAt(i)] as number;
      if (cls === emojiClass) {
        i++;
        noise = (noise << 2) | 3;
        continue;
      }
      state = move(state, cls);
      noise = (noise << 1) | ((cls - 1) >>> 31);
      if ((state & reportBit) !== 0) report(text, i, state, noise, into);
    }
  };

  // The matcher's first blocks are short, and grow: V8 then compiles `bothHalves` after calls
  // that recorded what every line of it reads, not during its first long call, whose first lines
  // (the reads of `at`) ran before it had anywhere to record them. Compiled then, it came out as
  // code that deoptimizes on entry, and scans went through the on-stack replacement's slower
  // code instead: 5.3–5.7 ms a megabyte against 4.1–4.3 (tests/bench/match.bench.ts), in a
  // third of processes.
  let blockSteps = 16;

  return {
    scanRaw(text: string): Int32Array {
      const n = text.length;
      found.length = 0;
      later.length = 0;
      // A long text is scanned as two halves at once (see `TWO_STREAMS_MIN`): the second starts
      // at a code unit in no pattern (not an emoji's low half), where one scan would be at the
      // root anyway, so no match crosses it and the halves' matches follow one another.
      let half = n;
      if (n >= TWO_STREAMS_MIN) {
        half = n >> 1;
        while (half < n && (classes[text.charCodeAt(half)] !== noneClass || classes[text.charCodeAt(half - 1)] === emojiClass)) half++;
      }
      at[0] = 0;
      at[1] = root;
      at[2] = 0;
      at[3] = half;
      at[4] = root;
      at[5] = 0;
      for (;;) {
        const steps = Math.min(blockSteps, (half - (at[0] as number)) >> 1, (n - (at[3] as number)) >> 1);
        if (steps <= 0) break;
        if (blockSteps < BLOCK_STEPS) blockSteps *= 2;
        const count = bothHalves(text, steps);
        if (count > 0) reportHits(text, count);
      }
      oneHalf(text, 0, half, found);
      oneHalf(text, 3, n, later);
      if (later.length > 0) found.append(later);
      // Most posts of a thread name nothing: no view allocated for them.
      return found.length === 0 ? NO_MATCHES : found.data.subarray(0, found.length);
    },
  };
}

/**
 * The class an emoji's lead takes in the scan's class table: a bit above
 * every class a cell holds (the alphabet stays below it), so that one test
 * on both halves' classes finds the step that is not a table move.
 */
const EMOJI_CLASS = 0x8000;

/** The bits that hold every number below `count`. */
function bitsFor(count: number): number {
  let bits = 1;
  while (1 << bits < count) bits++;
  return bits;
}

/** Steps of both halves per call of the scan's inner function. */
const BLOCK_STEPS = 4096;

/** Texts at least this long (UTF-16 code units) are scanned as two halves at once (see `dfaAutomaton`'s scan). */
export const TWO_STREAMS_MIN = 256;

/** (start, end, pattern) triples in a growing buffer the automaton reuses. */
class FoundTriples {
  data = new Int32Array(96);
  length = 0;

  push(start: number, end: number, pattern: number): void {
    if (this.length + 3 > this.data.length) this.data = doubled(this.data);
    const at = this.length;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = pattern;
    this.length = at + 3;
  }

  append(other: FoundTriples): void {
    while (this.length + other.length > this.data.length) this.data = doubled(this.data);
    this.data.set(other.data.subarray(0, other.length), this.length);
    this.length += other.length;
  }
}
