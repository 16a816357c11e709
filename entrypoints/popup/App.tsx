/** The popup: reads the live case counts and the active tab's flag count; captures through the background. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../components/I18n';
import { PopupView } from '../../components/PopupView';
import { ALL_CASES, useCases, useNow, useSettings } from '../../lib/hooks';
import { sendMessage } from '../../lib/messaging/protocol';

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function App() {
  const settings = useSettings();
  const rows = useCases({ order: 'urgency', limit: ALL_CASES });
  const now = useNow(30_000);
  const [flagged, setFlagged] = useState<number>();
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void activeTab().then(async (tab) => {
      setWindowId(tab?.windowId);
      if (tab?.id === undefined) return;
      const text = await browser.action.getBadgeText({ tabId: tab.id });
      setFlagged(Number(text) || 0);
    });
  }, []);
  const open = (rows ?? []).filter((r) => r.status !== 'closed');
  const overdue = open.filter((r) => r.nextDeadlineAt != null && r.nextDeadlineAt < now);
  const capture = async (selectionOnly: boolean) => {
    const tab = await activeTab();
    const answer = await sendMessage('captureActivePage', { ...(tab?.id !== undefined ? { tabId: tab.id } : {}), selectionOnly });
    return answer.ok ? undefined : answer.error.message;
  };
  return (
    <I18nProvider locale={settings?.locale ?? 'zh_CN'}>
      <PopupView
        flaggedOnPage={flagged}
        openCases={open.length}
        overdueCases={overdue.length}
        onCapturePage={() => capture(false)}
        onCaptureSelection={() => capture(true)}
        onOpenDesk={() => {
          // sidePanel.open needs the click's user gesture, so nothing may be awaited first:
          // the window id was read when the popup opened. Firefox has a sidebar instead.
          if (browser.sidePanel && windowId !== undefined) void browser.sidePanel.open({ windowId });
          else void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
          window.close();
        }}
      />
    </I18nProvider>
  );
}
