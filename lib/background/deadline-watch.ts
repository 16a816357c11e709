/**
 * The minute alarm of the background: deadline warnings and patrol reminders
 * (lib/reminders), shown as browser notifications. Listeners are registered
 * synchronously; the worker keeps nothing in memory.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { caseOfReminder, checkDeadlines, checkPatrol, type ReminderDeps } from '../reminders';

const ALARM = 'deadline-watch';

function reminderDeps(): ReminderDeps {
  return {
    db: getDb(),
    store: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
    },
    notify: async (reminder) => {
      await browser.notifications
        .create(reminder.id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: reminder.title,
          message: reminder.message,
          priority: reminder.urgent ? 2 : 1,
        })
        .catch((error: unknown) => console.warn('notification refused', error));
    },
  };
}

/** Starts the minute alarm and answers it; a click on a deadline alert opens its case. */
export function setupDeadlineWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    const deps = reminderDeps();
    checkDeadlines(deps, Date.now()).catch((error: unknown) => console.error('deadline check failed', error));
    checkPatrol(deps, Date.now()).catch((error: unknown) => console.error('patrol check failed', error));
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    const caseId = caseOfReminder(notificationId);
    if (caseId) void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html#case/${encodeURIComponent(caseId)}`) });
  });
}
