// @vitest-environment jsdom
/**
 * Record mining on long threads: the work grows with the page, never with
 * the page times its depth. Counted, not timed: what the miner reads of the
 * DOM (records read element by element, subtrees searched by a query) on the
 * Discuz! benchmark thread at two lengths. Before, every floor's first table
 * row (the whole post) was read element by element only to be rejected
 * beside its empty sibling rows, and every candidate was searched for a
 * `<time>` with its own query: a 1,000-floor thread took seconds.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mineRecordGroups } from '../../../lib/sites/records.ts';
import { renderBenchThreadPage } from '../../demo-site/pages/bench-thread.ts';
import { countReads } from '../../support/dom-reads.ts';

interface Reads {
  /** `firstChild` reads: a record read element by element (`readRecord`'s walk) reads it once per element. */
  childWalks: number;
  /** `Element.querySelector` calls: each searches a subtree. */
  subtreeQueries: number;
  floors: number;
}

const restore: (() => void)[] = [];

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** Mines the Discuz! benchmark thread of `floors` floors, counting the DOM reads. */
function mine(floors: number): Reads {
  const page = new DOMParser().parseFromString(renderBenchThreadPage(floors), 'text/html');
  const reads = { childWalks: 0, subtreeQueries: 0 };
  const undoFirstChild = countReads(Node.prototype, 'firstChild', () => reads.childWalks++);
  const querySelector = Element.prototype.querySelector;
  Element.prototype.querySelector = function (this: Element, selector: string) {
    reads.subtreeQueries++;
    return querySelector.call(this, selector);
  } as typeof querySelector;
  restore.push(() => {
    undoFirstChild();
    Element.prototype.querySelector = querySelector;
  });
  try {
    const groups = mineRecordGroups(page.body, new Date('2026-11-23T12:00:00+08:00'));
    return { ...reads, floors: groups.length === 1 ? (groups[0]?.records.length ?? 0) : -groups.length };
  } finally {
    for (const undo of restore.splice(0)) undo();
  }
}

describe('record mining on a long Discuz! thread', () => {
  // Mined once each (jsdom is slow at it): a thread, and the same thread twice as long.
  let short: Reads;
  let long: Reads;
  beforeAll(() => {
    short = mine(16);
    long = mine(32);
  }, 60_000);

  it('finds every floor as one group, and reads only the sample floors element by element, however many floors there are', () => {
    expect(short.floors).toBe(16);
    expect(long.floors).toBe(32);
    // A floor has some 65 elements: reading the added floors' rows would add hundreds of reads.
    expect(long.childWalks - short.childWalks).toBeLessThan(16);
  });

  it('searches no candidate record with a query of its own (one query for the whole page finds the time elements)', () => {
    expect(long.subtreeQueries).toBe(short.subtreeQueries);
  });
});
