/**
 * What the background service worker notifies: deadline warnings and patrol
 * reminders, computed purely from the log, the profile and `now` so the
 * short-lived MV3 worker can recompute them on every alarm.
 */
export * from './deadline-alerts';
export * from './patrol';
