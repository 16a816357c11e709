import { describe, expect, it } from 'vitest';
import { figuresDayRecord, figuresRowsOfDay } from '../../../lib/db/entities/case-figures-day-row';
import type { CaseFiguresRow } from '../../../lib/db/entities/case-figures-row';

const at = Date.UTC(2024, 6, 8, 1, 0);
const base = { judgedAt: at + 9, capturedAt: at, department: '澜江市住房和城乡建设局', claimMissedAfter: null, reportMet: null, reportMissedAfter: null, investigationMet: false, investigationMissedAfter: null, responded: false, responseMissedAfter: null, extensions: false, reopened: false, conflict: false } as const;

/** One case per value of every field the day record packs (a row's `capturedAt` is its figures', as the projection stores them). */
const rows: CaseFiguresRow[] = [
  { capturedAt: at, caseId: 'unclaimed', lastEventAt: at, figures: { ...base, department: '未认领' } },
  { capturedAt: at + 1, caseId: 'claimed', lastEventAt: at + 2, figures: { ...base, capturedAt: at + 1, claim: 'claimed', claimMs: 0, claimMissedAfter: 0, reportMet: 'target', investigationMet: true, responded: true, responseMissedAfter: at + 5, effect: 'stable' } },
  { capturedAt: at + 3, caseId: 'assigned', lastEventAt: at + 4, figures: { ...base, capturedAt: at + 3, claim: 'assigned', claimMs: 3_600_000, reportMet: 'limit', reportMissedAfter: at + 7, investigationMissedAfter: 0, effect: 'recurred', extensions: true, reopened: true, conflict: true } },
];

describe('a day record of bulletin figures (schema version 7)', () => {
  it('gives back every figures row it holds, field for field, absent fields absent', () => {
    const record = figuresDayRecord(19912, rows);
    expect(record.caseIds).toEqual(['unclaimed', 'claimed', 'assigned']);
    expect(figuresRowsOfDay(record)).toStrictEqual(rows);
    // Stored as IndexedDB stores it (a structured clone) and read back: the same rows.
    expect(figuresRowsOfDay(structuredClone(record))).toStrictEqual(rows);
  });
});
