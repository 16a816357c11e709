/**
 * Settings: who the officer is, which procedure their office follows, the
 * watch list (import/export), local calendar adjustments, and how much of
 * the browser's storage the log uses.
 */
import { useEffect, useRef, useState } from 'react';
import { SettingsForm, type SettingsFormValue } from '../../components/SettingsForm';
import { useT } from '../../components/I18n';
import { getDb } from '../../lib/db/db';
import { getSettings, saveSettings } from '../../lib/db/repos/settings';
import { rebuildProjection } from '../../lib/db/repos/cases';
import { getActiveProfile, saveUserProfile } from '../../lib/db/repos/policy-profiles';
import { ProfileEditor } from '../../components/ProfileEditor';
import { applyProfileEdit } from '../../lib/policy';
import type { Settings } from '../../lib/db/entities/settings';
import { getActiveWatchlist, saveWatchlist } from '../../lib/db/repos/watchlists';
import { getStorageEstimate, requestPersistentStorage, type StorageEstimate } from '../../lib/db/repos/storage';
import { calendarCoverage } from '../../lib/calendar';
import { editableWatchlist, exportWatchlist, parseWatchlistImport } from '../../lib/match';
import { useSettings } from '../../lib/hooks';
import { useProfiles } from '../../lib/hooks/use-active-profile';
import { useLiveQuery } from 'dexie-react-hooks';
import { SyncExportPanel, type SyncExportRequest } from '../../components/SyncExportPanel';
import { encryptExport, exportSyncFile, markExported } from '../../lib/sync/export';
import { downloadText } from '../../lib/files/download';
import { importOfficePackage, officePassphraseKeyId } from '../../lib/sync/apply-package';
import { OfficeHubPanel } from '../../components/OfficeHubPanel';
import { useOfficeHub } from '../../lib/hooks/use-office-hub';
import { sendMessage } from '../../lib/messaging/protocol';
import { fail } from '../../lib/messaging/result';

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
  const keyId = useLiveQuery(() => officePassphraseKeyId(getDb()), []);
  const [storage, setStorage] = useState<StorageEstimate>();
  const officeHub = useOfficeHub();
  // The form restarts when what it shows changes from outside (an office package), but not after its
  // own save, which would lose its 已保存: changes seen while saving, or equal to what the save left, are its own.
  const saving = useRef(false);
  const ownResult = useRef<string | undefined>(undefined);
  const [formKey, setFormKey] = useState<string>();
  const outsideKey = watchlist && settings ? formKeyOf(watchlist.updatedAt, settings) : undefined;
  useEffect(() => {
    if (!outsideKey || saving.current || outsideKey === ownResult.current) return;
    setFormKey(outsideKey);
  }, [outsideKey]);
  useEffect(() => {
    void requestPersistentStorage().then(() => getStorageEstimate().then(setStorage));
  }, []);
  if (!settings || !profiles || !watchlist) return <p className="empty">{t('loading')}</p>;
  // Shown as text when the text format says everything about the list, else as JSON: what is saved is what was shown.
  const editable = editableWatchlist(watchlist.entries);

  // A refused save changes nothing: the watch list is checked before anything is stored.
  const save = async (value: SettingsFormValue): Promise<string | undefined> => {
    saving.current = true;
    try {
      return await saveAll(value);
    } finally {
      const [after, list] = await Promise.all([getSettings(getDb()), getActiveWatchlist(getDb())]);
      ownResult.current = formKeyOf(list.updatedAt, after);
      saving.current = false;
    }
  };
  const saveAll = async (value: SettingsFormValue): Promise<string | undefined> => {
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

  // Export to the office: build, encrypt unless the officer chose otherwise, download, then remember the bound.
  const exportToOffice = async (request: SyncExportRequest): Promise<string> => {
    const built = await exportSyncFile(getDb(), { scope: request.scope, now: Date.now(), includeScreenshots: request.includeScreenshots });
    if (!built.ok) return built.error.message;
    if (built.data.events === 0) return t('syncNothing');
    const file = request.passphrase ? await encryptExport(built.data, request.passphrase, keyId) : built.data;
    downloadText(file.fileName, file.text);
    const marked = await markExported(getDb(), file);
    if (!marked.ok) return marked.error.message;
    return t('syncExported', file.fileName, file.cases, file.events);
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
    // One scroller for the forms, so none is squeezed in the panel's height.
    <div className="settings-with-editor" style={{ overflow: 'auto', minHeight: 0, flex: '1 1 auto' }}>
      <SettingsForm
        // An office package can change the watch list, procedure and calendar under the open form: start it afresh.
        key={formKey ?? outsideKey}
        settings={settings}
        profiles={profiles.map((p) => ({ id: p.id, name: p.name }))}
        watchlistText={editable.text}
        watchlistFormat={editable.format}
        watchlistJson={exportWatchlist(watchlist.entries, 'json')}
        coverage={calendarCoverage()}
        {...(storage ? { storage } : {})}
        onSave={save}
      />
      <SyncExportPanel
        {...(keyId ? { keyId } : {})}
        onExport={exportToOffice}
        onImportPackage={async (text) => {
          const imported = await importOfficePackage(getDb(), text, Date.now());
          return imported.ok ? t('syncPackageImported', imported.value.office) : imported.errors.map((e) => `${e.path} ${e.message}`).join('\n');
        }}
      />
      {officeHub.view ? (
        <OfficeHubPanel
          view={officeHub.view}
          onSave={async (input) => {
            const answer = await sendMessage('saveOfficeHub', input).catch((error: unknown) => fail('unavailable', String(error)));
            if (!answer.ok) return { error: answer.error.message };
            officeHub.refresh();
            const { officer } = answer.data;
            return { message: officer ? t('hubPush_connected', officer.name, officer.department) : t('hubPush_removed') };
          }}
          onPush={async () => {
            const answer = await sendMessage('pushToOfficeHub', {}).catch((error: unknown) => fail('unavailable', String(error)));
            officeHub.refresh();
            return answer.ok ? undefined : answer.error.message;
          }}
        />
      ) : null}
      <ProfileEditor profiles={profiles} onSave={saveProfile} />
    </div>
  );
}

/** What the settings form shows that can change from outside it: the watch list, the procedure, the calendar. */
function formKeyOf(watchlistUpdatedAt: number, settings: Settings): string {
  return `${watchlistUpdatedAt}-${settings.activeProfileId}-${JSON.stringify(settings.calendarOverrides)}`;
}
