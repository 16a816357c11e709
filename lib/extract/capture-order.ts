/**
 * What the background asks the on-demand capture script to extract from a tab.
 * The order only names the post; every field is then read from the page by
 * the capture script itself, so a page cannot forge a capture by messaging.
 */
import { z } from 'zod';

export const CaptureOrderSchema = z.discriminatedUnion('mode', [
  /** One post found by the site adapter (the 采集 button beside it). */
  z.object({ mode: z.literal('post'), postId: z.string().trim().min(1).max(200) }),
  /** The whole page: the article Readability finds, else the page's text. */
  z.object({ mode: z.literal('page') }),
  /** The officer's selection (popup or context menu). */
  z.object({ mode: z.literal('selection') }),
]);
/** What to extract. */
export type CaptureOrder = z.infer<typeof CaptureOrderSchema>;

/** Name of the function the capture script defines in the tab's isolated world. */
export const CAPTURE_FUNCTION_GLOBAL = '__yuqingExtract';
