/**
 * The database: one AppDB class, one lazily created shared instance, and the
 * repository functions every caller uses (never raw query chains).
 */
export { AppDB, DB_NAME, type AppDBOptions, type DbConnectionState } from './app-db';
export { getDb } from './db';
export { LATEST_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from './schema';
export type { CaseRow } from './entities/case-row';
export type { EventRow } from './entities/event-row';
export type { CapturedContentRow } from './entities/captured-content-row';
export type { WatchlistRow } from './entities/watchlist-row';
export type { PolicyProfileRow } from './entities/policy-profile-row';
export type { SyncStateRow } from './entities/sync-state-row';
export type { CaseFiguresRow } from './entities/case-figures-row';
export type { CaseFiguresDayRow } from './entities/case-figures-day-row';
export {
  DEFAULT_SETTINGS,
  SettingsSchema,
  CalendarOverrideSchema,
  type Settings,
  type CalendarOverride,
} from './entities/settings';
export { timeOf, type Clock } from './clock';
export { projectCase, type ProjectedCase, type ProjectionContext } from './projection';
export {
  appendEvent,
  appendEvents,
  listEventsOfCase,
  listAllEvents,
  getCaseState,
  type AppendOptions,
  type Appended,
} from './repos/events';
export { listCases, getCase, getCaseStatesByKeys, rebuildProjection, projectAll, type ListCasesQuery } from './repos/cases';
export {
  saveCapturedContent,
  getCapturedContent,
  listCapturedContents,
  type CapturedContentInput,
} from './repos/captured-content';
export { getSettings, saveSettings } from './repos/settings';
export { getActiveWatchlist, saveWatchlist, type WatchlistInput } from './repos/watchlists';
export { listProfiles, getProfile, getActiveProfile, saveUserProfile } from './repos/policy-profiles';
export { getSyncState, setSyncState } from './repos/sync-state';
export { getStorageEstimate, requestPersistentStorage, type StorageEstimate } from './repos/storage';
export { recordCapture, type RecordCaptureInput } from './repos/record-capture';
