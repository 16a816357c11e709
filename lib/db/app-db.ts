/**
 * The extension's IndexedDB database (Dexie).
 *
 * Flow:
 *   content script ──message──▶ background ──repos/*──▶ AppDB (this file)
 *   side panel / popup ──useLiveQuery (lib/hooks)──▶ AppDB (read)
 *   side panel / popup ──repos/*──▶ AppDB (write)
 *
 * Content scripts never open it: in a page they would get the page's own
 * IndexedDB. Only the extension's pages and background share this origin.
 *
 * Tables:
 *   events           the claim log, append-only: the truth.
 *   cases            projection of the log for fast lists; rebuildable.
 *   caseFigures      the bulletin figures of each case row, written with it (version 6).
 *   caseFiguresByDay the same figures rows grouped by China day of first capture (version 7).
 *   capturedContents evidence bodies (sanitized HTML, text, screenshot), apart from small rows.
 *   settings, watchlists, policyProfiles (user copies; built-ins live in code), syncState.
 *
 * Writes go through repos/* in one transaction each. Versions are listed in
 * schema.ts and are append-only; upgrades live in migrations/.
 *
 * Connection lifecycle: when another page opens a newer version, this
 * connection closes at once (Dexie's 'versionchange') so it never blocks the
 * upgrade; when our own upgrade is blocked by an older page that does not
 * close, the state becomes 'blocked' and pending repository calls fail with
 * `db-blocked` instead of hanging (see repos/guard.ts).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { EventRow } from './entities/event-row';
import type { CaseRow } from './entities/case-row';
import type { CapturedContentRow } from './entities/captured-content-row';
import type { SettingsRow } from './entities/settings';
import type { WatchlistRow } from './entities/watchlist-row';
import type { PolicyProfileRow } from './entities/policy-profile-row';
import type { SyncStateRow } from './entities/sync-state-row';
import type { CaseFiguresRow } from './entities/case-figures-row';
import type { CaseFiguresDayRow } from './entities/case-figures-day-row';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from './schema';
import { upgradeToV2 } from './migrations/v2-next-deadline';
import { upgradeToV3 } from './migrations/v3-thread-cases';
import { upgradeToV6 } from './migrations/v6-case-figures';
import { upgradeToV7 } from './migrations/v7-case-figures-by-day';
import { repairStaleProjection } from './repos/projection-repair';

/** Name of the production database. */
export const DB_NAME = 'yuqing-assistant';

/** Where the connection stands; the UI shows 'blocked' and 'closed' as error states. */
export type DbConnectionState = 'idle' | 'open' | 'blocked' | 'closed';

/** Options for a database instance (tests inject a clock and a separate IndexedDB). */
export interface AppDBOptions {
  /** Clock of the projection rebuilt after an upgrade (deadlines, overdue). Defaults to `Date.now`. */
  now?: () => number;
  /** Another IndexedDB implementation (e.g. a fresh fake-indexeddb). */
  indexedDB?: IDBFactory;
  /** Its matching key range constructor. */
  IDBKeyRange?: typeof IDBKeyRange;
  /**
   * Declare only the versions up to this one (tests of one upgrade step
   * against its fixture). Default: every version.
   */
  upToVersion?: number;
}

/**
 * The instance Dexie passes to `on('ready')` subscribers, seen as an AppDB.
 * Its table properties (`db.events`…) are the waiting instance's own, which
 * would wait for the subscriber itself; `vip.table(name)` gives tables that
 * bypass the wait, so each property is rebound to those.
 */
function vipView(vip: Dexie): AppDB {
  const tables = Object.fromEntries(vip.tables.map((table) => [table.name, { value: vip.table(table.name) }]));
  return Object.create(vip, tables) as AppDB;
}

/** The extension's database. Use `getDb()` in the extension; `new AppDB(name)` in tests. */
export class AppDB extends Dexie {
  /** The claim log (append-only). */
  events!: EntityTable<EventRow, 'id'>;
  /** The cases projection (derived). */
  cases!: EntityTable<CaseRow, 'caseId'>;
  /** Captured evidence bodies. */
  capturedContents!: EntityTable<CapturedContentRow, 'id'>;
  /** The single settings row. */
  settings!: EntityTable<SettingsRow, 'id'>;
  /** Watch lists. */
  watchlists!: EntityTable<WatchlistRow, 'id'>;
  /** User copies of policy profiles. */
  policyProfiles!: EntityTable<PolicyProfileRow, 'id'>;
  /** Sync bookkeeping. */
  syncState!: EntityTable<SyncStateRow, 'key'>;
  /** The bulletin figures of each case (derived, written with its case row). */
  caseFigures!: Table<CaseFiguresRow, [number, string]>;
  /** The figures rows by China day of first capture (derived, written with them). */
  caseFiguresByDay!: EntityTable<CaseFiguresDayRow, 'day'>;

  /** The injected clock (see AppDBOptions.now). */
  readonly now: () => number;

  private state: DbConnectionState = 'idle';
  private readonly stateListeners = new Set<(state: DbConnectionState) => void>();

  constructor(name: string = DB_NAME, options: AppDBOptions = {}) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.now = options.now ?? Date.now;
    const upTo = options.upToVersion ?? Number.POSITIVE_INFINITY;
    this.version(1).stores(SCHEMA_V1);
    if (upTo >= 2) {
      this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    }
    if (upTo >= 3) this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    // Indexes only: IndexedDB fills them from the stored rows, no upgrade function.
    if (upTo >= 4) this.version(4).stores(SCHEMA_V4);
    if (upTo >= 5) this.version(5).stores(SCHEMA_V5);
    if (upTo >= 6) this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    if (upTo >= 7) this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);

    // A frozen upgrade that leaves rows for today's rules marks them; they are projected again
    // before any other query sees them. A test of one upgrade step (upToVersion) checks what
    // the step itself stored, so it is left out there.
    if (options.upToVersion === undefined) this.on('ready', (vip) => repairStaleProjection(vipView(vip), this.now()), true);
    this.on('ready', () => this.setState('open'));
    // Dexie already closes on 'versionchange' (keeping auto-open); we record it so the UI can say why.
    this.on('versionchange', () => this.setState('closed'));
    this.on('blocked', () => this.setState('blocked'));
    this.on('close', () => this.setState('closed'));
  }

  /** The connection state right now. */
  get connectionState(): DbConnectionState {
    return this.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  onConnectionState(listener: (state: DbConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private setState(next: DbConnectionState): void {
    if (this.state === next) return;
    this.state = next;
    for (const listener of this.stateListeners) listener(next);
  }
}
