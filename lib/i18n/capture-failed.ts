/**
 * The sentence an officer reads when a capture fails, wherever it shows (the
 * badge on the page, the notification after the context menu). A refusal
 * the background already worded ("采集失败：网页标题过长…", lib/messaging
 * capture-post) is shown as is, not prefixed twice.
 */
import type { Translate } from './translate';

/** "采集失败：<reason>" in the officer's language; `message` already starting so is returned unchanged. */
export function captureFailedText(message: string, t: Translate): string {
  return message.startsWith(t('captureFailed', '')) ? message : t('captureFailed', message);
}
