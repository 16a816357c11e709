/**
 * Trusted timestamps in the background: a run after each capture, and one
 * every five minutes (alarm) so captures made while the office's TSA was
 * unreachable are stamped once it answers. Nothing runs when the office has
 * configured no TSA.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { getSettings } from '../db/repos/settings';
import { stampPendingEvidence } from '../db/repos/timestamps';

const ALARM = 'yq-timestamps';

/** Stamps every waiting capture now (no-op without a configured TSA). */
export async function stampWaitingCaptures(): Promise<void> {
  const db = getDb();
  const { tsa } = await getSettings(db);
  if (!tsa) return;
  const run = await stampPendingEvidence(db, tsa, {
    fetch: (url, init) => fetch(url, init),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  });
  for (const failure of run.failed) console.warn('timestamp refused', failure.id, failure.message);
}

/** Starts the retry alarm and answers it. */
export function setupTimestampWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    stampWaitingCaptures().catch((error: unknown) => console.error('timestamping failed', error));
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 5 });
  });
}
