import { defineConfig } from 'wxt';

// Why each permission is requested is stated beside it; nothing else is asked for.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage', // settings and the unlimited IndexedDB quota for the claim log
      'unlimitedStorage', // captured evidence (HTML, screenshots) must never be evicted
      'alarms', // recompute deadline badges and patrol reminders after the service worker sleeps
      'notifications', // pre-breach deadline warnings
      'activeTab', // captureVisibleTab for the evidence screenshot of the post being captured
      'scripting', // capture from the popup/context menu on a tab the content script has not reached
      'contextMenus', // "采集" on a selection or a page
      ...(browser === 'firefox' ? [] : ['sidePanel']), // the officer's desk (Chromium side panel)
      // re-checks read a fetched page with the site adapters; a service worker has no DOM (Firefox: the background page has one)
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The sites officers patrol: forums, portals and government boards anywhere. Chrome grants
    // captureVisibleTab (the evidence screenshot of a capture clicked in the page) only with
    // <all_urls>; activeTab does not cover clicks inside the page. The content script itself
    // still runs on http(s) pages only.
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    // A keyboard capture of the current page (lib/desk/inbox.ts CAPTURE_COMMAND); the officer can rebind it.
    commands: {
      'capture-page': { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_desk12_commandCapture__' },
    },
    ...(browser === 'firefox'
      ? { sidebar_action: { default_panel: 'sidepanel.html', default_title: '__MSG_extName__' } }
      : {}),
  }),
});
