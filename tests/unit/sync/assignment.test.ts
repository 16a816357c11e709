/**
 * 指定认领 of a conflict: when two departments both claimed a case offline,
 * the office assigns it (POLICIES.md: the coordinating office assigns). The
 * assignment is an ordinary `assigned` event: valid after a claim, it names
 * the department that holds the case from then on, settles the competing
 * claims made before it, and merges order-free like every event.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseEventSchema, replay, type CaseEvent } from '../../../lib/cases';
import { getBuiltInProfile } from '../../../lib/policy';
import { officeBulletin } from '../../../lib/report/office-bulletin';
import { buildSyncFile, caseConflicts, mergeSyncFiles, parseSyncFile, type SyncFile } from '../../../lib/sync';
import { CAPTURE, cst, logFor } from '../cases/helpers';
import { AppDB } from '../../../lib/db/app-db';
import { getCaseState } from '../../../lib/db/repos/events';
import { saveSettings } from '../../../lib/db/repos/settings';
import { importSyncTexts } from '../../../lib/sync/import';
import { assignCase } from '../../../lib/sync/assign';
import { issueOfficePackage } from '../../../lib/sync/issue-package';
import { importOfficePackage } from '../../../lib/sync/apply-package';
import { exportSyncFile } from '../../../lib/sync/export';

const OFFICE = { officer: '赵主任', department: '市信息办' };

function twoClaims() {
  const log = logFor('c-water');
  log.add('captured', '2024-09-09 09:00', CAPTURE);
  log.add('claimed', '2024-09-09 09:20', { department: '市住建局' }, '市住建局');
  log.add('claimed', '2024-09-09 09:40', { department: '滨江街道办' }, '滨江街道办');
  return log;
}

function assignment(caseId: string, at: number, department: string, id = `office-assign-${caseId}-${at}`): CaseEvent {
  return CaseEventSchema.parse({ id, caseId, at, actor: OFFICE, type: 'assigned', payload: { department, reason: '属地管理' } });
}

describe('the office assigns a case two departments claimed (指定认领)', () => {
  it('is a conflict until the office assigns it', () => {
    const log = twoClaims();
    const conflict = caseConflicts(log.events).get('c-water');
    expect(conflict?.competingClaims).toBe(true);
    expect(conflict?.claimants).toEqual(['市住建局', '滨江街道办']);

    const settled = [...log.events, assignment('c-water', cst('2024-09-09 14:00'), '滨江街道办')];
    expect(caseConflicts(settled).size).toBe(0);
  });

  it('hands the case to the assigned department but keeps the claim on time', () => {
    const log = twoClaims();
    const state = replay([...log.events, assignment('c-water', cst('2024-09-09 14:00'), '滨江街道办')]);
    expect(state.claimedBy).toBe('滨江街道办');
    expect(state.department).toBe('滨江街道办');
    // The first claim was in time: the assignment does not count against the claim score.
    expect(state.claimedAt).toBe(cst('2024-09-09 09:20'));
    expect(state.assigned).toBe(false);
    expect(state.settlement).toEqual({
      at: cst('2024-09-09 14:00'),
      eventId: `office-assign-c-water-${cst('2024-09-09 14:00')}`,
      department: '滨江街道办',
      from: '市住建局',
    });
  });

  it('may confirm the first claimant', () => {
    const log = twoClaims();
    const events = [...log.events, assignment('c-water', cst('2024-09-09 14:00'), '市住建局')];
    expect(replay(events).claimedBy).toBe('市住建局');
    expect(caseConflicts(events).size).toBe(0);
  });

  it('is a new conflict when a department claims after the assignment', () => {
    const log = twoClaims();
    const events = [...log.events, assignment('c-water', cst('2024-09-09 14:00'), '滨江街道办')];
    log.add('claimed', '2024-09-09 15:00', { department: '市水务局' }, '市水务局');
    const conflict = caseConflicts([...events, log.events[log.events.length - 1]!]).get('c-water');
    expect(conflict?.events.map((e) => e.department)).toEqual(['市水务局']);
  });

  it('still assigns an unclaimed case as an overdue claim, counted as assigned', () => {
    const log = logFor('c-quiet');
    log.add('captured', '2024-09-09 09:00', CAPTURE);
    const state = replay([...log.events, assignment('c-quiet', cst('2024-09-10 09:00'), '市水务局')]);
    expect(state).toMatchObject({ claimedBy: '市水务局', assigned: true, claimedAt: cst('2024-09-10 09:00') });
    expect(state.settlement).toBeUndefined();
  });

  it('leaves the bulletin’s conflicts and counts the case as claimed by the assigned department', () => {
    const log = twoClaims();
    const policy = getBuiltInProfile('xuancheng-2015')!;
    const input = { quarter: { year: 2024, quarter: 3 as const }, now: cst('2024-09-30 12:00') };
    const before = officeBulletin(log.events, policy, input);
    expect(before.totals.conflicts.caseIds).toEqual(['c-water']);
    const after = officeBulletin([...log.events, assignment('c-water', cst('2024-09-09 14:00'), '滨江街道办')], policy, input);
    expect(after.totals.conflicts.count).toBe(0);
    expect(after.totals.assigned.count).toBe(0);
    expect(after.departments.map((d) => [d.department, d.claimed.count])).toEqual([['滨江街道办', 1]]);
  });
});

describe('the assignment merges order-free with the officers’ exports', () => {
  const li = JSON.parse(readFileSync('tests/fixtures/sync/officer-li-ming-zhujian.json', 'utf8')) as SyncFile;
  const wang = JSON.parse(readFileSync('tests/fixtures/sync/officer-wang-fang-binjiang.json', 'utf8')) as SyncFile;
  const [conflict] = [...caseConflicts(mergeSyncFiles([li, wang]).events).values()];
  const decidedAt = Math.max(li.range.until, wang.range.until) + 3_600_000;
  const office = buildSyncFile({
    exporter: OFFICE,
    profile: li.profiles[0]!,
    exportedAt: decidedAt,
    since: null,
    // The office's file carries the whole log of the case it mentions, as every export does.
    events: [...mergeSyncFiles([li, wang]).events.filter((e) => e.caseId === conflict!.caseId), assignment(conflict!.caseId, decidedAt, '滨江街道办')],
    evidence: [...li.evidence, ...wang.evidence].filter((e) => e.caseId === conflict!.caseId).slice(0, 1),
  });

  it('is a valid sync file (the assignment is possible after the two claims)', () => {
    const parsed = parseSyncFile(JSON.stringify(office));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('settles the conflict in every order and duplication of the three files', () => {
    const orders = [
      [li, wang, office],
      [office, wang, li],
      [wang, office, li, office],
      [li, office, li, wang],
    ];
    const merged = orders.map((files) => mergeSyncFiles(files));
    for (const m of merged) expect(m).toEqual(merged[0]);
    expect(caseConflicts(merged[0]!.events).size).toBe(0);
    const state = replay(merged[0]!.events.filter((e) => e.caseId === conflict!.caseId));
    expect(state.claimedBy).toBe('滨江街道办');
  });
});

describe('the office’s assignment travels back to the officer in the office package', () => {
  it('settles the case in the officer’s desk too, and the officer’s next export imports cleanly', async () => {
    const LI = { name: 'li.json', text: readFileSync('tests/fixtures/sync/officer-li-ming-zhujian.json', 'utf8') };
    const WANG = { name: 'wang.json', text: readFileSync('tests/fixtures/sync/officer-wang-fang-binjiang.json', 'utf8') };
    const now = cst('2024-08-06 09:00');
    const office = new AppDB(`office-${crypto.randomUUID()}`, { now: () => now });
    const officer = new AppDB(`officer-${crypto.randomUUID()}`, { now: () => now });
    await importSyncTexts(office, [LI, WANG], { now });
    await importSyncTexts(officer, [LI], { now });
    const [conflict] = [...caseConflicts((await office.events.toArray()) as CaseEvent[]).values()];

    const assigned = await assignCase(office, { caseId: conflict!.caseId, department: '滨江街道办', reason: '属地管理', now: now + 1_000 });
    expect(assigned.ok).toBe(true);
    expect(caseConflicts((await office.events.toArray()) as CaseEvent[]).size).toBe(0);

    const issued = await issueOfficePackage(office, { watchlistText: '锦绣小区\n停水', passphraseKeyId: 'q3', now: now + 2_000 });
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.data.content.assignments?.map((e) => e.payload.department)).toEqual(['滨江街道办']);
    const applied = await importOfficePackage(officer, JSON.stringify(issued.data), now + 3_000);
    expect(applied.ok).toBe(true);
    expect((await getCaseState(officer, conflict!.caseId))?.claimedBy).toBe('滨江街道办');

    // The assignment went back byte-identical: the officer's next export is no forgery at the office.
    await saveSettings(officer, { officerName: '李明', department: '市住建局' });
    const exported = await exportSyncFile(officer, { scope: 'all', now: now + 4_000 });
    if (!exported.ok) throw new Error('export failed');
    const [again] = await importSyncTexts(office, [{ name: 'li-2.json', text: exported.data.text }], { now: now + 5_000 });
    expect(again!.errors).toEqual([]);
    expect(again).toMatchObject({ ok: true, newEvents: 0 });
    office.close();
    officer.close();
  });
});
