/** Re-checks (跟踪 / 复查): reading a captured post's page again, on demand and on a schedule. */
export * from './classify';
export * from './throttle';
export * from './run';
export * from './schedule';
