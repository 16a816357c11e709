/**
 * The background's deadline watch (and patrol reminders): every minute an alarm recomputes the open
 * cases' deadlines from the log and notifies the thresholds newly crossed
 * (50 % / 75 % / overdue by default). The worker keeps nothing in memory;
 * which alerts were already shown is kept in extension storage.
 */
import { browser } from 'wxt/browser';
import { deadlinesOf } from '../cases';
import { getDb } from '../db/db';
import { projectionContextOf } from '../db/projection';
import { listCases } from '../db/repos/cases';
import { getCaseState } from '../db/repos/events';
import { getActiveProfile } from '../db/repos/policy-profiles';
import { getSettings } from '../db/repos/settings';
import { dueAlerts, type AlertCase } from '../alerts';
import { createTranslator } from '../i18n';
import { checkPatrol } from './patrol-watch';

const ALARM = 'deadline-watch';
const SENT_KEY = 'sentAlerts';
/** Alerts remembered as shown; older keys fall off (their deadlines are long past). */
const MAX_REMEMBERED = 5_000;

/** Starts the minute alarm and answers it. Listeners are registered synchronously. */
export function setupDeadlineWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    checkDeadlines(Date.now()).catch((error: unknown) => console.error('deadline check failed', error));
    checkPatrol(Date.now()).catch((error: unknown) => console.error('patrol check failed', error));
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    // Deadline alerts are keyed `caseId|rule|limit|fraction`; other notifications (captures) open nothing.
    const [caseId, rule] = notificationId.split('|');
    if (caseId && rule && caseId !== 'patrol') void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html#case/${encodeURIComponent(caseId)}`) });
  });
}

/** Notifies every deadline threshold crossed since the last check. */
export async function checkDeadlines(now: number): Promise<void> {
  const db = getDb();
  const [settings, policy] = await Promise.all([getSettings(db), getActiveProfile(db)]);
  const { options } = projectionContextOf(settings, policy);
  // The projection holds each case's most urgent limit: only cases with one pending need a replay.
  // Closed cases have no next deadline, so the urgency order holds every open case with one first.
  const rows = (await listCases(db, { order: 'urgency', limit: 2_000 })).filter((row) => row.nextDeadlineAt !== null);
  const cases: AlertCase[] = [];
  for (const row of rows) {
    const state = await getCaseState(db, row.caseId);
    if (state) cases.push({ caseId: row.caseId, title: row.title, deadlines: deadlinesOf(state, policy, now, options) });
  }
  const stored = (await browser.storage.local.get(SENT_KEY))[SENT_KEY];
  const sent = new Set<string>(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  const alerts = dueAlerts({ cases, alreadySent: sent, now, warnAt: settings.warnAt, t: createTranslator(settings.locale) });
  if (alerts.length === 0) return;
  // Remembered before showing: a worker stopped midway, or a refused notification,
  // must not repeat the same alerts every minute.
  for (const alert of alerts) sent.add(alert.key);
  await browser.storage.local.set({ [SENT_KEY]: [...sent].slice(-MAX_REMEMBERED) });
  for (const alert of alerts) {
    await browser.notifications
      .create(alert.key, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: alert.title,
        message: alert.message,
        priority: alert.level === 'overdue' ? 2 : 1,
      })
      .catch((error: unknown) => console.warn('notification refused', error));
  }
}
