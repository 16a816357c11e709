/**
 * The office's quarterly bulletin over the two officers' imported files
 * (tests/fixtures/sync): figures per department, each with its cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBuiltInProfile } from '../../../lib/policy';
import { bulletinCsv, officeBulletin } from '../../../lib/report/office-bulletin';
import { mergeSyncFiles, type SyncFile } from '../../../lib/sync';
import { cst } from '../../fixtures/sync/officers';

const files = ['officer-li-ming-zhujian', 'officer-wang-fang-binjiang'].map(
  (name) => JSON.parse(readFileSync(`tests/fixtures/sync/${name}.json`, 'utf8')) as SyncFile,
);
const merged = mergeSyncFiles(files);
const policy = getBuiltInProfile('xuancheng-2015')!;
const bulletin = officeBulletin(merged.events, policy, { quarter: { year: 2024, quarter: 3 }, now: cst('2024-08-06 09:00') });
const MINUTE = 60_000;

describe('office bulletin, 2024 third quarter', () => {
  it('counts each department’s captured and claimed cases, with the cases behind each figure', () => {
    const byName = Object.fromEntries(bulletin.departments.map((d) => [d.department, d]));
    expect(Object.keys(byName)).toEqual(['市住建局', '滨江街道办']);
    expect(byName['市住建局']!.captured.count).toBe(2);
    expect(byName['市住建局']!.claimed.count).toBe(2);
    expect(byName['滨江街道办']!.captured.count).toBe(1);
    const waterCase = merged.events.find((e) => e.type === 'captured' && e.payload.postId === 'pid771024')!.caseId;
    // Both departments claimed the water cut: it is the conflict, counted where it stands (the first claim).
    expect(byName['市住建局']!.conflicts).toEqual({ count: 1, caseIds: [waterCase] });
    expect(bulletin.totals.captured.count).toBe(3);
  });

  it('measures claim time from the first capture: median and worst', () => {
    const zhujian = bulletin.departments.find((d) => d.department === '市住建局')!;
    // Water cut 09:10 → 09:40 (30 min), noise 08:50 → 09:05 (15 min).
    expect(zhujian.claimMedianMs).toBe(22.5 * MINUTE);
    expect(zhujian.claimWorstMs).toBe(30 * MINUTE);
    const binjiang = bulletin.departments.find((d) => d.department === '滨江街道办')!;
    expect(binjiang.claimWorstMs).toBe(35 * MINUTE);
  });

  it('writes a CSV a spreadsheet opens: BOM, header, one line per department and the total', () => {
    const lines = bulletinCsv(bulletin).split('\r\n');
    expect(lines[0]!.startsWith('\uFEFF部门,采集,自主认领,指定认领')).toBe(true);
    expect(lines[1]!.startsWith('市住建局,2,2,0')).toBe(true);
    expect(lines[3]!.startsWith('全办合计,3,3,0')).toBe(true);
    expect(lines[1]!.endsWith(',0.4,0.5')).toBe(true);
  });
});
