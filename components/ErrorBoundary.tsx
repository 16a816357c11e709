/**
 * Shows a failure of the page (a database error, a bug) as a message the
 * officer can report, instead of a blank panel.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { createTranslator, DEFAULT_LOCALE } from '../lib/i18n';

interface State {
  error?: Error;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('舆情助手 page failed', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    // Outside the translation context on purpose: the failure may come from it.
    const t = createTranslator(DEFAULT_LOCALE);
    return (
      <p className="error" role="alert" style={{ margin: 12 }}>
        {t('errorPrefix', this.state.error.message)}
      </p>
    );
  }
}
