import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { OFFICE_HUB_KEY, OFFICE_HUB_STATUS_KEY, type OfficeHubView } from '../office-push/desk';

/**
 * The office hub link as the background reports it (`getOfficeHub`), live:
 * read again whenever the background stores a push's outcome or the link
 * changes (chrome.storage.local), so an automatic push shows up at once.
 * Undefined while loading; `{ auto: false }` when the background cannot answer.
 */
export function useOfficeHub(): { view: OfficeHubView | undefined; refresh(): void } {
  const [view, setView] = useState<OfficeHubView>();
  const refresh = useCallback(() => {
    sendMessage('getOfficeHub', {})
      .then((answer) => setView(answer.ok ? answer.data : { auto: false }))
      .catch(() => setView({ auto: false }));
  }, []);
  useEffect(() => {
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (OFFICE_HUB_KEY in changes || OFFICE_HUB_STATUS_KEY in changes)) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  return { view, refresh };
}
