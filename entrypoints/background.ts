import { setupBackground } from '../lib/background/setup';
import { DEFAULT_LOCALE } from '../lib/i18n';
import { setValidationLocale } from '../lib/i18n/validation-locale';

export default defineBackground(() => {
  setValidationLocale(DEFAULT_LOCALE);
  // Listeners must be registered synchronously at start-up, or events that woke the worker are lost.
  setupBackground();
});
