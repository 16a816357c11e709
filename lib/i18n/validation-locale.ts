/**
 * Zod's own wording of a refused field ("expected string, received number")
 * reaches the officer in error messages (imports, settings, sync files), so
 * it follows the UI language. Called once by each entrypoint that validates.
 */
import { z } from 'zod';
import type { Locale } from './index';

/** Sets the language of validation messages in this context. */
export function setValidationLocale(locale: Locale): void {
  z.config(locale === 'en' ? z.locales.en() : z.locales.zhCN());
}
