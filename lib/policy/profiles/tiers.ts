/**
 * The four tiers of Yunhe 2017 with the two-level wording of the other
 * documents mapped onto them: 重大敏感 = 特别重大 + 重大; 一般性 = 较大 + 一般
 * (Yunhe and Qinzhou both treat everything below 重大 as "other" cases).
 */
import type { PolicyProfileInput } from '../schema';

/** Shared tier table of the built-in profiles. */
export const STANDARD_TIERS: PolicyProfileInput['tiers'] = [
  { id: 'especially-major', label: '特别重大', aliases: ['特别重大舆情', '重大敏感', '重大'] },
  { id: 'major', label: '重大', aliases: ['重大舆情', '重大敏感'] },
  { id: 'larger', label: '较大', aliases: ['较大舆情', '一般性'] },
  { id: 'general', label: '一般', aliases: ['一般舆情', '一般性'] },
];

/** The tiers other documents call 重大敏感 / 重大. */
export const MAJOR_TIERS = ['especially-major', 'major'] as const;
/** The tiers other documents call 一般性 / 一般. */
export const GENERAL_TIERS = ['larger', 'general'] as const;
