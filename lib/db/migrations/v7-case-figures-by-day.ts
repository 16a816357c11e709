/**
 * Upgrade 6 → 7: the new `caseFiguresByDay` table is filled from the stored
 * `caseFigures` rows, one record per China day of `capturedAt` (days since
 * 1970-01-01 in China time, UTC+8, no daylight saving) holding that day's
 * rows by column, in key order: `{ day, caseIds, departments, numbers,
 * codes }` — per case 8 numbers (capturedAt, lastEventAt, judgedAt,
 * claimMs, claimMissedAfter, reportMissedAfter, investigationMissedAfter,
 * responseMissedAfter; null when null or absent) and one code (bits 0–1
 * claim: none/claimed/assigned, 2–3 reportMet: null/target/limit, 4–5
 * effect: none/stable/recurred, 6–10 investigationMet, responded,
 * extensions, reopened, conflict). No other table changes.
 *
 * Frozen: this file imports no code of the repository (only types, which
 * vanish at build), so the record's layout is spelled out here as version 7
 * defined it (today's is lib/db/entities/case-figures-day-row.ts). It runs
 * inside Dexie's upgrade transaction and awaits nothing but that
 * transaction's own requests.
 */
import type { Transaction } from 'dexie';
import type { CaseFiguresRow } from '../entities/case-figures-row';

/** China time's offset from UTC and the length of a day (ms). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A version 6 figures row, as stored (the type only: it vanishes at build). */
type StoredFiguresRow = CaseFiguresRow;

interface DayRecord {
  day: number;
  caseIds: string[];
  departments: string[];
  numbers: (number | null)[];
  codes: number[];
}

function codeOf(f: StoredFiguresRow['figures']): number {
  const claim = f.claim === 'claimed' ? 1 : f.claim === 'assigned' ? 2 : 0;
  const report = f.reportMet === 'target' ? 1 : f.reportMet === 'limit' ? 2 : 0;
  const effect = f.effect === 'stable' ? 1 : f.effect === 'recurred' ? 2 : 0;
  const flags = [f.investigationMet, f.responded, f.extensions, f.reopened, f.conflict];
  return flags.reduce((code, flag, i) => (flag ? code | (1 << (6 + i)) : code), claim | (report << 2) | (effect << 4));
}

/** Performs the 6 → 7 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const days = new Map<number, DayRecord>();
  await tx
    .table('caseFigures')
    .toCollection()
    .each((row: StoredFiguresRow) => {
      const day = Math.floor((row.capturedAt + CHINA_OFFSET_MS) / DAY_MS);
      let record = days.get(day);
      if (!record) days.set(day, (record = { day, caseIds: [], departments: [], numbers: [], codes: [] }));
      const f = row.figures;
      record.caseIds.push(row.caseId);
      record.departments.push(f.department);
      record.numbers.push(row.capturedAt, row.lastEventAt, f.judgedAt, f.claimMs ?? null, f.claimMissedAfter, f.reportMissedAfter, f.investigationMissedAfter, f.responseMissedAfter);
      record.codes.push(codeOf(f));
    });
  if (days.size > 0) await tx.table('caseFiguresByDay').bulkAdd([...days.values()]);
}
