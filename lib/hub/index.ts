/**
 * The office hub (Node only): sync files from a city's or province's
 * officers into PostgreSQL (embedded PGlite by default), reports in SQL.
 * Never imported by extension code (an ESLint rule enforces it).
 */
export * from './db';
export * from './officers';
export * from './import';
export * from './reports';
export * from './server';
export * from './interim-sync-file';
