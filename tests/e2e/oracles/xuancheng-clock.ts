/**
 * Run by tests/e2e/desk-clock.spec.ts with tsx (Playwright's loader cannot
 * import the calendar's bundled JSON): prints, as JSON, what lib/calendar
 * and lib/sync say for the walk — each Xuancheng deadline rule with its
 * target and limit from the given clock starts, the days the walk crosses,
 * and the colleague's sync file. Input: one JSON argument
 * `{ starts: { claimed?: ms, "investigation-report"?: ms }, days: string[], sync: SyncFileInput }`.
 */
import { getDefaultCalendar } from '../../../lib/calendar/index.ts';
import { getBuiltInProfile } from '../../../lib/policy/index.ts';
import { buildSyncFile, type SyncFileInput } from '../../../lib/sync/build.ts';
import { profileVersionOf } from '../../../lib/sync/digest.ts';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  starts: Record<string, number>;
  days: string[];
  sync: Omit<SyncFileInput, 'profile'>;
};
const policy = getBuiltInProfile('xuancheng-2015')!;
const calendar = getDefaultCalendar();
const after = (clock: string, start: number, amount: number) =>
  clock === 'hours' ? { at: start + amount * 3_600_000, provisional: false } : calendar.addWorkingDays(start, amount);

const rules = policy.deadlines.map((rule) => {
  const start = input.starts[rule.from];
  return {
    label: rule.label,
    step: rule.step,
    from: rule.from,
    ...(start === undefined
      ? {}
      : {
          limit: after(rule.clock, start, rule.limit).at,
          ...(rule.target !== undefined ? { target: after(rule.clock, start, rule.target).at } : {}),
        }),
  };
});
const days = Object.fromEntries(input.days.map((day) => [day, calendar.dayInfo(day)]));
const sync = buildSyncFile({ ...input.sync, profile: { id: policy.id, version: profileVersionOf(policy) } });
process.stdout.write(JSON.stringify({ rules, days, sync }));
