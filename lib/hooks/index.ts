/** React hooks over the database (live queries) and the clock. */
export { ALL_CASES, useCases, useCase } from './use-cases';
export { useCaseEvents } from './use-case-events';
export { useSettings } from './use-settings';
export { useNow } from './use-now';
export { useDbConnectionState } from './use-db-connection-state';
export { useInbox, type InboxData } from './use-inbox';
