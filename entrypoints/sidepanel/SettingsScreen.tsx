/**
 * Settings: who the officer is, which procedure their office follows, the
 * watch list (import/export), local calendar adjustments, and how much of
 * the browser's storage the log uses.
 */
import { useEffect, useState } from 'react';
import { SettingsForm, type SettingsFormValue } from '../../components/SettingsForm';
import { useT } from '../../components/I18n';
import { getDb } from '../../lib/db/db';
import { saveSettings } from '../../lib/db/repos/settings';
import { rebuildProjection } from '../../lib/db/repos/cases';
import { getActiveProfile, saveUserProfile } from '../../lib/db/repos/policy-profiles';
import { ProfileEditor } from '../../components/ProfileEditor';
import { applyProfileEdit } from '../../lib/policy';
import type { Settings } from '../../lib/db/entities/settings';
import { getActiveWatchlist, saveWatchlist } from '../../lib/db/repos/watchlists';
import { getStorageEstimate, requestPersistentStorage, type StorageEstimate } from '../../lib/db/repos/storage';
import { calendarCoverage } from '../../lib/calendar';
import { exportWatchlist, parseWatchlistImport } from '../../lib/match';
import { useSettings } from '../../lib/hooks';
import { useProfiles } from '../../lib/hooks/use-active-profile';
import { useLiveQuery } from 'dexie-react-hooks';

/** Whether a settings change moves deadlines (procedure, calendar overrides, warnings). */
function affectsDeadlines(before: Settings, after: Settings): boolean {
  return (
    before.activeProfileId !== after.activeProfileId ||
    JSON.stringify(before.calendarOverrides) !== JSON.stringify(after.calendarOverrides) ||
    JSON.stringify(before.warnAt) !== JSON.stringify(after.warnAt)
  );
}

export function SettingsScreen() {
  const t = useT();
  const settings = useSettings();
  const profiles = useProfiles();
  const watchlist = useLiveQuery(() => getActiveWatchlist(getDb()), []);
  const [storage, setStorage] = useState<StorageEstimate>();
  useEffect(() => {
    void requestPersistentStorage().then(() => getStorageEstimate().then(setStorage));
  }, []);
  if (!settings || !profiles || !watchlist) return <p className="empty">{t('loading')}</p>;

  // A refused save changes nothing: the watch list is checked before anything is stored.
  const save = async (value: SettingsFormValue): Promise<string | undefined> => {
    const parsed = value.watchlistText === undefined ? undefined : parseWatchlistImport(value.watchlistText);
    if (parsed && !parsed.ok) return parsed.errors.map((e) => `${e.line ? `${t('importLine', e.line)} ` : ''}${e.path ?? ''} ${e.message}`).join('\n');
    const saved = await saveSettings(getDb(), value.settings);
    if (!saved.ok) return saved.error.message;
    // Stored deadlines were computed under the old procedure and calendar: recompute them all.
    if (affectsDeadlines(settings, saved.data)) {
      const rebuilt = await rebuildProjection(getDb(), await getActiveProfile(getDb()), Date.now);
      if (!rebuilt.ok) return rebuilt.error.message;
    }
    if (parsed?.ok) {
      const stored = await saveWatchlist(getDb(), { id: watchlist.id, name: watchlist.name, entries: parsed.value }, { now: Date.now });
      if (!stored.ok) return stored.error.message;
    }
    return undefined;
  };

  // The edited copy is validated whole and stored in one write, or refused with every path and reason.
  const saveProfile = async (draft: unknown) => {
    const existing = profiles.find((p) => p.id === (draft as { id?: unknown }).id && !p.builtIn);
    if (existing) {
      const checked = applyProfileEdit(existing, draft);
      if (!checked.ok) return checked.errors;
    }
    const saved = await saveUserProfile(getDb(), draft, { now: Date.now });
    if (saved.ok) return [];
    return saved.error.issues ?? [{ path: '(profile)', message: saved.error.message }];
  };

  return (
    <div className="settings-with-editor">
      <SettingsForm
        settings={settings}
        profiles={profiles.map((p) => ({ id: p.id, name: p.name }))}
        watchlistText={exportWatchlist(watchlist.entries, 'text')}
        watchlistJson={exportWatchlist(watchlist.entries, 'json')}
        coverage={calendarCoverage()}
        {...(storage ? { storage } : {})}
        onSave={save}
      />
      <ProfileEditor profiles={profiles} onSave={saveProfile} />
    </div>
  );
}
