import type { PolicyProfile } from '../../policy';

/** A user's own policy profile (a copy of a built-in, edited); built-ins live in code, not here. */
export interface PolicyProfileRow {
  /** The profile's id (never equal to a built-in's id). */
  id: string;
  /** The profile as validated by `parsePolicyProfile`. */
  profile: PolicyProfile;
  savedAt: number;
}
