/** Shared helpers of the db tests: a fresh database per test, and a fixed clock. */
import { AppDB } from '../../../lib/db/app-db';
import { T0 } from '../../fixtures/db/builders';

/** A fresh, uniquely named database on the global fake IndexedDB. */
export function freshDb(now: () => number = () => T0): AppDB {
  return new AppDB(`test-${crypto.randomUUID()}`, { now });
}

/** The fixed "now" of the db tests: one day after T0. */
export const NOW = T0 + 24 * 3_600_000;
