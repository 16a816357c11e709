/**
 * The always-on content script: flags watched posts and offers capture.
 * Thin on purpose: the work is in lib/content; heavy extraction runs in the
 * capture script the background injects on demand.
 */
import { startContentScript } from '../../lib/content/start';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // A page we cannot flag (no answer from the background, a broken watch list) is left as it is.
    startContentScript(ctx).catch((error: unknown) => console.debug('舆情助手: page not scanned', error));
  },
});
