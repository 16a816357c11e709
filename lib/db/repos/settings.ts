import type { AppDB } from '../app-db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SettingsSchema, type Settings } from '../entities/settings';
import { invalidInput, ok, type Result } from '../../messaging/result';
import { guarded } from './guard';

/**
 * The settings, with defaults filled in for every missing field (a row
 * written by an older version may lack newer fields; a damaged field falls
 * back to its default rather than breaking the UI).
 */
export async function getSettings(db: AppDB): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  return settingsFromRow(row);
}

/** The settings in a stored row (or the defaults), field by field. */
export function settingsFromRow(row: unknown): Settings {
  if (!row || typeof row !== 'object') return DEFAULT_SETTINGS;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = SettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const value = (row as Record<string, unknown>)[key];
    if (value !== undefined && shape[key].safeParse(value).success) merged[key] = value;
  }
  return SettingsSchema.parse(merged);
}

/**
 * Changes some settings. The patch is validated together with the current
 * settings; a bad field refuses the whole patch (with every error) and
 * nothing changes.
 */
export async function saveSettings(db: AppDB, patch: Partial<Settings>): Promise<Result<Settings>> {
  return guarded(db, (cancellation) =>
    db.transaction('rw', db.settings, async () => {
      cancellation.throwIfCancelled();
      const current = await getSettings(db);
      const parsed = SettingsSchema.strict().safeParse({ ...current, ...patch });
      if (!parsed.success) return invalidInput<Settings>('设置', parsed.error);
      await db.settings.put({ ...parsed.data, id: SETTINGS_KEY });
      return ok(parsed.data);
    }),
  );
}
