/**
 * Starts one of the extension's React pages (side panel, popup, office
 * console) the same way: the shared stylesheet, validation messages in the
 * default language, strict mode, and an error boundary so a failure shows
 * instead of a blank page.
 */
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import './ui.css';
import { DEFAULT_LOCALE } from '../lib/i18n';
import { setValidationLocale } from '../lib/i18n/validation-locale';
import { ErrorBoundary } from './ErrorBoundary';

/** Renders `App` into the page's #root. */
export function mountPage(App: ComponentType): void {
  setValidationLocale(DEFAULT_LOCALE);
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
