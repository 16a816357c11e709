/**
 * An officer imports the office's package (the database half): verify
 * (office-package.ts), then in one transaction pin the office key on first
 * import, store the watch list, the profile copy and make it active, the
 * calendar overrides, the passphrase key id, and the office's assignments
 * of the cases this officer holds. Any problem, nothing changes.
 */
import type { CaseEvent } from '../cases';
import type { AppDB } from '../db/app-db';
import { appendWithin } from '../db/repos/events';
import { rebuildProjection } from '../db/repos/cases';
import { projectionTables } from '../db/repos/case-store';
import { getActiveProfile, saveUserProfile } from '../db/repos/policy-profiles';
import { getSettings, saveSettings } from '../db/repos/settings';
import { saveWatchlist } from '../db/repos/watchlists';
import type { SyncProblem } from './problems';
import { OfficePublicKeySchema, verifyOfficePackage, type OfficePackage, type OfficePublicKey } from './office-package';

/** syncState keys of the office's pinned key and of the passphrase key id. */
export const OFFICE_KEY_ROW = 'officePublicKey';
export const PASSPHRASE_KEY_ROW = 'officePassphraseKeyId';

/** The office key this browser pinned, if any. */
export async function pinnedOfficeKey(db: AppDB): Promise<OfficePublicKey | undefined> {
  const row = await db.syncState.get(OFFICE_KEY_ROW);
  if (!row?.note) return undefined;
  const parsed = OfficePublicKeySchema.safeParse(JSON.parse(row.note));
  return parsed.success ? parsed.data : undefined;
}

/** The passphrase key id the office last named, if any. */
export async function officePassphraseKeyId(db: AppDB): Promise<string | undefined> {
  return (await db.syncState.get(PASSPHRASE_KEY_ROW))?.note;
}

class Refused extends Error {
  constructor(readonly problems: SyncProblem[]) {
    super('refused');
  }
}

/**
 * The office's assignments of cases this officer holds, added to their log
 * (with the office's chain fields, so the event stays byte-identical when it
 * travels back). An assignment of a case this browser never saw, or one its
 * history refuses (e.g. a case closed since), is left out: the office's own
 * log keeps it either way.
 */
async function takeAssignments(db: AppDB, assignments: readonly CaseEvent[], now: number): Promise<void> {
  const known = await db.cases.bulkGet(assignments.map((e) => e.caseId));
  for (const [i, event] of assignments.entries()) {
    if (known[i]) await appendWithin(db, event, now);
  }
}

/** Applies a verified package; see the module comment. */
export async function importOfficePackage(
  db: AppDB,
  text: string,
  now: number,
): Promise<{ ok: true; value: OfficePackage } | { ok: false; errors: SyncProblem[] }> {
  const verified = await verifyOfficePackage(text, await pinnedOfficeKey(db));
  if (!verified.ok) return verified;
  const pkg = verified.value;
  const clock = { now: () => now };
  try {
    await db.transaction('rw', [db.settings, db.watchlists, db.policyProfiles, db.syncState, ...projectionTables(db), db.events], async () => {
      const profile = await saveUserProfile(db, pkg.content.profile, clock);
      if (!profile.ok) throw new Refused(profile.error.issues?.map((i) => ({ path: `$.content.profile.${i.path}`, message: i.message })) ?? [{ path: '$.content.profile', message: profile.error.message }]);
      const settings = await getSettings(db);
      const watchlist = await saveWatchlist(db, { id: settings.watchlistId, name: `${pkg.office}下发`, entries: pkg.content.watchlist }, clock);
      if (!watchlist.ok) throw new Refused([{ path: '$.content.watchlist', message: watchlist.error.message }]);
      const saved = await saveSettings(db, { activeProfileId: profile.data.id, calendarOverrides: pkg.content.calendarOverrides });
      if (!saved.ok) throw new Refused([{ path: '$.content', message: saved.error.message }]);
      await db.syncState.put({ key: OFFICE_KEY_ROW, at: now, note: JSON.stringify(pkg.publicKey) });
      await db.syncState.put({ key: PASSPHRASE_KEY_ROW, at: now, note: pkg.content.passphraseKeyId });
      await takeAssignments(db, pkg.content.assignments ?? [], now);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.problems };
    return { ok: false, errors: [{ path: '$', message: `保存失败，未做任何改动：${(error as Error).message}` }] };
  }
  // Deadlines depend on the profile and calendar: recompute the stored ones.
  await rebuildProjection(db, await getActiveProfile(db), () => now);
  return { ok: true, value: pkg };
}
