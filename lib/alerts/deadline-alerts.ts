/**
 * Which deadline notifications the background service worker should show
 * now. The MV3 worker is stopped after ~30 s idle and keeps nothing in
 * memory, so on every alarm it recomputes the deadlines from the log and
 * asks this pure function what is due; `alreadySent` (kept in storage by the
 * caller) makes each threshold notify once, however often it is asked.
 */
import { formatChinaTime } from '../format/china-time';
import { isOpen, type Deadline } from '../cases/deadlines';
import { formatCountdown } from '../format/duration';
import { createTranslator, type Translate } from '../i18n';

/** How pressing an alert is: a share of the window used, or the limit passed. */
export type AlertLevel = 'warning' | 'overdue';

/** One notification to show. */
export interface Alert {
  /** `${caseId}|${ruleId}|${fraction}`: stable across recomputations, so it is stored once sent. */
  key: string;
  caseId: string;
  ruleId: string;
  /** The threshold crossed, in (0, 1]; 1 means the limit. */
  fraction: number;
  /** The deadline's limit (epoch ms). */
  limit: number;
  /** Chinese headline, e.g. “核实调查报告”时限已用去 75%. */
  title: string;
  /** The case title and the time left or overdue, with the limit in China time (marked 暂定 when provisional). */
  message: string;
  level: AlertLevel;
}

/** A case as the alert check needs it: its title and its deadlines computed at `now`. */
export interface AlertCase {
  caseId: string;
  title: string;
  deadlines: readonly Deadline[];
}

/** Input of {@link dueAlerts}. */
export interface DueAlertsInput {
  cases: readonly AlertCase[];
  /** Keys of alerts already shown. */
  alreadySent: ReadonlySet<string>;
  now: number;
  /** Fractions of a deadline's window at which to warn, each in (0, 1] (settings' `warnAt`). */
  warnAt: readonly number[];
  /** The officer's language (default zh_CN). */
  t?: Translate;
}

/**
 * The key under which an alert is remembered as sent. The limit is part of
 * it: an extension or a reopening gives the step a new window, whose
 * thresholds must warn again.
 */
export function alertKey(caseId: string, ruleId: string, limit: number, fraction: number): string {
  return `${caseId}|${ruleId}|${String(limit)}|${String(fraction)}`;
}

const zh = createTranslator('zh_CN');

function thresholds(warnAt: readonly number[]): number[] {
  for (const fraction of warnAt) {
    if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
      throw new RangeError(`invalid warnAt ${String(fraction)}: each fraction must be in (0, 1]`);
    }
  }
  // The limit itself always notifies: an overdue step must reach the officer even
  // when the settings only list early warnings.
  return [...new Set([...warnAt, 1])].sort((a, b) => a - b);
}

/** Share of the window [startedAt, limit] used at `now`; a zero-length window is used up at once. */
function usedFraction(deadline: Deadline, now: number): number {
  const span = deadline.limit - deadline.startedAt;
  return span > 0 ? (now - deadline.startedAt) / span : 1;
}

function alertFor(item: AlertCase, deadline: Deadline, fraction: number, now: number, t: Translate): Alert {
  const overdue = fraction >= 1;
  const percent = Math.round(fraction * 100);
  const title = overdue ? t('alertOverdueTitle', deadline.label) : t('alertWarnTitle', deadline.label, percent);
  const limitText = formatChinaTime(deadline.limit, t('alertDatePattern'));
  // A limit past the official calendar data may move when the State Council publishes the year: say so.
  const limitShown = deadline.provisional ? `${limitText} ${t('guardProvisionalMark')}` : limitText;
  const message = t('alertMessage', item.title, formatCountdown(deadline.limit, now, t), limitShown);
  return {
    key: alertKey(item.caseId, deadline.ruleId, deadline.limit, fraction),
    caseId: item.caseId,
    ruleId: deadline.ruleId,
    fraction,
    limit: deadline.limit,
    title,
    message,
    level: overdue ? 'overdue' : 'warning',
  };
}

/**
 * The alerts to show at `now`: for each open deadline, the highest warning
 * threshold its window has crossed, unless that one was already sent. Only
 * the highest is offered so a worker that slept through several thresholds
 * shows one notification, not a burst; lower ones are then moot. Overdue
 * alerts come first, then by limit, then key. Throws RangeError on invalid
 * warning fractions.
 */
export function dueAlerts(input: DueAlertsInput): Alert[] {
  const { cases, alreadySent, now } = input;
  const fractions = thresholds(input.warnAt);
  const alerts: Alert[] = [];
  for (const item of cases) {
    for (const deadline of item.deadlines) {
      if (!isOpen(deadline)) continue;
      const used = usedFraction(deadline, now);
      let crossed: number | undefined;
      for (const fraction of fractions) {
        // The limit counts as crossed only once it has passed, as deadlinesOf marks overdue.
        const reached = fraction < 1 ? used >= fraction : now > deadline.limit;
        if (reached) crossed = fraction;
      }
      if (crossed === undefined) continue;
      const alert = alertFor(item, deadline, crossed, now, input.t ?? zh);
      if (!alreadySent.has(alert.key)) alerts.push(alert);
    }
  }
  return alerts.sort(
    (a, b) =>
      Number(b.level === 'overdue') - Number(a.level === 'overdue') ||
      a.limit - b.limit ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
