// @vitest-environment node
/**
 * A file of new cases is prepared before its transaction (lib/hub
 * prepare.ts): its event rows as COPY text whose ledger id, known only in
 * the transaction, is written in place. Each row then reads as the hub
 * stores the event: id, case, type, time, officer, department, content
 * digest, body, and the ledger id — whatever newlines, tabs, backslashes or
 * Chinese the event's text holds. In a worker (lib/hub/preparer.ts) a file
 * is hashed first and read only when the ledger does not know its bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBodiesUtf8, eventBody, eventRowsBytes, fillLedgerId, LEDGER_ID_WIDTH, prepareSyncFile } from '../../../lib/hub/prepare';
import type { CaseEvent } from '../../../lib/cases';
import { sha256Hex } from '../../../lib/hub/canonical';
import { makeInterimSyncFile } from '../../../lib/hub/interim-sync-file';
import { startSyncFilePreparer, type SyncFilePreparer } from '../../../lib/hub/preparer';
import { getBuiltInProfile } from '../../../lib/policy';
import { twoOfficersFiles } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;

/** Reads COPY's text format back: rows of fields, `\N` as null, escapes undone. */
function readCopyText(bytes: Uint8Array): (string | null)[][] {
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) =>
      line.split('\t').map((field) =>
        field === '\\N' ? null : field.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? c),
      ),
    );
}

describe('the event rows prepared for a file of new cases', () => {
  const { lisi } = twoOfficersFiles();
  // A note whose id and text hold every character COPY's text format escapes, and Chinese.
  const text = '第一行\n第二行\t制表\\反斜杠\r回车';
  const note = { ...lisi.events[1]!, id: 'note\tescapes\n换行\\1', type: 'note', payload: { text } } as const;
  const events = [...lisi.events, note];
  const file = makeInterimSyncFile({ officer: lisi.officer, range: lisi.range, exportedAt: lisi.exportedAt, events, evidence: [] });

  it('carries each event as the hub stores it, with the ledger id written in place', () => {
    const prepared = prepareSyncFile(JSON.stringify(file), policy);
    if (!prepared.ok || !prepared.file.asNew) throw new Error('the file should be prepared as new cases');
    const rows = readCopyText(fillLedgerId(prepared.file.asNew.events, 42));
    expect(rows).toHaveLength(events.length);
    const parsed = events.map((event) => JSON.parse(eventBody(event)) as typeof event);
    rows.forEach((row, i) => {
      const event = parsed[i]!;
      const body = eventBody(event);
      expect(row).toEqual([event.id, event.caseId, event.type, String(event.at), event.actor.officer, event.actor.department, sha256Hex(body), body, '0'.repeat(LEDGER_ID_WIDTH - 2) + '42']);
    });
    expect(rows.at(-1)![0]).toBe('note\tescapes\n换行\\1');
    expect((JSON.parse(rows.at(-1)![7]!) as { payload: { text: string } }).payload.text).toBe(text);
  });

  it('takes the widest ledger id int8 holds, and refuses what is not a ledger id', () => {
    const prepared = prepareSyncFile(JSON.stringify(file), policy);
    if (!prepared.ok || !prepared.file.asNew) throw new Error('the file should be prepared as new cases');
    const rows = readCopyText(fillLedgerId(prepared.file.asNew.events, Number.MAX_SAFE_INTEGER));
    for (const row of rows) expect(Number(row[8])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => fillLedgerId(prepared.file.asNew!.events, 0)).toThrow(/not a ledger id/);
    expect(() => fillLedgerId(prepared.file.asNew!.events, 1.5)).toThrow(/not a ledger id/);
  });
});

describe('the bodies of a file’s events, written from one JSON text', () => {
  const { lisi } = twoOfficersFiles();
  const bodiesOf = (events: readonly CaseEvent[]) => {
    const { json, starts } = eventBodiesUtf8(events);
    return events.map((_, i) => json.toString('utf8', starts[i], starts[i + 1]! - 1));
  };

  it('gives each event exactly the JSON the hub stores for it alone', () => {
    expect(bodiesOf(lisi.events)).toEqual(lisi.events.map(eventBody));
    expect(bodiesOf([])).toEqual([]);
  });

  it('still does when a payload holds objects that begin like an event (a list of {"id": …})', () => {
    // Not in today's schema, but the split must not depend on it.
    const odd = { ...lisi.events[1]!, payload: { items: [{ id: 'a' }, { id: 'b' }] } } as unknown as CaseEvent;
    const events = [lisi.events[0]!, odd, ...lisi.events.slice(2)];
    expect(bodiesOf(events)).toEqual(events.map(eventBody));
    const rows = readCopyText(fillLedgerId(eventRowsBytes(events), 7));
    expect(rows.map((row) => row[7])).toEqual(events.map(eventBody));
  });
});

describe('a file prepared in a worker unless the ledger knows its bytes', () => {
  const { lisi } = twoOfficersFiles();
  const text = JSON.stringify(lisi);
  let preparer: SyncFilePreparer;
  beforeAll(async () => {
    preparer = startSyncFilePreparer(policy, { workers: 1 });
    await preparer.ready;
  }, 60_000);
  afterAll(() => preparer.close());

  it('asks the ledger with the SHA-256 of the bytes, and prepares the file only when it is not known', async () => {
    const asked: string[] = [];
    const result = await preparer.prepareUnlessKnown(text, async (rawDigest) => {
      asked.push(rawDigest);
      return undefined;
    });
    expect(asked).toEqual([sha256Hex(text)]);
    expect(result).toEqual(prepareSyncFile(text, policy));
  });

  it('answers with what the ledger knows and never reads a known file (not even a damaged one)', async () => {
    const damaged = text.slice(0, 100);
    expect(await preparer.prepareUnlessKnown(damaged, async (rawDigest) => (rawDigest === sha256Hex(damaged) ? 'known' : undefined))).toBe('known');
    // The worker forgot it: the next file is prepared as usual.
    const next = await preparer.prepareUnlessKnown(damaged, async () => undefined);
    expect(next).toMatchObject({ ok: false });
  });

  it('passes on a failed ledger probe', async () => {
    await expect(preparer.prepareUnlessKnown(text, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await preparer.prepareUnlessKnown(text, async () => 7)).toBe(7);
  });
});
