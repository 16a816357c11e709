/** How much the extension's origin stores, and how much it may. */
export interface StorageEstimate {
  /** Bytes used, or null when the browser does not say. */
  usage: number | null;
  /** Bytes allowed, or null when the browser does not say. */
  quota: number | null;
  /** Whether the browser promised not to evict our data. */
  persisted: boolean;
}

/** The parts of `navigator.storage` used here (injectable for tests). */
export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/**
 * Usage and quota for the settings page. Never throws: a browser without the
 * API gives nulls.
 */
export async function getStorageEstimate(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<StorageEstimate> {
  if (!manager) return { usage: null, quota: null, persisted: false };
  const [estimate, persisted] = await Promise.all([
    manager.estimate().catch(() => undefined),
    manager.persisted ? manager.persisted().catch(() => false) : Promise.resolve(false),
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/**
 * Asks the browser to keep our data under storage pressure (the claim log is
 * the officer's proof of work). Returns whether it is now persistent.
 */
export async function requestPersistentStorage(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<boolean> {
  if (!manager?.persist) return false;
  try {
    if (manager.persisted && (await manager.persisted())) return true;
    return await manager.persist();
  } catch {
    return false;
  }
}
