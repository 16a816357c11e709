/**
 * Copying and editing profiles. Built-in profiles are read-only: a user
 * copies one, edits the copy, and every edit is validated before it
 * replaces the previous version.
 */
import { isBuiltInProfileId } from './built-in';
import { parsePolicyProfile, type ValidationError } from './parse';
import type { PolicyProfile } from './schema';

/**
 * A user-owned copy of a profile under a new id and name. Throws an Error
 * naming the problem when the id or name is invalid or the id is reserved;
 * the source profile is never changed.
 */
export function copyProfile(profile: PolicyProfile, newId: string, newName: string): PolicyProfile {
  if (isBuiltInProfileId(newId)) throw new Error(`id: ${newId} is reserved for a built-in profile`);
  const copy: unknown = { ...structuredClone(profile), id: newId, name: newName, builtIn: false, basedOn: profile.id };
  const result = parsePolicyProfile(copy);
  if (!result.ok) {
    throw new Error(result.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
  }
  return result.value;
}

/** Result of {@link applyProfileEdit}: the new profile, or the errors and the unchanged old one. */
export type ProfileEditResult =
  | { ok: true; value: PolicyProfile }
  | { ok: false; errors: ValidationError[]; value: PolicyProfile };

/**
 * Validates an edited profile against the current one. A bad edit is
 * refused with the path and reason of every error and the current profile
 * is kept; built-in profiles cannot be edited, and the id cannot change.
 */
export function applyProfileEdit(current: PolicyProfile, edited: unknown): ProfileEditResult {
  if (current.builtIn || isBuiltInProfileId(current.id)) {
    return {
      ok: false,
      errors: [{ path: '(profile)', message: 'built-in profiles are read-only; copy the profile first' }],
      value: current,
    };
  }
  const result = parsePolicyProfile(edited);
  if (!result.ok) return { ok: false, errors: result.errors, value: current };
  const errors: ValidationError[] = [];
  if (result.value.id !== current.id) errors.push({ path: 'id', message: `the id cannot change (was ${current.id})` });
  if (result.value.builtIn) errors.push({ path: 'builtIn', message: 'a user profile cannot be marked built-in' });
  if (errors.length > 0) return { ok: false, errors, value: current };
  return { ok: true, value: result.value };
}
