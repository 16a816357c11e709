/**
 * Merging sync files is order-free and idempotent: however officers' logs
 * are split into files, in whatever order the office receives them, and
 * however often a file arrives twice, the merge is the same file.
 * Random cases from a seeded PRNG (the failing seed is in the test name).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseEventSchema, type CaseEvent } from '../../../lib/cases';
import {
  buildSyncFile,
  caseConflicts,
  mergeSyncFiles,
  parseSyncFile,
  type SyncEvidence,
  type SyncFile,
} from '../../../lib/sync';
import { seededRandom } from '../../support/seeded-random';

const T0 = Date.UTC(2024, 6, 1, 1, 0);
const DEPARTMENTS = ['市住建局', '滨江街道办', '市公安局'];
const PROFILE = { id: 'xuancheng-2015', version: '0123456789abcdef' };

function pickOf<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A random office: several officers, each with a valid log of a few shared cases. */
function randomOffice(random: () => number) {
  const caseIds = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => `c-${String(i).padStart(24, '0')}`);
  const officers = DEPARTMENTS.map((department, i) => ({ officer: `干部${i}`, department }));
  const logs = officers.map((actor, o) => {
    const events: CaseEvent[] = [];
    for (const caseId of caseIds) {
      if (random() < 0.4) continue;
      let at = T0 + Math.floor(random() * 10) * 60_000 + o;
      const next = (type: string, payload: unknown) => {
        at += 1 + Math.floor(random() * 3_600_000);
        events.push(CaseEventSchema.parse({ id: `${actor.department}-${caseId}-${events.length}`, caseId, at, actor, type, payload }));
      };
      next('captured', {
        url: `https://bbs.example.cn/${caseId}`,
        canonicalUrl: `https://bbs.example.cn/${caseId}`,
        site: 'discuz',
        postId: caseId,
        title: `帖子 ${caseId}`,
        excerpt: '停水三天',
        matchedTerms: ['停水'],
        digest: 'a'.repeat(64),
      });
      if (random() < 0.7) next('claimed', { department: actor.department });
      if (random() < 0.5) next('note', { text: '已电话联系' });
    }
    return { actor, events };
  });
  return logs.filter((log) => log.events.length > 0);
}

/** Split a log into 1..3 random export files (each carries whole cases, as the export does). */
function randomFiles(random: () => number, actor: { officer: string; department: string }, events: CaseEvent[]): SyncFile[] {
  const parts = 1 + Math.floor(random() * 3);
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const buckets: CaseEvent[][] = Array.from({ length: parts }, () => []);
  for (const log of byCase.values()) buckets[Math.floor(random() * parts)]!.push(...log);
  return buckets
    .filter((b) => b.length > 0)
    .map((bucket, i) => {
      const evidence: SyncEvidence[] = [...new Set(bucket.map((e) => e.caseId))].map((caseId) => ({
        caseId,
        digest: 'a'.repeat(64),
        url: `https://bbs.example.cn/${caseId}`,
        capturedAt: T0,
        text: '停水三天',
        html: '<p>停水三天</p>',
      }));
      return buildSyncFile({ exporter: actor, profile: PROFILE, exportedAt: T0 + 86_400_000 * (i + 1), since: null, events: bucket, evidence });
    });
}

function shuffled<T>(random: () => number, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('mergeSyncFiles', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`gives one result for any split, order and duplication of the logs (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const office = randomOffice(random);
      if (office.length === 0) return;
      const files = office.flatMap(({ actor, events }) => randomFiles(random, actor, events));
      const reference = mergeSyncFiles(files);

      const withRepeats = [...files, ...files.filter(() => random() < 0.5)];
      expect(mergeSyncFiles(shuffled(random, withRepeats))).toEqual(reference);
      // Idempotent: merging the merge, alone or again with its parts, changes nothing.
      expect(mergeSyncFiles([reference])).toEqual(reference);
      expect(mergeSyncFiles([reference, pickOf(random, files)])).toEqual(reference);
      // Associative: merging in stages gives the same as at once.
      const cut = Math.floor(random() * files.length);
      const staged = mergeSyncFiles([mergeSyncFiles(files.slice(0, cut + 1)), ...files.slice(cut + 1)]);
      expect(staged).toEqual(reference);
      // Every event of every officer is there, once.
      expect(reference.events.map((e) => e.id).sort()).toEqual(office.flatMap((o) => o.events.map((e) => e.id)).sort());
      // The merge is itself a valid sync file.
      expect(parseSyncFile(JSON.stringify(reference)).ok).toBe(true);
    });
  }
});

describe('merging the two officers’ exports', () => {
  const li = JSON.parse(readFileSync('tests/fixtures/sync/officer-li-ming-zhujian.json', 'utf8')) as SyncFile;
  const wang = JSON.parse(readFileSync('tests/fixtures/sync/officer-wang-fang-binjiang.json', 'utf8')) as SyncFile;
  const merged = mergeSyncFiles([li, wang]);

  it('meets the water-cut post of both officers in one case', () => {
    const caseIds = new Set(merged.events.map((e) => e.caseId));
    expect(caseIds.size).toBe(3);
    const water = merged.events.filter((e) => e.type === 'captured' && e.payload.postId === 'pid771024');
    expect(water.map((e) => e.actor.officer).sort()).toEqual(['李明', '王芳']);
    expect(new Set(water.map((e) => e.caseId)).size).toBe(1);
  });

  it('keeps both departments’ claims and marks the case as a conflict to assign', () => {
    const conflicts = [...caseConflicts(merged.events).values()];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.competingClaims).toBe(true);
    expect(conflicts[0]!.claimants).toEqual(['市住建局', '滨江街道办']);
    expect(merged.events.filter((e) => e.type === 'claimed' && e.caseId === conflicts[0]!.caseId)).toHaveLength(2);
  });

  it('names both officers and the widest range', () => {
    expect(merged.exporters).toEqual([
      { officer: '李明', department: '市住建局' },
      { officer: '王芳', department: '滨江街道办' },
    ]);
    expect(merged.range).toEqual({ since: null, until: Math.max(li.range.until, wang.range.until) });
  });
});
