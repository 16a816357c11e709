/**
 * Database benchmarks (fake-indexeddb, in Node), each beside a baseline
 * measured in the same run:
 * - appending 10,000 events one by one / in one batch, against raw
 *   IndexedDB puts of the same rows (no validation, no projection): the
 *   ratio is the price of checking every event and keeping the projection;
 * - the 50 most urgent of 10,000 cases, against a full scan + sort;
 * - rebuilding the projection from 100,000 events, against the naive way
 *   (one query and one write per case).
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { compared, medianMs, type BenchSuite, type Figure } from './harness';
import { AppDB } from '../../lib/db/app-db';
import type { CaseRow } from '../../lib/db/entities/case-row';
import type { EventRow } from '../../lib/db/entities/event-row';
import { toCaseEvent } from '../../lib/db/entities/event-row';
import { appendEvent, appendEvents } from '../../lib/db/repos/events';
import { listCases, rebuildProjection } from '../../lib/db/repos/cases';
import { getActiveProfile } from '../../lib/db/repos/policy-profiles';
import { loadProjectionContext } from '../../lib/db/repos/projection-context';
import { projectCase } from '../../lib/db/projection';
import { putProjectedCases } from '../../lib/db/repos/case-store';
import { CaseEventSchema, replay, type CaseEvent, type CaseEventInput } from '../../lib/cases';
import { assessed, captured, claimed, closed, HOUR, responded, T0 } from '../fixtures/db/builders';

const NOW = T0 + 200 * HOUR;
let counter = 0;
const freshName = (label: string) => `bench-${label}-${++counter}`;

/** `cases` × 5 events (captured → claimed → assessed → responded → closed), in time order per case. */
function lifecycleEvents(cases: number): CaseEventInput[] {
  const events: CaseEventInput[] = [];
  for (let i = 0; i < cases; i++) {
    const id = `case-${i}`;
    const t = T0 + (i % 50) * HOUR;
    events.push(captured(id, t), claimed(id, t + HOUR), assessed(id, t + 2 * HOUR), responded(id, t + 3 * HOUR), closed(id, t + 4 * HOUR));
  }
  return events;
}

/** A raw IndexedDB database with the same events store and indexes as AppDB's. */
async function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const events = request.result.createObjectStore('events', { keyPath: 'id' });
      events.createIndex('storedAt', 'storedAt');
      events.createIndex('[caseId+at]', ['caseId', 'at']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawPut(db: IDBDatabase, rows: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('events', 'readwrite');
    const store = tx.objectStore('events');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function appendFigures(): Promise<Figure[]> {
  const inputs = lifecycleEvents(2_000);
  const rows = inputs.map((e) => ({ ...CaseEventSchema.parse(e), storedAt: NOW }));
  const opts = { runs: 1, warmup: 0 };

  const oneByOne = await medianMs(async () => {
    const db = new AppDB(freshName('one'));
    for (const input of inputs) {
      const result = await appendEvent(db, input, { now: NOW });
      if (!result.ok) throw new Error(result.error.message);
    }
    await db.delete();
  }, opts);
  const rawOneByOne = await medianMs(async () => {
    const name = freshName('raw-one');
    const db = await openRaw(name);
    for (const row of rows) await rawPut(db, [row]);
    db.close();
    await Dexie.delete(name);
  }, opts);

  const batch = await medianMs(async () => {
    const db = new AppDB(freshName('batch'));
    const result = await appendEvents(db, inputs, { now: NOW });
    if (!result.ok || !result.data.every((r) => r.ok)) throw new Error('batch refused an event');
    await db.delete();
  }, { runs: 3, warmup: 1 });
  const rawBatch = await medianMs(async () => {
    const name = freshName('raw-batch');
    const db = await openRaw(name);
    await rawPut(db, rows);
    db.close();
    await Dexie.delete(name);
  }, { runs: 3, warmup: 1 });

  return [
    compared('db.append-10k.one-by-one', 'ms', oneByOne, 'raw IndexedDB put, one transaction each (no validation, no projection)', rawOneByOne),
    compared('db.append-10k.batch', 'ms', batch, 'raw IndexedDB put, one transaction (no validation, no projection)', rawBatch),
  ];
}

async function urgencyFigure(): Promise<Figure> {
  const db = new AppDB(freshName('urgent'));
  const rows: CaseRow[] = Array.from({ length: 10_000 }, (_, i) => ({
    caseId: `case-${i}`,
    title: `帖子 ${i}`,
    site: 'discuz',
    url: `https://bbs.example.cn/thread-${i}.html`,
    canonicalUrl: `https://bbs.example.cn/thread-${i}.html`,
    threadUrls: [`https://bbs.example.cn/thread-${i}.html`],
    evidenceIds: [`https://bbs.example.cn/thread-${i}.html#p-${i}`],
    evidenceCount: 1,
    status: i % 3 === 0 ? 'closed' : 'claimed',
    capturedAt: T0 + i,
    lastEventAt: T0 + i * 7,
    nextDeadlineAt: i % 5 === 0 ? null : T0 + ((i * 7919) % 10_000) * HOUR,
    nextDeadlineStep: i % 5 === 0 ? null : 'respond',
    nextStep: i % 5 === 0 ? null : 'reply',
    overdue: 0,
    provisional: false,
  }));
  await db.cases.bulkPut(rows);
  const ours = await medianMs(() => listCases(db, { order: 'urgency', limit: 50 }), { runs: 21, warmup: 3 });
  const scan = await medianMs(
    async () => {
      const all = await db.cases.toArray();
      return all
        .sort((a, b) => (a.nextDeadlineAt ?? Infinity) - (b.nextDeadlineAt ?? Infinity) || b.lastEventAt - a.lastEventAt)
        .slice(0, 50);
    },
    { runs: 21, warmup: 3 },
  );
  await db.delete();
  return compared('db.most-urgent-50-of-10k', 'ms', ours, 'full scan + sort', scan);
}

async function rebuildFigure(): Promise<Figure> {
  const db = new AppDB(freshName('rebuild'));
  const events = lifecycleEvents(20_000).map((e) => ({ ...CaseEventSchema.parse(e), storedAt: NOW }) as EventRow);
  await db.events.bulkAdd(events);
  const policy = await getActiveProfile(db);
  const opts = { runs: 1, warmup: 0 };
  const ours = await medianMs(async () => {
    const result = await rebuildProjection(db, policy, NOW);
    if (!result.ok || result.data.cases !== 20_000) throw new Error('rebuild failed');
  }, opts);
  // The naive way: list the cases, then one query and one write per case.
  const naive = await medianMs(async () => {
    const context = await loadProjectionContext(db);
    const caseIds = new Set<string>();
    await db.events.each((row) => void caseIds.add(row.caseId));
    for (const caseId of caseIds) {
      const log: CaseEvent[] = (await db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray()).map(toCaseEvent);
      await putProjectedCases(db, [projectCase(replay(log), context, NOW)]);
    }
  }, opts);
  await db.delete();
  return compared('db.rebuild-projection-100k-events', 'ms', ours, 'naive: one query + one write per case', naive);
}

const suite: BenchSuite = async () => [...(await appendFigures()), await urgencyFigure(), await rebuildFigure()];
export default suite;
