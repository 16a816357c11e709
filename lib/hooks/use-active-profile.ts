import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { getActiveProfile, listProfiles } from '../db/repos/policy-profiles';
import type { PolicyProfile } from '../policy';

/** The policy profile that drives deadlines, live (changes when settings change). `undefined` while loading. */
export function useActiveProfile(db: AppDB = getDb()): PolicyProfile | undefined {
  return useLiveQuery(() => getActiveProfile(db), [db]);
}

/** Every profile the officer can choose: built-ins, then their own copies. */
export function useProfiles(db: AppDB = getDb()): PolicyProfile[] | undefined {
  return useLiveQuery(() => listProfiles(db), [db]);
}
