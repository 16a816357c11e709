/**
 * The office hub link bound to the browser (上报至办公室): the settings'
 * handlers and the automatic push. Automatic push is an alarm, not a timer,
 * because the service worker sleeps: every 10 minutes, and one minute after
 * a capture (several captures in a row make one push). A push only goes out
 * when there are new records (lib/office-push/desk.ts). The background keeps
 * retries short (3 attempts, 2 s then 4 s): the next alarm is the long retry.
 *
 * The hub's origin needs no permission request: the extension already holds
 * `<all_urls>` (wxt.config.ts), which covers any intranet hub address, and
 * host permission also exempts the fetch from CORS.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { ok } from '../messaging/result';
import type { OfficeHubDeps } from '../messaging/handlers/register-background';
import { connectOfficeHub, getOfficeHubConfig, officeHubView, pushDeskToHub, type OfficeHubStore } from '../office-push/desk';

const ALARM = 'office-push';
const ALARM_SOON = 'office-push-soon';
const PERIOD_MINUTES = 10;

const store: OfficeHubStore = {
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => browser.storage.local.remove(keys),
};

const push = () => pushDeskToHub({ db: getDb(), store, now: Date.now, push: { maxAttempts: 3, backoffMs: 2000 } });

/** Starts or stops the periodic push to match the stored link. */
async function syncAlarm(): Promise<void> {
  const config = await getOfficeHubConfig(store);
  if (config?.auto) {
    if (!(await browser.alarms.get(ALARM))) await browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES });
  } else {
    await browser.alarms.clear(ALARM);
    await browser.alarms.clear(ALARM_SOON);
  }
}

/** The settings' operations (registered as messages by setupMessageHandlers). */
export const officeHubDeps: OfficeHubDeps = {
  view: async () => ok(await officeHubView(store)),
  save: async (request) => {
    const saved = await connectOfficeHub(store, request);
    if (saved.ok) await syncAlarm();
    return saved;
  },
  push,
};

/** After a capture: push a minute later when automatic push is on. */
export function pushSoon(): void {
  void getOfficeHubConfig(store).then((config) => {
    if (config?.auto) void browser.alarms.create(ALARM_SOON, { delayInMinutes: 1 });
  });
}

/** Registers the alarm listener (synchronously, at start-up). */
export function setupOfficeHubPush(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM && alarm.name !== ALARM_SOON) return;
    push().catch((error: unknown) => console.error('office hub push failed', error));
  });
  void syncAlarm();
}
