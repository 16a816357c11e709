import type { AppDB } from '../app-db';
import { blockedFailure, storageFailure } from '../errors';
import type { Result } from '../../messaging/result';

/** Thrown inside a transaction whose caller has already been told it failed, to roll it back. */
class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Lets a transaction body check, once it finally runs, that its caller is still waiting. */
export interface Cancellation {
  /** Throws (rolling the transaction back) if the caller was already answered with an error. */
  throwIfCancelled(): void;
}

/**
 * Runs a repository operation so that it never hangs and never throws:
 * - storage errors (quota, closed connection…) become a `Result` error;
 * - if the database upgrade is blocked by another page, the caller gets
 *   `db-blocked` at once, and the operation, should it run once the upgrade
 *   goes through, rolls itself back (the body must call `throwIfCancelled()`
 *   first thing inside its transaction), so the caller's answer stays true.
 */
export async function guarded<T>(
  db: AppDB,
  operation: (cancellation: Cancellation) => Promise<Result<T>>,
): Promise<Result<T>> {
  let cancelled = false;
  const cancellation: Cancellation = {
    throwIfCancelled() {
      if (cancelled) throw new CancelledError('the caller was already answered');
    },
  };
  let unsubscribe: () => void = () => {};
  const blocked = new Promise<Result<T>>((resolve) => {
    const onBlocked = () => {
      cancelled = true;
      resolve(blockedFailure());
    };
    if (db.connectionState === 'blocked') onBlocked();
    else unsubscribe = db.onConnectionState((state) => state === 'blocked' && onBlocked());
  });
  const run = operation(cancellation).catch((error: unknown) => storageFailure<T>(error));
  try {
    return await Promise.race([run, blocked]);
  } finally {
    unsubscribe();
  }
}
