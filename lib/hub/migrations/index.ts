/**
 * The hub's numbered migrations, in order. Append only: a released
 * migration is never edited (Kysely's Migrator refuses a database whose
 * applied list differs), and each has a stored-data test.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial';
import * as m002 from './002-case-next-step';
import * as m003 from './003-key-collation-c';

/** Migrations by name; names sort in the order they run. */
export const HUB_MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-case-next-step': m002,
  '003-key-collation-c': m003,
};

/** A provider over the static list (no file-system scan: works the same under tsx, vitest and a bundle). */
export const hubMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(HUB_MIGRATIONS),
};
