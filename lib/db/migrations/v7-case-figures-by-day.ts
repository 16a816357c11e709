/**
 * Upgrade 6 → 7: the new `caseFiguresByDay` table is filled from the stored
 * `caseFigures` rows, one record per China day of `capturedAt` (days since
 * 1970-01-01 in China time, UTC+8, no daylight saving) holding that day's
 * rows as stored, in key order. No other table changes.
 *
 * Frozen: this file imports no code of the repository (only types, which
 * vanish at build). It runs inside Dexie's upgrade transaction and awaits
 * nothing but that transaction's own requests.
 */
import type { Transaction } from 'dexie';

/** China time's offset from UTC and the length of a day (ms), spelled out to stay frozen. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The fields of a version 6 figures row this upgrade reads (the rest is copied as stored). */
interface StoredFiguresRow {
  capturedAt: number;
  caseId: string;
}

/** Performs the 6 → 7 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const days = new Map<number, StoredFiguresRow[]>();
  await tx
    .table('caseFigures')
    .toCollection()
    .each((row: StoredFiguresRow) => {
      const day = Math.floor((row.capturedAt + CHINA_OFFSET_MS) / DAY_MS);
      const cases = days.get(day);
      if (cases) cases.push(row);
      else days.set(day, [row]);
    });
  if (days.size > 0) await tx.table('caseFiguresByDay').bulkAdd([...days].map(([day, cases]) => ({ day, cases })));
}
