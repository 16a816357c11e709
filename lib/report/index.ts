/**
 * Reports the office produces from the merged claim log: the quarterly
 * bulletin of claim, handling and response performance.
 */
export * from './quarterly';
export * from './special-report';
