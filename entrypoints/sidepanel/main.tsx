import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/ui.css';
import { App } from './App';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { DEFAULT_LOCALE } from '../../lib/i18n';
import { setValidationLocale } from '../../lib/i18n/validation-locale';

setValidationLocale(DEFAULT_LOCALE);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
