/**
 * Property: in any random log merged from several officers, flipping one bit
 * of one byte of any stored event or evidence (its JSON row, or the bytes of
 * its snapshot or screenshot) makes verification fail and name that event or
 * evidence. The seed of a failure is in its message.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../lib/evidence/hash';
import { verifyLog, type EvidenceItem } from '../../../lib/evidence/verify';
import { seededRandom } from '../../support/seeded-random';
import { randomLog } from './log-builder';

const RUNS = 400;

/** One bit of one byte of `row`'s JSON flipped; undefined when that is no longer a valid row or changes nothing. */
function flipJsonByte(row: object, rand: () => number): Record<string, unknown> | undefined {
  const bytes = new TextEncoder().encode(JSON.stringify(row));
  const at = Math.floor(rand() * bytes.length);
  bytes[at] = bytes[at]! ^ (1 << Math.floor(rand() * 8));
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return canonicalJson(parsed) === canonicalJson(row) ? undefined : (parsed as Record<string, unknown>);
  } catch {
    return undefined; // not UTF-8 or not JSON any more: IndexedDB could not hold that row
  }
}

/** The log with one byte of one event or evidence flipped, and the id the flipped row now carries. */
function tamper(log: ReturnType<typeof randomLog>, rand: () => number): { events: object[]; evidence: EvidenceItem[]; id: string; what: string } {
  for (;;) {
    const index = Math.floor(rand() * (log.events.length + log.evidence.length));
    if (index < log.events.length) {
      const flipped = flipJsonByte(log.events[index]!, rand);
      if (!flipped) continue;
      const events = log.events.map((e, i) => (i === index ? flipped : e));
      return { events, evidence: log.evidence, id: typeof flipped.id === 'string' ? flipped.id : '?', what: `event ${String(log.events[index]!.id)}` };
    }
    const item = log.evidence[index - log.events.length]!;
    const { snapshot, screenshot, ...row } = item;
    const blobs = (['snapshot', 'screenshot'] as const).filter((k) => item[k] !== undefined);
    let changed: EvidenceItem | undefined;
    if (blobs.length > 0 && rand() < 0.3) {
      const key = blobs[Math.floor(rand() * blobs.length)]!;
      const copy = Uint8Array.from(item[key]!);
      const at = Math.floor(rand() * copy.length);
      copy[at] = copy[at]! ^ (1 << Math.floor(rand() * 8));
      changed = { ...item, [key]: copy };
    } else {
      const flipped = flipJsonByte(row, rand);
      if (!flipped) continue;
      changed = { ...flipped, ...(snapshot ? { snapshot } : {}), ...(screenshot ? { screenshot } : {}) };
    }
    const evidence = log.evidence.map((e) => (e === item ? changed! : e));
    return { events: log.events, evidence, id: typeof changed.id === 'string' ? changed.id : '?', what: `evidence ${String(item.id)}` };
  }
}

describe('verifying a merged log after one byte changed', () => {
  it('passes every untouched random log, forks from several officers included', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const report = verifyLog(randomLog(seededRandom(seed)));
      expect(report.findings, `seed ${seed}`).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });

  it('names the changed event or evidence every time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = seededRandom(seed);
      const log = randomLog(rand);
      const tampered = tamper(log, rand);
      const report = verifyLog(tampered);
      expect(report.ok, `seed ${seed}: ${tampered.what} changed but the log verified`).toBe(false);
      expect(
        report.findings.map((f) => f.id),
        `seed ${seed}: ${tampered.what} changed, findings ${JSON.stringify(report.findings)}`,
      ).toContain(tampered.id);
    }
  });
});
