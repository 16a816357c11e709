/**
 * Placing rows in a double array (J. Aoe, "An efficient digital search
 * algorithm by using a double-array structure", IEEE TSE 15(9), 1989): a row
 * is a set of classes; placing it means finding a base b where every slot
 * b + class is free. The trie (automaton.ts) and the scan's DFA (dfa.ts)
 * both lay out their rows this way.
 *
 * Scanning slot by slot from the first free one is quadratic: the first free
 * slots are holes no multi-class row fits, and every later row walks past
 * them again (4,000 topics took 16 s). Instead the free slots form a linked
 * list, and a slot that has been tried as the first class's place
 * `RETIRE_AFTER` times without fitting leaves the list (it stays free for
 * other rows). Each slot is then tried a bounded number of times, so placing
 * is linear in the number of rows.
 */

const RETIRE_AFTER = 16;

/** First-fit placement over a growing array of slots; slot 0 is taken (the root's). */
export class RowPlacer {
  /** Slots in use so far, rounded up: every taken slot and every base given out is below it. */
  size: number;
  private used: Uint8Array;
  private baseUsed: Uint8Array;
  private nextFree: Int32Array;
  private prevFree: Int32Array;
  private tries: Uint8Array;
  private listed: Uint8Array;
  private tail: number;

  /**
   * `uniqueBases`: no two rows get the same base, so a cell's owner can be
   * named by its base (the DFA); a trie names owners by slot and needs not.
   */
  constructor(
    initialSize: number,
    private readonly uniqueBases: boolean,
  ) {
    const size = Math.max(16, initialSize);
    this.size = size;
    this.used = new Uint8Array(size);
    this.baseUsed = new Uint8Array(size);
    this.nextFree = new Int32Array(size);
    this.prevFree = new Int32Array(size);
    this.tries = new Uint8Array(size);
    this.listed = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      this.nextFree[i] = i + 1;
      this.prevFree[i] = i - 1;
      this.listed[i] = 1;
    }
    this.listed[0] = 0;
    this.used[0] = 1;
    this.tail = size - 1;
  }

  /**
   * Places the row whose classes are `classes[from..to)` (each ≥ 0, not
   * necessarily sorted; at least one) and marks its slots taken. Answers the
   * base b ≥ 1: the row's slot for class c is b + c.
   */
  place(classes: Int32Array, from: number, to: number): number {
    let first = classes[from] as number;
    let last = first;
    for (let k = from; k < to; k++) {
      const cls = classes[k] as number;
      if (cls < first) first = cls;
      if (cls > last) last = cls;
    }
    let candidate = this.nextFree[0] as number;
    let b: number;
    for (;;) {
      this.grow(candidate + (last - first) + 1);
      b = candidate - first;
      let fits = b >= 1 && !(this.uniqueBases && this.baseUsed[b] === 1);
      for (let k = from; fits && k < to; k++) {
        if (this.used[b + (classes[k] as number)] === 1) fits = false;
      }
      if (fits) break;
      const following = this.nextFree[candidate] as number;
      this.tries[candidate] = (this.tries[candidate] as number) + 1;
      if ((this.tries[candidate] as number) >= RETIRE_AFTER) this.unlist(candidate);
      candidate = following;
    }
    this.baseUsed[b] = 1;
    for (let k = from; k < to; k++) {
      const at = b + (classes[k] as number);
      this.used[at] = 1;
      this.unlist(at);
    }
    return b;
  }

  private unlist(slot: number): void {
    if (!this.listed[slot]) return;
    this.listed[slot] = 0;
    const p = this.prevFree[slot] as number;
    const n = this.nextFree[slot] as number;
    this.nextFree[p] = n;
    if (n < this.size) this.prevFree[n] = p;
    else this.tail = p;
  }

  /** Makes slots up to `need` exist; every new slot is free and listed. */
  private grow(need: number): void {
    if (need < this.size) return;
    const size = this.size;
    let next = size;
    while (next <= need) next *= 2;
    const widen = <T extends Int32Array | Uint8Array>(old: T): T => {
      const wider = (old instanceof Int32Array ? new Int32Array(next) : new Uint8Array(next)) as T;
      wider.set(old);
      return wider;
    };
    this.used = widen(this.used);
    this.baseUsed = widen(this.baseUsed);
    this.nextFree = widen(this.nextFree);
    this.prevFree = widen(this.prevFree);
    this.tries = widen(this.tries);
    this.listed = widen(this.listed);
    for (let i = size; i < next; i++) {
      this.nextFree[i] = i + 1;
      this.prevFree[i] = i === size ? this.tail : i - 1;
      this.listed[i] = 1;
    }
    this.nextFree[this.tail] = size;
    this.tail = next - 1;
    this.size = next;
  }
}
