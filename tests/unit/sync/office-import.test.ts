/**
 * The office imports officers' sync files: a valid file in one transaction,
 * the same file twice changes nothing, and every bad file — tampered,
 * truncated, wrong or future version, wrong passphrase, duplicated — is
 * refused with its problems and leaves the database exactly as it was.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { encryptSyncText, type SyncFile } from '../../../lib/sync';
import { encryptExport, exportSyncFile, markExported } from '../../../lib/sync/export';
import { importSyncTexts } from '../../../lib/sync/import';
import { appendEvent } from '../../../lib/db/repos/events';
import { cst, LI_MING, recordLiMing } from '../../fixtures/sync/officers';

const LI = { name: 'li.json', text: readFileSync('tests/fixtures/sync/officer-li-ming-zhujian.json', 'utf8') };
const WANG = { name: 'wang.json', text: readFileSync('tests/fixtures/sync/officer-wang-fang-binjiang.json', 'utf8') };
const NOW = cst('2024-08-06 09:00');
/** The lowest iteration count a reader accepts: keeps the tests fast; the extension uses PBKDF2_ITERATIONS. */
const TEST_ITERATIONS = 100_000;

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`sync-${crypto.randomUUID()}`, { now: () => NOW });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Everything stored, to compare before and after a refused import. */
async function snapshot(db: AppDB) {
  return {
    events: await db.events.toArray(),
    cases: await db.cases.toArray(),
    caseFigures: await db.caseFigures.toArray(),
    caseFiguresByDay: await db.caseFiguresByDay.toArray(),
    evidence: await db.capturedContents.toArray(),
    syncState: await db.syncState.toArray(),
  };
}

describe('office import', () => {
  it('imports two officers’ files: their shared post is one case, the competing claim a conflict', async () => {
    const db = freshDb();
    const [li, wang] = await importSyncTexts(db, [LI, WANG], { now: NOW });
    expect(li).toMatchObject({ ok: true, newEvents: 9, duplicates: 0, conflicts: 0, cases: 2, newEvidence: 2 });
    // The water-cut post's evidence is the same content (same digest): stored once.
    expect(wang).toMatchObject({ ok: true, newEvents: 4, duplicates: 0, conflicts: 1, cases: 2, newEvidence: 1 });
    expect(await db.cases.count()).toBe(3);
    expect(await db.events.count()).toBe(13);
    // The first claim (市住建局, 09:40) holds the case until the office assigns it.
    const water = (await db.cases.toArray()).find((c) => c.title.startsWith('锦绣小区'));
    expect(water?.claimedBy).toBe('市住建局');
  });

  it('gives the same database in either order', async () => {
    const a = freshDb();
    const b = freshDb();
    await importSyncTexts(a, [LI, WANG], { now: NOW });
    await importSyncTexts(b, [WANG, LI], { now: NOW });
    const strip = (rows: { storedAt?: number }[]) => rows.map(({ storedAt: _s, ...rest }) => rest);
    expect(strip(await b.events.orderBy('id').toArray())).toEqual(strip(await a.events.orderBy('id').toArray()));
    expect(await b.cases.orderBy('caseId').toArray()).toEqual(await a.cases.orderBy('caseId').toArray());
  });

  it('changes nothing when the same file comes again', async () => {
    const db = freshDb();
    await importSyncTexts(db, [LI, WANG], { now: NOW });
    const before = await snapshot(db);
    const [again] = await importSyncTexts(db, [LI], { now: NOW });
    expect(again).toMatchObject({ ok: true, newEvents: 0, duplicates: 9, newEvidence: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('knows an encrypted file it imported before by its text alone: no passphrase, nothing changes', async () => {
    const db = freshDb();
    const text = JSON.stringify(await encryptSyncText(LI.text, '办公室口令2024', { department: '市住建局', exportedAt: NOW }, TEST_ITERATIONS));
    const [first] = await importSyncTexts(db, [{ name: 'li.enc.json', text }], { now: NOW, passphrase: '办公室口令2024' });
    expect(first).toMatchObject({ ok: true, newEvents: 9 });
    const before = await snapshot(db);
    const [again] = await importSyncTexts(db, [{ name: 'li-again.enc.json', text }], { now: NOW });
    expect(again).toMatchObject({ ok: true, newEvents: 0, duplicates: 9, cases: first!.cases, exporters: [LI_MING] });
    expect(await snapshot(db)).toEqual(before);
    // The same content in clear is known by its digest.
    const [plain] = await importSyncTexts(db, [LI], { now: NOW });
    expect(plain).toMatchObject({ ok: true, newEvents: 0, duplicates: 9 });
    expect((await snapshot(db)).events).toEqual(before.events);
  });

  const bad: [string, () => Promise<string> | string, string][] = [
    ['tampered', () => LI.text.replace('江边老陈', '江边老王'), '$.digest'],
    ['truncated', () => LI.text.slice(0, 2_000), '$'],
    ['future version', () => JSON.stringify({ ...(JSON.parse(LI.text) as object), formatVersion: 7 }), '$.formatVersion'],
    ['not JSON', () => '这不是同步文件', '$'],
    ['version 0', () => JSON.stringify({ ...(JSON.parse(LI.text) as object), formatVersion: 0 }), '$.formatVersion'],
    [
      'duplicated-event',
      () => {
        const file = JSON.parse(LI.text) as SyncFile;
        return JSON.stringify({ ...file, events: [...file.events, file.events[0]] });
      },
      '$.events[9].id',
    ],
    [
      'encrypted with another passphrase',
      async () => JSON.stringify(await encryptSyncText(LI.text, '另一个口令', { department: '市住建局', exportedAt: NOW }, TEST_ITERATIONS)),
      '$.ciphertext',
    ],
  ];
  for (const [what, make, path] of bad) {
    it(`refuses a ${what} file, says where, and changes nothing`, async () => {
      const db = freshDb();
      await importSyncTexts(db, [WANG], { now: NOW });
      const before = await snapshot(db);
      const [summary] = await importSyncTexts(db, [{ name: 'bad.json', text: await make() }], { now: NOW, passphrase: '办公室口令2024' });
      expect(summary!.ok).toBe(false);
      expect(summary!.errors.map((e) => e.path)).toContain(path);
      expect(summary!.errors.every((e) => e.message.length > 0)).toBe(true);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('refuses a file whose event reuses a stored id with other content, changing nothing', async () => {
    const db = freshDb();
    await importSyncTexts(db, [LI], { now: NOW });
    const before = await snapshot(db);
    const forged = JSON.parse(LI.text) as SyncFile;
    const { buildSyncFile } = await import('../../../lib/sync');
    const event = forged.events.find((e) => e.id === 'li-0002')!;
    (event.payload as { department: string }).department = '市公安局';
    const text = JSON.stringify(
      buildSyncFile({ exporter: LI_MING, profile: forged.profiles[0]!, exportedAt: NOW, since: null, events: forged.events, evidence: forged.evidence }),
    );
    const [summary] = await importSyncTexts(db, [{ name: 'forged.json', text }], { now: NOW });
    expect(summary!.ok).toBe(false);
    expect(summary!.errors[0]!.message).toContain('li-0002');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('desk export', () => {
  it('an encrypted export hides names and assessments; the office reads it with the passphrase only', async () => {
    const desk = freshDb();
    await recordLiMing(desk);
    const plain = await exportSyncFile(desk, { scope: 'all', now: NOW });
    if (!plain.ok) throw new Error(plain.error.message);
    const sealed = await encryptExport(plain.data, '办公室口令2024', 'office-2024', TEST_ITERATIONS);
    expect(sealed.fileName).toBe('舆情同步-市住建局-2024-08-06.enc.json');
    // Netizens' names and assessments never travel in clear.
    expect(sealed.text).not.toContain('江边老陈');
    expect(sealed.text).not.toContain('涉及供水');

    const office = freshDb();
    const [withoutPassphrase] = await importSyncTexts(office, [{ name: sealed.fileName, text: sealed.text }], { now: NOW });
    expect(withoutPassphrase!.errors[0]!.path).toBe('$.encryption');
    const [imported] = await importSyncTexts(office, [{ name: sealed.fileName, text: sealed.text }], { now: NOW, passphrase: '办公室口令2024' });
    expect(imported).toMatchObject({ ok: true, newEvents: 9, cases: 2 });
  });

  it('exports since the last export only the touched cases, each with its whole log', async () => {
    const desk = freshDb();
    await recordLiMing(desk);
    const first = await exportSyncFile(desk, { scope: 'since-last', now: cst('2024-08-05 17:30') });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.events).toBe(9);
    await markExported(desk, first.data);
    const water = first.data.file.events[0]!.caseId;
    const later = cst('2024-08-06 10:00');
    const appended = await appendEvent(
      desk,
      { id: 'li-0010', caseId: water, at: later, actor: LI_MING, type: 'note', payload: { text: '已联系自来水公司' } },
      { now: () => later },
    );
    expect(appended.ok).toBe(true);
    const second = await exportSyncFile(desk, { scope: 'since-last', now: later });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.data.cases).toBe(1);
    expect(second.data.file.events.map((e) => e.id)).toEqual(['li-0001', 'li-0002', 'li-0003', 'li-0010']);
    expect(second.data.file.range.since).toBe(cst('2024-08-05 17:30'));
  });
});
