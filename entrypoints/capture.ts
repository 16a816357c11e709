/**
 * The capture script, injected by the background only when the officer
 * captures something: it carries Readability and DOMPurify, which the
 * always-on content script must not. It defines the extraction function in
 * the tab's isolated world; the background then calls it with each order as
 * an argument, so two captures in one tab can never swap orders.
 */
import { CAPTURE_FUNCTION_GLOBAL, CaptureOrderSchema } from '../lib/extract/capture-order';
import { extractCapture } from '../lib/extract/extract-capture';
import { invalidInput } from '../lib/messaging/result';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[CAPTURE_FUNCTION_GLOBAL] = (input: unknown) => {
    const order = CaptureOrderSchema.safeParse(input);
    if (!order.success) return invalidInput('采集指令', order.error);
    return extractCapture(window, order.data, new Date());
  };
});
