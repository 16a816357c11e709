import { describe, expect, it } from 'vitest';
import { CaseEventSchema, evidenceIdOf, replay, replayAll, type CaseEvent, type CaseEventInput } from '../../../lib/cases';
import { captured, claimed, fakeDigest, HOUR, T0 } from '../../fixtures/db/builders';
import { seededRandom } from '../../support/seeded-random';

const THREAD = 'https://bbs.example.cn/forum.php?mod=viewthread&tid=77';
const OFFICER_B = { officer: '李四', department: '澜江市住房和城乡建设局' };

/** A capture of floor `floor` (post `pid-<floor>`) of the thread into case `caseId`. */
function floorCapture(caseId: string, floor: number, at: number, id: string, type: 'captured' | 'evidence-added' = 'captured'): CaseEventInput {
  const base = captured(caseId, at, id);
  if (base.type !== 'captured') throw new Error('builder changed');
  return {
    ...base,
    type,
    payload: { ...base.payload, url: THREAD, canonicalUrl: THREAD, postId: `pid-${floor}`, floor, excerpt: `${floor}楼的内容`, digest: fakeDigest(`${floor}`) },
  } as CaseEventInput;
}

const parse = (inputs: CaseEventInput[]): CaseEvent[] => inputs.map((e) => CaseEventSchema.parse(e));

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('a case is one thread; its floors are evidence', () => {
  it('two officers capturing different floors of one thread meet in one case, whose clock starts at the first capture', () => {
    const state = replay(parse([floorCapture('t-1', 4, T0 + HOUR, 'b-4'), floorCapture('t-1', 1, T0, 'a-1'), claimed('t-1', T0 + 2 * HOUR)]));
    expect(state.evidence.map((item) => item.evidenceId)).toEqual([evidenceIdOf(THREAD, 'pid-1'), evidenceIdOf(THREAD, 'pid-4')]);
    expect(state.steps.captured).toBe(T0);
    expect(state.marks.captured).toEqual([T0]);
    expect(state.capture.postId).toBe('pid-1');
    expect(state.sources).toEqual([THREAD]);
  });

  it('the same floor captured twice with the same content is one evidence item; an edited version is a second', () => {
    const same = floorCapture('t-1', 1, T0 + HOUR, 'b-1');
    const edited = floorCapture('t-1', 1, T0 + 2 * HOUR, 'c-1', 'evidence-added');
    if (edited.type !== 'evidence-added') throw new Error('type');
    edited.payload.digest = fakeDigest('edited');
    const state = replay(parse([floorCapture('t-1', 1, T0, 'a-1'), { ...same, actor: OFFICER_B }, edited]));
    expect(state.evidence.map((item) => item.digest)).toEqual([fakeDigest('1'), fakeDigest('edited')]);
    expect(state.captureCount).toBe(2);
  });

  it('evidence cannot open a case on its own', () => {
    expect(() => replay(parse([floorCapture('t-1', 4, T0, 'b-4', 'evidence-added')]))).toThrow(/no captured event/);
  });
});

describe('split and merge replay to the same cases in any order', () => {
  const log = parse([
    floorCapture('t-1', 1, T0, 'a-1'),
    floorCapture('t-1', 4, T0 + HOUR, 'a-4', 'evidence-added'),
    // Floor 4 raised its own issue (欠薪): it becomes case s-4.
    { id: 'split-4', caseId: 't-1', at: T0 + 2 * HOUR, actor: OFFICER_B, type: 'split', payload: { evidenceIds: [evidenceIdOf(THREAD, 'pid-4')], newCaseId: 's-4' } },
    { ...floorCapture('s-4', 4, T0 + 2 * HOUR, 'split-4-start'), payload: { ...(floorCapture('s-4', 4, 0, 'x') as { payload: object }).payload, splitFrom: 't-1' } } as CaseEventInput,
    // The same story on Tieba and Weibo: w-1 merged into t-1; a chain w-2 → w-1.
    { ...captured('w-1', T0 + 3 * HOUR), id: 'w-1-captured' },
    { ...captured('w-2', T0 + 3 * HOUR), id: 'w-2-captured' },
    { id: 'merge-w1', caseId: 'w-1', at: T0 + 4 * HOUR, actor: OFFICER_B, type: 'merged', payload: { into: 't-1' } },
    { id: 'merge-w2', caseId: 'w-2', at: T0 + 5 * HOUR, actor: OFFICER_B, type: 'merged', payload: { into: 'w-1' } },
  ]);

  it('a split-off floor leaves the thread case for its own case; merged cases count once, under the survivor, keeping every source', () => {
    const { groups } = replayAll(log);
    expect([...groups.keys()].sort()).toEqual(['s-4', 't-1']);
    const thread = groups.get('t-1')!;
    expect(thread.mergedFrom).toEqual(['w-1', 'w-2']);
    expect(thread.state.evidence.map((item) => item.postId)).toEqual(['pid-1', 'p-w-1', 'p-w-2']);
    expect(thread.state.sources).toEqual([THREAD, 'https://bbs.example.cn/thread-w-1.html', 'https://bbs.example.cn/thread-w-2.html']);
    expect(groups.get('s-4')!.state.splitFrom).toBe('t-1');
    expect(groups.get('s-4')!.state.evidence.map((item) => item.postId)).toEqual(['pid-4']);
  });

  it('gives the same groups for every arrival order (merged logs of several officers)', () => {
    const reference = JSON.stringify([...replayAll(log).groups.entries()]);
    for (let seed = 1; seed <= 20; seed++) {
      expect(JSON.stringify([...replayAll(shuffled(log, seed)).groups.entries()])).toBe(reference);
    }
  });

  it('two officers merging opposite ways at once form no loop: the later merge is set aside, the same on every machine', () => {
    const crossed = parse([
      captured('x'),
      { ...captured('y'), id: 'y-captured' },
      { id: 'mx', caseId: 'x', at: T0 + HOUR, actor: OFFICER_B, type: 'merged', payload: { into: 'y' } },
      { id: 'my', caseId: 'y', at: T0 + 2 * HOUR, actor: OFFICER_B, type: 'merged', payload: { into: 'x' } },
    ]);
    for (let seed = 1; seed <= 5; seed++) {
      const { groups } = replayAll(shuffled(crossed, seed));
      expect([...groups.keys()]).toEqual(['y']);
      expect(groups.get('y')!.mergedFrom).toEqual(['x']);
    }
  });

  it('refuses a split that would take every evidence item, one of evidence the case does not hold, and a merge into itself', () => {
    const base = parse([floorCapture('t-1', 1, T0, 'a-1')]);
    const bad = parse([
      { id: 's-all', caseId: 't-1', at: T0 + HOUR, actor: OFFICER_B, type: 'split', payload: { evidenceIds: [evidenceIdOf(THREAD, 'pid-1')], newCaseId: 'n' } },
      { id: 's-none', caseId: 't-1', at: T0 + HOUR, actor: OFFICER_B, type: 'split', payload: { evidenceIds: ['https://x.cn/#9'], newCaseId: 'n' } },
      { id: 'm-self', caseId: 't-1', at: T0 + HOUR, actor: OFFICER_B, type: 'merged', payload: { into: 't-1' } },
    ]);
    const { rejectedByCase } = replayAll([...base, ...bad]);
    expect(rejectedByCase.get('t-1')).toBe(3);
  });
});
