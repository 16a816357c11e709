import { useEffect, useState } from 'react';
import type { AppDB, DbConnectionState } from '../db/app-db';
import { getDb } from '../db/db';

/**
 * The database connection's state, so a page can say "close the other
 * 舆情助手 pages" when an upgrade is blocked, or "reload" once another page
 * upgraded the database and this connection was closed.
 */
export function useDbConnectionState(db: AppDB = getDb()): DbConnectionState {
  const [state, setState] = useState(db.connectionState);
  useEffect(() => {
    setState(db.connectionState);
    return db.onConnectionState(setState);
  }, [db]);
  return state;
}
