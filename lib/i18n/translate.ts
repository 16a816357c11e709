/**
 * Filling message templates, without the catalogues: the always-on content
 * script translates with the few templates the background sends it
 * (`translatorOf`), so it bundles neither messages.json.
 */
import type zhCN from '../../public/_locales/zh_CN/messages.json';

/** Every message key; zh_CN is the reference catalogue. */
export type MessageKey = keyof typeof zhCN;

/** Looks up a message and fills `$1`…`$9` with `substitutions`, as chrome.i18n does. */
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** Fills `$1`…`$9` in `template`; a placeholder without a value stays as written. */
export function fillTemplate(template: string, substitutions: readonly (string | number)[]): string {
  return template.replace(/\$(\d)/g, (whole, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? whole : String(value);
  });
}

/** A translator over the given templates (already in the officer's language); a missing key gives the key itself. */
export function translatorOf(templates: Partial<Record<MessageKey, string>>): Translate {
  return (key, ...substitutions) => fillTemplate(templates[key] ?? key, substitutions);
}
