import type { AppDB } from '../app-db';
import type { PolicyProfileRow } from '../entities/policy-profile-row';
import { BUILT_IN_PROFILES, isBuiltInProfileId, parsePolicyProfile, type PolicyProfile } from '../../policy';
import { fail, ok, type Result } from '../../messaging/result';
import { getSettings } from './settings';
import { guarded } from './guard';

/** Built-in profiles first (in their fixed order), then the user's copies by id. */
export async function listProfiles(db: AppDB): Promise<PolicyProfile[]> {
  const rows = await db.policyProfiles.toArray();
  const user = rows.map((row) => row.profile).sort((a, b) => a.id.localeCompare(b.id));
  return [...BUILT_IN_PROFILES, ...user];
}

/** The profile with this id (built-in or user copy), or undefined. */
export async function getProfile(db: AppDB, id: string): Promise<PolicyProfile | undefined> {
  const builtIn = BUILT_IN_PROFILES.find((p) => p.id === id);
  if (builtIn) return builtIn;
  return (await db.policyProfiles.get(id))?.profile;
}

/**
 * The profile that drives deadlines: the one named in settings, or the
 * default built-in when that id is unknown (a deleted copy must not stop
 * deadlines from being computed). Works inside a transaction that includes
 * the settings and policyProfiles tables.
 */
export async function getActiveProfile(db: AppDB): Promise<PolicyProfile> {
  const { activeProfileId } = await getSettings(db);
  return (await getProfile(db, activeProfileId)) ?? defaultProfile();
}

/** The default built-in profile (the settings default, else the first built-in). */
export function defaultProfile(): PolicyProfile {
  const found = BUILT_IN_PROFILES.find((p) => p.id === 'xuancheng-2015') ?? BUILT_IN_PROFILES[0];
  if (!found) throw new Error('no built-in policy profile is defined');
  return found;
}

/**
 * Stores a user's copy of a profile. It is validated with
 * `parsePolicyProfile`; a bad one is refused with every error and the stored
 * one (if any) is kept. Built-in ids are reserved.
 */
export async function saveUserProfile(
  db: AppDB,
  data: unknown,
  { now }: { now: () => number },
): Promise<Result<PolicyProfile>> {
  const parsed = parsePolicyProfile(data);
  if (!parsed.ok) {
    const summary = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('；');
    return fail('invalid-input', `政策配置格式不正确，未保存：${summary}`, parsed.errors);
  }
  const profile = parsed.value;
  if (profile.builtIn || isBuiltInProfileId(profile.id)) {
    return fail('invalid-input', `“${profile.id}”是内置政策配置，不能覆盖；请先复制为新的配置再修改。`, [
      { path: 'id', message: 'reserved for a built-in profile' },
    ]);
  }
  const row: PolicyProfileRow = { id: profile.id, profile, savedAt: now() };
  return guarded(db, (cancellation) =>
    db.transaction('rw', db.policyProfiles, async () => {
      cancellation.throwIfCancelled();
      await db.policyProfiles.put(row);
      return ok(profile);
    }),
  );
}
