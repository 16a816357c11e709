import type { AppDB } from '../app-db';
import { projectionContextOf, type ProjectionContext } from '../projection';
import { defaultProfile, getProfile } from './policy-profiles';
import { getSettings } from './settings';

/**
 * The projection context of this database (settings + active profile). Reads
 * only the settings and policyProfiles tables, so it can run inside a write
 * transaction that includes them.
 */
export async function loadProjectionContext(db: AppDB): Promise<ProjectionContext> {
  const settings = await getSettings(db);
  const policy = (await getProfile(db, settings.activeProfileId)) ?? defaultProfile();
  return projectionContextOf(settings, policy);
}
