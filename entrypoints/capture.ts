/**
 * The capture script, injected by the background only when the officer
 * captures something: it carries Readability and DOMPurify, which the
 * always-on content script must not. Its return value is the executeScript
 * result the background receives.
 */
import { CAPTURE_ORDER_GLOBAL, CaptureOrderSchema } from '../lib/extract/capture-order';
import { extractCapture } from '../lib/extract/extract-capture';
import { invalidInput } from '../lib/messaging/result';

export default defineUnlistedScript(() => {
  const holder = globalThis as unknown as Record<string, unknown>;
  const order = CaptureOrderSchema.safeParse(holder[CAPTURE_ORDER_GLOBAL]);
  delete holder[CAPTURE_ORDER_GLOBAL];
  if (!order.success) return invalidInput('采集指令', order.error);
  return extractCapture(window, order.data, new Date());
});
