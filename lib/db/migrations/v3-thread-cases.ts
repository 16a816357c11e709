/**
 * Upgrade 2 → 3: a case is one 舆情 and its captured posts are evidence
 * items. Each version 2 case row gains `threadUrls`, `evidenceIds` and
 * `evidenceCount`, read from the case's own `captured` events. Nothing else
 * changes: every event, every evidence body and every case id is kept (a
 * version 2 case, one per post, stays a case; a new floor of its thread
 * joins it through `threadUrls`).
 *
 * Frozen: this file imports no code of the repository (only types, which
 * vanish at build), so later changes to lib/cases cannot change what this
 * upgrade did. It runs inside Dexie's upgrade transaction and awaits
 * nothing but that transaction's own requests.
 */
import type { Transaction } from 'dexie';

/** The fields of a version 2 `captured` event this upgrade reads. */
interface StoredCapture {
  id: string;
  caseId: string;
  at: number;
  type: string;
  payload?: { canonicalUrl?: unknown; postId?: unknown; digest?: unknown };
}

interface CaseFacts {
  threadUrls: string[];
  evidenceIds: string[];
  evidenceCount: number;
}

/** The evidence facts of each case, from its captured events in (at, id) order. */
function factsByCase(events: readonly StoredCapture[]): Map<string, CaseFacts> {
  const captures = events
    .filter((e) => e.type === 'captured')
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts = new Map<string, CaseFacts & { versions: Set<string> }>();
  for (const event of captures) {
    const { canonicalUrl, postId, digest } = event.payload ?? {};
    if (typeof canonicalUrl !== 'string' || typeof postId !== 'string' || typeof digest !== 'string') continue;
    let entry = facts.get(event.caseId);
    if (!entry) {
      entry = { threadUrls: [], evidenceIds: [], evidenceCount: 0, versions: new Set() };
      facts.set(event.caseId, entry);
    }
    // The evidence id of version 3: canonical URL + "#" + post id.
    const evidenceId = `${canonicalUrl}#${postId}`;
    if (!entry.threadUrls.includes(canonicalUrl)) entry.threadUrls.push(canonicalUrl);
    if (!entry.evidenceIds.includes(evidenceId)) entry.evidenceIds.push(evidenceId);
    const version = `${evidenceId}\n${digest}`;
    if (!entry.versions.has(version)) {
      entry.versions.add(version);
      entry.evidenceCount += 1;
    }
  }
  return new Map([...facts].map(([caseId, { threadUrls, evidenceIds, evidenceCount }]) => [caseId, { threadUrls, evidenceIds, evidenceCount }]));
}

/** Performs the 2 → 3 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const facts = factsByCase((await tx.table('events').toArray()) as StoredCapture[]);
  await tx
    .table('cases')
    .toCollection()
    .modify((row: Record<string, unknown> & { caseId: string }) => {
      const found = facts.get(row.caseId);
      // A row without a capture (should not exist) gets empty facts rather than losing its data.
      row.threadUrls = found?.threadUrls ?? (typeof row.canonicalUrl === 'string' ? [row.canonicalUrl] : []);
      row.evidenceIds = found?.evidenceIds ?? [];
      row.evidenceCount = found?.evidenceCount ?? 0;
    });
}
