/**
 * Policy profiles: each office's procedure as validated data (POLICIES.md).
 */
export * from './schema';
export * from './steps';
export * from './parse';
export * from './built-in';
export * from './edit';
export * from './tier-criteria';
export { STANDARD_TIERS, MAJOR_TIERS, GENERAL_TIERS } from './profiles/tiers';
export * from './draft';
