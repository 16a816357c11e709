import type { CaseFigures } from '../../report/office-bulletin';
import type { CaseFiguresRow } from './case-figures-row';

/**
 * The `caseFigures` rows of the cases first captured on one China day
 * (schema version 7), in one record, by column: the office's quarterly
 * bulletin reads a quarter as ~92 of these instead of one record per case.
 * In Chromium each record read costs a request whatever its size, and
 * cloning a record costs per object and per property: columns of strings
 * and numbers clone faster than an object per case (read one record per
 * case, the quarter's 32,200 rows took 0.9–1.7 s under load ~10; as day
 * records of one object per case, 0.26–0.31 s in the same runs).
 * Written with the figures rows by the projection (repos/case-store.ts), so
 * the rows of all days, decoded ({@link figuresRowsOfDay}), are exactly the
 * `caseFigures` table.
 */
export interface CaseFiguresDayRow {
  /** China day number (days since 1970-01-01, China time; lib/calendar `chinaDayNumber`) of the cases' `capturedAt`. */
  day: number;
  /** Case ids, one per case; the other columns follow this order. */
  caseIds: string[];
  /** `figures.department` of each case. */
  departments: string[];
  /**
   * {@link NUMBER_FIELDS}.length numbers per case, in that order (epoch ms
   * or ms; null: the field is null, or absent for `claimMs`).
   */
  numbers: (number | null)[];
  /** One integer per case: the enumerations and flags of its figures (see {@link figuresCode}). */
  codes: number[];
}

/** The numeric fields of a figures row, in the order of {@link CaseFiguresDayRow.numbers}. */
export const NUMBER_FIELDS = [
  'capturedAt',
  'lastEventAt',
  'judgedAt',
  'claimMs',
  'claimMissedAfter',
  'reportMissedAfter',
  'investigationMissedAfter',
  'responseMissedAfter',
] as const;

const CLAIMS = [undefined, 'claimed', 'assigned'] as const;
const REPORTS = [null, 'target', 'limit'] as const;
const EFFECTS = [undefined, 'stable', 'recurred'] as const;
const FLAGS = ['investigationMet', 'responded', 'extensions', 'reopened', 'conflict'] as const;

/**
 * The code of a case's figures: bits 0–1 the claim (none, claimed,
 * assigned), 2–3 the first report (none, target, limit), 4–5 the effect
 * (none, stable, recurred), then one bit per flag of {@link FLAGS}.
 */
function figuresCode(f: CaseFigures): number {
  let code = CLAIMS.indexOf(f.claim) | (REPORTS.indexOf(f.reportMet) << 2) | (EFFECTS.indexOf(f.effect) << 4);
  FLAGS.forEach((flag, i) => {
    if (f[flag]) code |= 1 << (6 + i);
  });
  return code;
}

/** The figures rows of one day as one record (rows in the order given, all of that day). */
export function figuresDayRecord(day: number, rows: readonly CaseFiguresRow[]): CaseFiguresDayRow {
  const numbers: (number | null)[] = [];
  for (const { capturedAt, lastEventAt, figures: f } of rows) {
    numbers.push(capturedAt, lastEventAt, f.judgedAt, f.claimMs ?? null, f.claimMissedAfter, f.reportMissedAfter, f.investigationMissedAfter, f.responseMissedAfter);
  }
  return {
    day,
    caseIds: rows.map((row) => row.caseId),
    departments: rows.map((row) => row.figures.department),
    numbers,
    codes: rows.map((row) => figuresCode(row.figures)),
  };
}

/** The figures rows a day record holds, as `caseFigures` stores them, in the record's order. */
export function figuresRowsOfDay(record: CaseFiguresDayRow): CaseFiguresRow[] {
  const width = NUMBER_FIELDS.length;
  return record.caseIds.map((caseId, i) => {
    const n = record.numbers;
    const at = i * width;
    const code = record.codes[i]!;
    const claim = CLAIMS[code & 3];
    const claimMs = n[at + 3];
    const effect = EFFECTS[(code >> 4) & 3];
    const figures: CaseFigures = {
      judgedAt: n[at + 2]!,
      capturedAt: n[at]!,
      department: record.departments[i]!,
      ...(claim ? { claim } : {}),
      ...(claimMs !== null && claimMs !== undefined ? { claimMs } : {}),
      claimMissedAfter: n[at + 4] ?? null,
      reportMet: REPORTS[(code >> 2) & 3] ?? null,
      reportMissedAfter: n[at + 5] ?? null,
      investigationMet: (code & (1 << 6)) !== 0,
      investigationMissedAfter: n[at + 6] ?? null,
      responded: (code & (1 << 7)) !== 0,
      responseMissedAfter: n[at + 7] ?? null,
      ...(effect ? { effect } : {}),
      extensions: (code & (1 << 8)) !== 0,
      reopened: (code & (1 << 9)) !== 0,
      conflict: (code & (1 << 10)) !== 0,
    };
    return { capturedAt: n[at]!, caseId, lastEventAt: n[at + 1]!, figures };
  });
}
