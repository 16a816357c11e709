/**
 * The office's import: many files at once (files, a folder, or dropped),
 * the office passphrase, and one summary row per file (new events,
 * duplicates, conflicts, errors with their JSON paths).
 */
import { useState, type DragEvent } from 'react';
import { useT } from './I18n';
import type { ImportSummary } from '../lib/sync/import';

export interface SyncImportPanelProps {
  /** Imports the files; answers one summary per file. */
  onImport(files: { name: string; text: string }[], passphrase: string): Promise<ImportSummary[]>;
}

async function read(files: FileList | File[]): Promise<{ name: string; text: string }[]> {
  const list = [...files].filter((f) => f.name.toLowerCase().endsWith('.json'));
  return Promise.all(list.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
}

/** The chosen files, and the input emptied so choosing the same file again imports it again. */
function take(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])];
  input.value = '';
  return files;
}

export function SyncImportPanel({ onImport }: SyncImportPanelProps) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [summaries, setSummaries] = useState<ImportSummary[]>([]);
  const [over, setOver] = useState(false);

  const run = async (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      setSummaries(await onImport(await read(files), passphrase));
    } finally {
      setBusy(false);
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void run(event.dataTransfer.files);
  };

  return (
    <section className="sync-import" data-testid="sync-import">
      <h2>{t('syncImportTitle')}</h2>
      <p className="muted">{t('syncImportHint')}</p>
      <label>
        {t('syncPassphrase')}
        <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" data-testid="import-passphrase" />
      </label>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <span>{busy ? t('syncImporting') : t('syncImportDrop')}</span>
        <label className="button">
          {t('syncImportFiles')}
          <input type="file" multiple accept=".json,application/json" hidden onChange={(e) => void run(take(e.target))} data-testid="import-files" />
        </label>
        <label className="button">
          {t('syncImportFolder')}
          <input
            type="file"
            multiple
            hidden
            // Folder picking is non-standard but supported by Chromium and Firefox.
            {...({ webkitdirectory: '' } as object)}
            onChange={(e) => void run(take(e.target))}
          />
        </label>
      </div>
      {summaries.length > 0 ? (
        <table className="stats" data-testid="import-summary">
          <thead>
            <tr>
              <th>{t('syncFile')}</th>
              <th>{t('syncFrom')}</th>
              <th>{t('syncNewEvents')}</th>
              <th>{t('syncDuplicates')}</th>
              <th>{t('syncConflicts')}</th>
              <th>{t('syncErrors')}</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.name} className={s.ok ? '' : 'failed'} data-testid="import-row">
                <td>
                  {s.name}
                  <br />
                  <span className={s.ok ? 'ok' : 'error'}>{s.ok ? t('syncOk') : t('syncFailed')}</span>
                </td>
                <td>{s.exporters.map((a) => `${a.department} ${a.officer}`).join('、')}</td>
                <td>{s.newEvents}</td>
                <td>{s.duplicates}</td>
                <td>{s.conflicts}</td>
                <td className="errors">
                  {s.errors.length === 0 ? (
                    0
                  ) : (
                    <ul>
                      {s.errors.slice(0, 20).map((e, i) => (
                        <li key={i}>
                          <code>{e.path}</code> {e.message}
                        </li>
                      ))}
                      {s.errors.length > 20 ? <li>… {s.errors.length - 20}</li> : null}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
