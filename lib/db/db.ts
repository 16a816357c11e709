import { AppDB } from './app-db';

let instance: AppDB | undefined;

/**
 * The one shared database of this extension context, created on first use
 * (no module-level side effect). In the MV3 service worker it is recreated
 * after each restart, which is fine: it holds no state, only a connection.
 */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}
