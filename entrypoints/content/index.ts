/**
 * The always-on content script: flags watched posts and offers capture.
 * Thin on purpose: the work is in lib/content; heavy extraction runs in the
 * capture script the background injects on demand.
 *
 * In every frame (`allFrames`): forums embed threads in same- and
 * cross-origin iframes, and each frame is flagged on its own.
 */
import { startContentScript } from '../../lib/content/start';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // A page we cannot flag (no answer from the background, a broken watch list) is left as it is,
    // silently: the page shares the console, and a message there would tell it the extension is installed.
    startContentScript(ctx).catch(() => undefined);
  },
});
