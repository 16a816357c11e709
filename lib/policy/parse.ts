/**
 * Validation of profiles from outside (settings, imports, the profile
 * editor): never throws, and reports every problem with its path.
 */
import type { z } from 'zod';
import { PolicyProfileSchema, type PolicyProfile } from './schema';

/** One validation problem: dotted path (e.g. `deadlines.2.limit`) and reason. */
export interface ValidationError {
  path: string;
  message: string;
}

/** Result of {@link parsePolicyProfile}. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** Converts zod issues to path/message pairs; the root is called `(profile)`. */
export function toValidationErrors(issues: readonly z.core.$ZodIssue[]): ValidationError[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? '(profile)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Validates unknown data as a policy profile, listing every error. */
export function parsePolicyProfile(data: unknown): ParseResult<PolicyProfile> {
  const result = PolicyProfileSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toValidationErrors(result.error.issues) };
}
