/**
 * The office settles a conflict by assigning the case (指定认领, POLICIES.md:
 * the coordinating office assigns): one `assigned` event in the office's own
 * log, recorded by the office console's officer (settings), so it travels
 * like every event — merged order-free, and back to officers in the office
 * package (office-package.ts `assignments`).
 */
import type { CaseEventOf } from '../cases';
import type { AppDB } from '../db/app-db';
import { appendEvent, type Appended } from '../db/repos/events';
import { getSettings } from '../db/repos/settings';
import type { Result } from '../messaging/result';

/** Who records an assignment when the console's settings name nobody. */
export const DEFAULT_OFFICE_ACTOR = { officer: '信息办', department: '信息办' } as const;

/**
 * Records the office's assignment of `caseId` to `department` at `now`
 * (epoch ms). Errors as `appendEvent` gives them (unknown case, invalid
 * department…); nothing changes then.
 */
export async function assignCase(
  db: AppDB,
  { caseId, department, reason, now, id = crypto.randomUUID() }: { caseId: string; department: string; reason?: string; now: number; id?: string },
): Promise<Result<Appended>> {
  const settings = await getSettings(db);
  const actor = {
    officer: settings.officerName || DEFAULT_OFFICE_ACTOR.officer,
    department: settings.department || DEFAULT_OFFICE_ACTOR.department,
  };
  const event: Omit<CaseEventOf<'assigned'>, 'payload'> & { payload: { department: string; reason?: string } } = {
    id,
    caseId,
    at: now,
    actor,
    type: 'assigned',
    payload: { department, ...(reason ? { reason } : {}) },
  };
  return appendEvent(db, event, { now });
}
