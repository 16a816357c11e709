/**
 * Cases: the claim log's events, the state machine that replays them, and
 * the deadlines derived from a state and a policy profile.
 */
export * from './events';
export * from './state';
export * from './replay';
export * from './clock';
export * from './deadlines';
export * from './next-step';
export * from './identity';
export * from './merge';
export * from './trend';
