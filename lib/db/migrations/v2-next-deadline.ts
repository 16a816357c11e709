/**
 * Upgrade 1 → 2: version 1's case rows had no deadline fields. Each row gets
 * `nextDeadlineAt`, `nextDeadlineStep`, `overdue` and `provisional`, computed
 * from the case's own events with the policy active in the stored settings
 * (so the new urgency index is filled at once, not at the next event).
 *
 * Runs inside Dexie's upgrade transaction: only that transaction's tables,
 * no other I/O. Rows are rebuilt from the log rather than patched, because
 * the log is the truth and a v1 row could be stale.
 */
import type { Transaction } from 'dexie';
import { groupByCase, replayWithReport } from '../../cases';
import { BUILT_IN_PROFILES, type PolicyProfile } from '../../policy';
import type { CaseRow } from '../entities/case-row';
import type { EventRow } from '../entities/event-row';
import { toCaseEvent } from '../entities/event-row';
import { SETTINGS_KEY } from '../entities/settings';
import type { PolicyProfileRow } from '../entities/policy-profile-row';
import { settingsFromRow } from '../repos/settings';
import { projectCase, projectionContextOf } from '../projection';
import { defaultProfile } from '../repos/policy-profiles';

/** Performs the 1 → 2 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV2(tx: Transaction, now: number): Promise<void> {
  const settings = settingsFromRow(await tx.table('settings').get(SETTINGS_KEY));
  const userProfile = (await tx.table('policyProfiles').get(settings.activeProfileId)) as PolicyProfileRow | undefined;
  const policy: PolicyProfile =
    BUILT_IN_PROFILES.find((p) => p.id === settings.activeProfileId) ?? userProfile?.profile ?? defaultProfile();
  const context = projectionContextOf(settings, policy);

  const byCase = groupByCase(((await tx.table('events').toArray()) as EventRow[]).map(toCaseEvent));

  await tx
    .table('cases')
    .toCollection()
    .modify((row: Partial<CaseRow> & { caseId: string }, ref: { value: unknown }) => {
      const log = byCase.get(row.caseId);
      const state = log ? replayWithReport(log).state : undefined;
      if (!state) {
        // A v1 row without events (should not exist) keeps its data and gets "no deadline".
        Object.assign(row, { nextDeadlineAt: null, nextDeadlineStep: null, nextStep: null, overdue: 0, provisional: false });
        return;
      }
      // Version 2 rows as version 2 wrote them: the fields later versions add to the projection are theirs to fill.
      const { threadUrls: _t, evidenceIds: _e, evidenceCount: _c, mergedInto: _m, lastRecheck: _r, figures: _f, conflict: _k, ...v2Row } =
        projectCase(state, context, now);
      ref.value = v2Row;
    });
}
