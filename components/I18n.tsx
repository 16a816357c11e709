/**
 * The UI language as React context, so components translate without
 * knowing where the officer's language setting is stored.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, DEFAULT_LOCALE, type Locale, type Translate } from '../lib/i18n';

const TranslateContext = createContext<Translate>(createTranslator(DEFAULT_LOCALE));

/** Provides the translator of `locale` to everything below it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = useMemo(() => createTranslator(locale), [locale]);
  return <TranslateContext.Provider value={t}>{children}</TranslateContext.Provider>;
}

/** The current translator. */
export function useT(): Translate {
  return useContext(TranslateContext);
}
