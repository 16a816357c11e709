/** The five built-in profiles, one per seed document. */
import { PolicyProfileSchema, type PolicyProfile } from './schema';
import { XUANCHENG_2015 } from './profiles/xuancheng-2015';
import { QINZHOU_ROUTING } from './profiles/qinzhou-routing';
import { YUNHE_2017 } from './profiles/yunhe-2017';
import { LAW_ENFORCEMENT_BUREAU } from './profiles/law-enforcement-bureau';
import { LIAOYUAN_EMERGENCY } from './profiles/liaoyuan-emergency';

/** Ids of the built-in profiles. */
export const BUILT_IN_PROFILE_IDS = [
  'xuancheng-2015',
  'qinzhou-routing',
  'yunhe-2017',
  'law-enforcement-bureau',
  'liaoyuan-emergency',
] as const;
export type BuiltInProfileId = (typeof BUILT_IN_PROFILE_IDS)[number];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in profiles, validated by the same schema as user profiles and
 * frozen: a user edits a copy (see copyProfile), never the shared data.
 */
export const BUILT_IN_PROFILES: readonly PolicyProfile[] = deepFreeze(
  [XUANCHENG_2015, QINZHOU_ROUTING, YUNHE_2017, LAW_ENFORCEMENT_BUREAU, LIAOYUAN_EMERGENCY].map((input) =>
    PolicyProfileSchema.parse(input),
  ),
);

/** The built-in profile with this id, or undefined. */
export function getBuiltInProfile(id: string): PolicyProfile | undefined {
  return BUILT_IN_PROFILES.find((profile) => profile.id === id);
}

/** Whether an id belongs to a built-in profile (those ids are reserved). */
export function isBuiltInProfileId(id: string): id is BuiltInProfileId {
  return (BUILT_IN_PROFILE_IDS as readonly string[]).includes(id);
}
