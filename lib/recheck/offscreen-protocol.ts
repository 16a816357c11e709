/**
 * The one message between the background and the offscreen document (Chrome):
 * "read this fetched page for these posts". Internal to the extension (the
 * offscreen document is not reachable by pages or content scripts).
 */
import type { FetchedPage, RecheckTarget } from './classify';

/** The message's type tag. */
export const OFFSCREEN_CLASSIFY = 'yq-offscreen-classify-recheck';

/** Background → offscreen document; answered with `RecheckFinding[]` (one per target). */
export interface OffscreenClassifyMessage {
  type: typeof OFFSCREEN_CLASSIFY;
  page: FetchedPage;
  targets: RecheckTarget[];
}

/** Whether a runtime message is this one (anything else is not for the offscreen document). */
export function isOffscreenClassify(message: unknown): message is OffscreenClassifyMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === OFFSCREEN_CLASSIFY;
}
