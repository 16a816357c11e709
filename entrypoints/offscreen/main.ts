/**
 * The offscreen document (Chrome, reason DOM_PARSER): reads re-fetched pages
 * with the site adapters for the background, whose service worker has no DOM.
 */
import { browser } from 'wxt/browser';
import { classifyRecheck } from '../../lib/recheck/classify';
import { isOffscreenClassify } from '../../lib/recheck/offscreen-protocol';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
  // Only the extension's own background may ask; anything else is not for this document.
  if (!isOffscreenClassify(message) || sender.id !== browser.runtime.id) return false;
  sendResponse(message.targets.map((target) => classifyRecheck(message.page, target, parse)));
  return false;
});
