/**
 * Translations. The same messages.json files serve the manifest (through the
 * browser's `__MSG_*__` lookup) and the UI (through `createTranslator`), so a
 * string is written once per language. The UI picks its language from the
 * officer's settings rather than the browser's, because offices often run an
 * English-language browser on a Chinese desk; zh_CN is the default.
 */
import zhCN from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';
import { fillTemplate, type MessageKey, type Translate } from './translate';

export { fillTemplate, translatorOf } from './translate';
export type { MessageKey, Translate } from './translate';

/** The languages the UI speaks. */
export type Locale = 'zh_CN' | 'en';
/** The default language of the UI. */
export const DEFAULT_LOCALE: Locale = 'zh_CN';

type Catalogue = Record<string, { message: string } | undefined>;
const CATALOGUES: Record<Locale, Catalogue> = { zh_CN: zhCN, en };

/** The template of `key` in `locale`, falling back to zh_CN, then to the key itself. */
function templateOf(locale: Locale, key: MessageKey): string {
  return CATALOGUES[locale][key]?.message ?? CATALOGUES[DEFAULT_LOCALE][key]?.message ?? key;
}

/** A translator for `locale`; a key missing in that language falls back to zh_CN, then to the key itself. */
export function createTranslator(locale: Locale): Translate {
  return (key, ...substitutions) => fillTemplate(templateOf(locale, key), substitutions);
}

/**
 * The unfilled templates of `keys` in `locale` (same fallbacks as
 * `createTranslator`), for a context that must not bundle the catalogues:
 * `translatorOf` of them translates those keys exactly as `createTranslator` does.
 */
export function templatesOf<K extends MessageKey>(locale: Locale, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) out[key] = templateOf(locale, key);
  return out;
}
