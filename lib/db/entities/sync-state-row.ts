/** Bookkeeping of sync exports/imports, one row per key (e.g. 'lastExport'). */
export interface SyncStateRow {
  key: string;
  /** Epoch ms the state refers to (e.g. the `storedAt` bound of the last export). */
  at: number;
  /** Free-form detail (e.g. the exported file's digest). */
  note?: string;
}
