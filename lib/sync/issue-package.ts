/**
 * The office console's side of the package: its signing key (made on first
 * use and kept in this browser's syncState as a JWK) and the package built
 * from the office's own settings (active profile, calendar overrides) and
 * the watch list it edits.
 */
import { compareEvents, type CaseEventOf } from '../cases';
import type { AppDB } from '../db/app-db';
import { toCaseEvent } from '../db/entities/event-row';
import { getActiveProfile } from '../db/repos/policy-profiles';
import { getSettings } from '../db/repos/settings';
import { parseWatchlistImport } from '../match';
import { fail, ok, type Result } from '../messaging/result';
import { generateOfficeKeys, OfficePublicKeySchema, signOfficePackage, type OfficePackage } from './office-package';

const SIGNING_KEY_ROW = 'officeSigningKey';

async function officeKeys(db: AppDB, now: number) {
  const row = await db.syncState.get(SIGNING_KEY_ROW);
  if (row?.note) {
    const stored = JSON.parse(row.note) as { privateJwk: JsonWebKey; publicKey: unknown };
    return { privateJwk: stored.privateJwk, publicKey: OfficePublicKeySchema.parse(stored.publicKey) };
  }
  const keys = await generateOfficeKeys();
  await db.syncState.put({ key: SIGNING_KEY_ROW, at: now, note: JSON.stringify(keys) });
  return keys;
}

/** Every assignment (指定认领) in the office's log, oldest first. */
async function officeAssignments(db: AppDB): Promise<CaseEventOf<'assigned'>[]> {
  const events = (await db.events.toArray()).map(toCaseEvent);
  return events.filter((e): e is CaseEventOf<'assigned'> => e.type === 'assigned').sort(compareEvents);
}

/** Builds and signs the package; a bad watch list is refused with its line and reason. */
export async function issueOfficePackage(
  db: AppDB,
  { watchlistText, passphraseKeyId, now }: { watchlistText: string; passphraseKeyId: string; now: number },
): Promise<Result<OfficePackage>> {
  const watchlist = parseWatchlistImport(watchlistText);
  if (!watchlist.ok) return fail('invalid-input', watchlist.errors.map((e) => `${e.line ?? ''} ${e.message}`).join('；'));
  if (passphraseKeyId.trim() === '') return fail('invalid-input', '请填写口令编号。');
  const settings = await getSettings(db);
  const profile = await getActiveProfile(db);
  const keys = await officeKeys(db, now);
  const assignments = await officeAssignments(db);
  const office = settings.department || '信息办';
  return ok(
    await signOfficePackage(
      {
        office,
        issuedAt: now,
        publicKey: keys.publicKey,
        content: {
          watchlist: watchlist.value,
          // A built-in profile travels as the office's own copy, so officers store it as a user profile.
          profile: profile.builtIn ? { ...profile, id: `${profile.id}-office`, builtIn: false, basedOn: profile.id } : profile,
          calendarOverrides: settings.calendarOverrides,
          passphraseKeyId: passphraseKeyId.trim(),
          ...(assignments.length > 0 ? { assignments } : {}),
        },
      },
      keys.privateJwk,
    ),
  );
}
