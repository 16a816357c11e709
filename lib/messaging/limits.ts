/**
 * Sizes the message protocol accepts, in a module without zod so the
 * content script (which must stay small: content-script-imports.test.ts)
 * can plan its requests by them.
 */

/** Most posts one `getPostStates` asks about; a page with more asks in batches (lib/content/post-state-batches.ts). */
export const MAX_POST_STATES_PER_REQUEST = 2000;
