/**
 * Patrol reminders (宣政办秘〔2015〕1号: hourly in office hours, every two hours
 * in the evening and on holidays). The minute alarm asks when the next patrol
 * is due since the officer last recorded one, and reminds once per due time.
 * Both times live in extension storage: the worker keeps nothing in memory.
 */
import { browser } from 'wxt/browser';
import { nextPatrolDue } from '../alerts';
import { getDb } from '../db/db';
import { calendarFor } from '../db/projection';
import { getActiveProfile } from '../db/repos/policy-profiles';
import { getSettings } from '../db/repos/settings';
import { formatChinaTime } from '../format/china-time';
import { createTranslator } from '../i18n';

/** Storage key of the last recorded patrol (epoch ms), written by the desk's 记录巡查 button. */
export const LAST_PATROL_KEY = 'lastPatrolAt';
const REMINDED_KEY = 'patrolRemindedFor';

/** Reminds the officer when a patrol has come due and was not yet reminded. */
export async function checkPatrol(now: number): Promise<void> {
  const db = getDb();
  const [settings, policy] = await Promise.all([getSettings(db), getActiveProfile(db)]);
  const stored = await browser.storage.local.get([LAST_PATROL_KEY, REMINDED_KEY]);
  const last = typeof stored[LAST_PATROL_KEY] === 'number' ? stored[LAST_PATROL_KEY] : undefined;
  const due = nextPatrolDue(policy.patrol, last, now, calendarFor(settings.calendarOverrides));
  if (!due || now < due.dueAt || stored[REMINDED_KEY] === due.dueAt) return;
  await browser.storage.local.set({ [REMINDED_KEY]: due.dueAt });
  const t = createTranslator(settings.locale);
  await browser.notifications
    .create(`patrol|${due.dueAt}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('patrolDue'),
      message: t('patrolDueMessage', formatChinaTime(due.dueAt, 'HH:mm')),
    })
    .catch((error: unknown) => console.warn('notification refused', error));
}
