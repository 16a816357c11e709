/**
 * Property test of the claim log: thousands of random sequences of appends
 * (valid, invalid, duplicated, back-dated, and concurrent from two pages =
 * two AppDB connections on one database). After each sequence:
 * - no event the database accepted is missing (no valid event lost);
 * - every stored event was accepted, and the stored log of every case
 *   replays with nothing rejected (no invalid event stored);
 * - the stored projection equals the projection replayed from the log;
 * - run one page at a time, the database accepts exactly what a pure model
 *   (parse + replay of the log with the event) accepts.
 */
import { describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent, appendEvents } from '../../../lib/db/repos/events';
import { projectAll } from '../../../lib/db/repos/cases';
import { loadProjectionContext } from '../../../lib/db/repos/projection-context';
import { toCaseEvent } from '../../../lib/db/entities/event-row';
import { CaseEventSchema, nextSeqOf, replayWithReport, type CaseEvent, type CaseEventInput } from '../../../lib/cases';
import { assessed, captured, claimed, closed, HOUR, note, responded, T0 } from '../../fixtures/db/builders';
import type { Result } from '../../../lib/messaging/result';
import type { Appended } from '../../../lib/db/repos/events';
import { seededRandom } from '../../support/seeded-random';
import { asStored, storedProjection } from './helpers';


const NOW = T0 + 100 * HOUR;
const ACTOR = { officer: '张三', department: '网信办' };

/** One random event: mostly plausible, sometimes malformed, sometimes a re-send of an earlier one. */
function randomEvent(rand: () => number, index: number, sent: CaseEventInput[]): CaseEventInput {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  if (sent.length > 0 && rand() < 0.12) return pick(sent); // retry / duplicate import
  const caseId = pick(['a', 'b', 'c']);
  const at = T0 + Math.floor(rand() * 40) * HOUR + (rand() < 0.5 ? 0 : Math.floor(rand() * 1000));
  const id = `e${index}`;
  const kind = pick(['captured', 'captured', 'claimed', 'assessed', 'responded', 'closed', 'reopened', 'note', 'follow-up', 'malformed'] as const);
  switch (kind) {
    case 'captured':
      return captured(caseId, at, id);
    case 'claimed':
      return claimed(caseId, at, id);
    case 'assessed':
      return assessed(caseId, at, id);
    case 'responded':
      return responded(caseId, at, id);
    case 'closed':
      return closed(caseId, at, id);
    case 'reopened':
      return { id, caseId, at, actor: ACTOR, type: 'reopened', payload: { reason: '舆情反复' } };
    case 'follow-up':
      return { id, caseId, at, actor: ACTOR, type: 'follow-up', payload: { result: 'stable' } };
    case 'note':
      return note(caseId, at, id);
    case 'malformed':
      return { id, caseId, at, actor: ACTOR, type: 'note', payload: { text: '' } }; // empty note: refused by the schema
  }
}

/**
 * What a single page should answer: the pure model of an append. A new
 * event takes its case's next sequence number, so it comes after every
 * recorded event whatever its clock says. Answers the event as the model stores it.
 */
function modelAccepts(log: CaseEvent[], input: CaseEventInput): { answer: 'created' | 'duplicate' | 'refused'; event?: CaseEvent } {
  const parsed = CaseEventSchema.safeParse(input);
  if (!parsed.success) return { answer: 'refused' };
  if (log.some((e) => e.id === parsed.data.id)) return { answer: 'duplicate' };
  const caseLog = log.filter((e) => e.caseId === parsed.data.caseId);
  const event = { ...parsed.data, seq: parsed.data.seq ?? nextSeqOf(caseLog) };
  return replayWithReport([...caseLog, event]).rejected.length === 0 ? { answer: 'created', event } : { answer: 'refused' };
}

function outcome(result: Result<Appended>): 'created' | 'duplicate' | 'refused' {
  return result.ok ? (result.data.created ? 'created' : 'duplicate') : 'refused';
}

/** The invariants every database must satisfy after any sequence. */
async function checkInvariants(db: AppDB, answers: { input: CaseEventInput; result: Result<Appended> }[], seed: number) {
  const stored = (await db.events.toArray()).map(toCaseEvent);
  const storedIds = new Set(stored.map((e) => e.id));
  const created = answers.filter((a) => a.result.ok && a.result.data.created).map((a) => a.input.id);
  // No valid event lost, none stored twice, none stored without having been accepted.
  for (const id of created) expect(storedIds.has(id), `seed ${seed}: accepted ${id} is missing`).toBe(true);
  expect(new Set(created).size, `seed ${seed}: an id was created twice`).toBe(created.length);
  expect([...storedIds].sort(), `seed ${seed}: stored ≠ accepted`).toEqual([...new Set(created)].sort());
  // No invalid event stored: each case's log replays with nothing rejected.
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of stored) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  for (const [caseId, log] of byCase) {
    expect(replayWithReport(log).rejected, `seed ${seed}: case ${caseId} has an event that does not replay`).toEqual([]);
  }
  // The projection is the replay of the log.
  const rebuilt = projectAll(stored, await loadProjectionContext(db), NOW);
  expect(await storedProjection(db), `seed ${seed}: projection ≠ replay`).toEqual(asStored(rebuilt));
}

const SEQUENCES = 1500;

describe('the claim log under random appends', () => {
  it(`accepts exactly what the state machine allows, one page at a time (${SEQUENCES / 2} sequences)`, async () => {
    const tally = { created: 0, duplicate: 0, refused: 0, backdated: 0 };
    for (let seed = 1; seed <= SEQUENCES / 2; seed++) {
      const rand = seededRandom(seed);
      const db = new AppDB(`prop-seq-${seed}`);
      const model: CaseEvent[] = [];
      const sent: CaseEventInput[] = [];
      const answers: { input: CaseEventInput; result: Result<Appended> }[] = [];
      const length = 4 + Math.floor(rand() * 10);
      for (let i = 0; i < length; i++) {
        const input = randomEvent(rand, i, sent);
        sent.push(input);
        const { answer: expected, event: modelled } = modelAccepts(model, input);
        // Some steps go through the batch path, some one by one: both must behave the same.
        const result =
          rand() < 0.3
            ? await appendEvents(db, [input], { now: NOW }).then((r) => (r.ok ? r.data[0]! : r))
            : await appendEvent(db, input, { now: NOW });
        expect(outcome(result), `seed ${seed}, step ${i}: ${JSON.stringify(input)}`).toBe(expected);
        tally[expected] += 1;
        if (expected === 'created') {
          if (model.some((e) => e.caseId === input.caseId && e.at > input.at)) tally.backdated += 1;
          model.push(modelled!);
        }
        answers.push({ input, result });
      }
      await checkInvariants(db, answers, seed);
      await db.delete();
    }
    // The generator must really exercise every path, not just one.
    expect(tally.created).toBeGreaterThan(1000);
    expect(tally.duplicate).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(1000);
    expect(tally.backdated).toBeGreaterThan(100);
  }, 120_000);

  it(`keeps the log consistent when two pages append at once (${SEQUENCES / 2} sequences)`, async () => {
    for (let seed = 100_001; seed <= 100_000 + SEQUENCES / 2; seed++) {
      const rand = seededRandom(seed);
      const name = `prop-two-pages-${seed}`;
      const pageA = new AppDB(name);
      const pageB = new AppDB(name);
      const sent: CaseEventInput[] = [];
      const inputs = Array.from({ length: 4 + Math.floor(rand() * 10) }, (_, i) => {
        const input = randomEvent(rand, i, sent);
        sent.push(input);
        return input;
      });
      // Every event is sent by a random page, all at once; some are sent by both (a retry racing the original).
      const calls = inputs.flatMap((input) => {
        const pages = rand() < 0.2 ? [pageA, pageB] : [rand() < 0.5 ? pageA : pageB];
        return pages.map((page) => appendEvent(page, input, { now: NOW }).then((result) => ({ input, result })));
      });
      const answers = await Promise.all(calls);
      await checkInvariants(pageA, answers, seed);
      pageB.close();
      await pageA.delete();
    }
  }, 120_000);
});
