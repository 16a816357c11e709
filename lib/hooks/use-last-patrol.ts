import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { LAST_PATROL_KEY } from '../reminders';

/**
 * When the officer last recorded a patrol (巡查), live, and the action that
 * records one now. The background's patrol reminders read the same key.
 */
export function useLastPatrol(): { lastPatrolAt: number | undefined; recordPatrol(): void } {
  const [lastPatrolAt, setLastPatrolAt] = useState<number>();
  useEffect(() => {
    const read = (value: unknown) => setLastPatrolAt(typeof value === 'number' ? value : undefined);
    void browser.storage.local.get(LAST_PATROL_KEY).then((stored) => read(stored[LAST_PATROL_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LAST_PATROL_KEY in changes) read(changes[LAST_PATROL_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const recordPatrol = useCallback(() => {
    void browser.storage.local.set({ [LAST_PATROL_KEY]: Date.now() });
  }, []);
  return { lastPatrolAt, recordPatrol };
}
