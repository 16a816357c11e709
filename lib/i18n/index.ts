/**
 * Translations. The same messages.json files serve the manifest (through the
 * browser's `__MSG_*__` lookup) and the UI (through `createTranslator`), so a
 * string is written once per language. The UI picks its language from the
 * officer's settings rather than the browser's, because offices often run an
 * English-language browser on a Chinese desk; zh_CN is the default.
 */
import zhCN from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';

/** Every message key; zh_CN is the reference catalogue. */
export type MessageKey = keyof typeof zhCN;
/** The languages the UI speaks. */
export type Locale = 'zh_CN' | 'en';
/** The default language of the UI. */
export const DEFAULT_LOCALE: Locale = 'zh_CN';

type Catalogue = Record<string, { message: string } | undefined>;
const CATALOGUES: Record<Locale, Catalogue> = { zh_CN: zhCN, en };

/** Looks up a message and fills `$1`…`$9` with `substitutions`, as chrome.i18n does. */
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** A translator for `locale`; a key missing in that language falls back to zh_CN, then to the key itself. */
export function createTranslator(locale: Locale): Translate {
  const primary = CATALOGUES[locale];
  const fallback = CATALOGUES[DEFAULT_LOCALE];
  return (key, ...substitutions) => {
    const template = primary[key]?.message ?? fallback[key]?.message ?? key;
    return template.replace(/\$(\d)/g, (whole, digit: string) => {
      const value = substitutions[Number(digit) - 1];
      return value === undefined ? whole : String(value);
    });
  };
}
