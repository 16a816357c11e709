/**
 * Sync to the office: the sync file (schema, digest, parse, merge,
 * encryption, conflicts). Plain TypeScript with no browser-only API, shared
 * with the office hub (Node). The database halves (desk export, office
 * import) live in export.ts / import.ts and are not re-exported here so the
 * hub does not pull in Dexie.
 */
export * from './schema';
export * from './encrypted-schema';
export * from './digest';
export * from './problems';
export { parseSyncFile, parseSyncValue, parseSyncValueAsync, historyProblems, isCompetingClaim, type ParseSyncOptions, type ParseSyncResult } from './parse';
export { mergeSyncFiles, mergeEvents } from './merge';
export * from './conflicts';
export * from './build';
export * from './crypto';
