/**
 * The assessment suggestion (contract: CONTRACT.md § lib/classify) and the
 * override statistics the office sees.
 */
export { suggestAssessment, formatCount, type AssessmentSuggestion, type Reaction } from './suggest';
export { readPost, type PostReading, type Quantity } from './read-post';
export { parseQuantity, parseChineseNumeral } from './numbers';
export { SUBJECTS, type Subject } from './subjects';
export { emptyOverrideStats, overrideCountOf, overrideStats, OverrideStatsSchema, type OverrideCount, type OverrideStats } from './overrides';
