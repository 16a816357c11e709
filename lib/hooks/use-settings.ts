import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import type { Settings } from '../db/entities/settings';
import { getSettings } from '../db/repos/settings';

/** The settings (defaults filled in), live. `undefined` while loading. */
export function useSettings(db: AppDB = getDb()): Settings | undefined {
  return useLiveQuery(() => getSettings(db), [db]);
}
