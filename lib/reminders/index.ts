/**
 * What the background's minute alarm reminds the officer of: deadline
 * thresholds newly crossed (50 % / 75 % / overdue by default) and patrols come
 * due by the procedure's schedule. The MV3 worker keeps nothing in memory, so
 * each check recomputes from the claim log and remembers what it already
 * showed in extension storage. Browser APIs come in as dependencies, so the
 * checks run under unit tests.
 */
import { deadlinesOf } from '../cases';
import type { AppDB } from '../db/app-db';
import { calendarFor, projectionContextOf } from '../db/projection';
import { listCases } from '../db/repos/cases';
import { getCaseState } from '../db/repos/events';
import { getActiveProfile } from '../db/repos/policy-profiles';
import { getSettings } from '../db/repos/settings';
import { dueAlerts, nextPatrolDue, type AlertCase } from '../alerts';
import { formatChinaTime } from '../format/china-time';
import { createTranslator } from '../i18n';

/** The part of extension storage the reminders use (chrome.storage.local in the browser). */
export interface ReminderStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One notification to show; `id` tells the click handler what it is about. */
export interface Reminder {
  id: string;
  title: string;
  message: string;
  urgent: boolean;
}

/** What a check needs. */
export interface ReminderDeps {
  db: AppDB;
  store: ReminderStore;
  notify(reminder: Reminder): Promise<void>;
}

/** Storage key of the last recorded patrol (epoch ms), written by the desk's 记录巡查 button. */
export const LAST_PATROL_KEY = 'lastPatrolAt';
const PATROL_REMINDED_KEY = 'patrolRemindedFor';
const SENT_ALERTS_KEY = 'sentAlerts';
/** Alerts remembered as shown; older keys fall off (their deadlines are long past). */
const MAX_REMEMBERED = 5_000;
/** Cases whose deadlines are checked each minute, most urgent first (closed cases have none). */
const CHECKED_CASES = 2_000;

/** The case a notification id is about, when it is a deadline alert (`caseId|rule|limit|fraction`). */
export function caseOfReminder(id: string): string | undefined {
  const [caseId, rule] = id.split('|');
  return caseId && rule && caseId !== 'patrol' ? caseId : undefined;
}

/** Notifies every deadline threshold crossed since the last check. */
export async function checkDeadlines(deps: ReminderDeps, now: number): Promise<void> {
  const [settings, policy] = await Promise.all([getSettings(deps.db), getActiveProfile(deps.db)]);
  const { options } = projectionContextOf(settings, policy);
  const rows = (await listCases(deps.db, { order: 'urgency', limit: CHECKED_CASES })).filter((row) => row.nextDeadlineAt !== null);
  const cases: AlertCase[] = [];
  for (const row of rows) {
    const state = await getCaseState(deps.db, row.caseId);
    if (state) cases.push({ caseId: row.caseId, title: row.title, deadlines: deadlinesOf(state, policy, now, options) });
  }
  const stored = (await deps.store.get([SENT_ALERTS_KEY]))[SENT_ALERTS_KEY];
  const sent = new Set<string>(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : []);
  const alerts = dueAlerts({ cases, alreadySent: sent, now, warnAt: settings.warnAt, t: createTranslator(settings.locale) });
  if (alerts.length === 0) return;
  // Remembered before showing: a worker stopped midway, or a refused notification,
  // must not repeat the same alerts every minute.
  for (const alert of alerts) sent.add(alert.key);
  await deps.store.set({ [SENT_ALERTS_KEY]: [...sent].slice(-MAX_REMEMBERED) });
  for (const alert of alerts) {
    await deps.notify({ id: alert.key, title: alert.title, message: alert.message, urgent: alert.level === 'overdue' });
  }
}

/** Reminds the officer once when a patrol has come due since the last recorded one. */
export async function checkPatrol(deps: ReminderDeps, now: number): Promise<void> {
  const [settings, policy] = await Promise.all([getSettings(deps.db), getActiveProfile(deps.db)]);
  const stored = await deps.store.get([LAST_PATROL_KEY, PATROL_REMINDED_KEY]);
  const last = typeof stored[LAST_PATROL_KEY] === 'number' ? stored[LAST_PATROL_KEY] : undefined;
  const due = nextPatrolDue(policy.patrol, last, now, calendarFor(settings.calendarOverrides));
  if (!due || now < due.dueAt || stored[PATROL_REMINDED_KEY] === due.dueAt) return;
  await deps.store.set({ [PATROL_REMINDED_KEY]: due.dueAt });
  const t = createTranslator(settings.locale);
  await deps.notify({
    id: `patrol|${due.dueAt}`,
    title: t('patrolDue'),
    message: t('patrolDueMessage', formatChinaTime(due.dueAt, 'HH:mm')),
    urgent: false,
  });
}
