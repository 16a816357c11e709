import type { TierId } from '../../cases/events';
import type { CaseConflict } from '../../sync/conflicts';

/**
 * The cases projection: one small row per case for fast lists in the side
 * panel and badges in pages. Derived from the events and rebuildable at any
 * time (`rebuildProjection`); it is never the only copy of anything.
 */
export interface CaseRow {
  caseId: string;
  title: string;
  site: string;
  url: string;
  canonicalUrl: string;
  author?: string;
  /** The state machine's status (e.g. 'captured', 'claimed', 'closed'). */
  status: string;
  tier?: TierId;
  category?: string;
  /** Responsible department (from assessment, else the claiming/assigned one). */
  department?: string;
  /** Department that claimed or was assigned the case. */
  claimedBy?: string;
  /** Epoch ms of the `captured` event. */
  capturedAt: number;
  /** Epoch ms (`at`) of the latest event; drives the "recent" order. */
  lastEventAt: number;
  /**
   * Limit (epoch ms) of the most urgent pending deadline under the active
   * policy, or null when nothing is pending. Limits do not depend on `now`,
   * so the UI computes live countdowns from this.
   */
  nextDeadlineAt: number | null;
  /** Step name of that deadline (e.g. 'claim', 'respond'), or null. */
  nextDeadlineStep: string | null;
  /**
   * The next action by the procedure (claim, then assess, then the most
   * urgent step — `nextStepOf`), so the inbox and the case page agree; null
   * for a closed case.
   */
  nextStep: string | null;
  /** 1 when that deadline was already past at the last write (IndexedDB cannot index booleans). */
  overdue: 0 | 1;
  /** True when the deadline was computed past the official calendar's coverage. */
  provisional: boolean;
  /** Canonical URLs of the threads the case's evidence comes from (version 3). */
  threadUrls: string[];
  /** Ids (`canonicalUrl#postId`) of the posts that are its evidence (version 3). */
  evidenceIds: string[];
  /** Evidence items (post versions) held by the case itself, not counting merged cases. */
  evidenceCount: number;
  /** Set when the case was merged into another: it then leaves every list and statistic. */
  mergedInto?: string;
  /** The latest re-check of any of its sources. */
  lastRecheck?: { at: number; outcome: string };
  /** Set while its merged history holds a conflict (competing claims…) the office has not settled. */
  conflict?: CaseConflict;
}
