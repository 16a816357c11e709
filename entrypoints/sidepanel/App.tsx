/**
 * The side panel: the officer's desk. Routes between the inbox, one case and
 * settings by the URL hash, so a case can be opened directly
 * (sidepanel.html#case/<id>) from a notification or the popup.
 */
import { useEffect, useState } from 'react';
import { I18nProvider } from '../../components/I18n';
import { useSettings } from '../../lib/hooks';
import { CaseScreen } from './CaseScreen';
import { InboxScreen } from './InboxScreen';
import { SettingsScreen } from './SettingsScreen';
import { TopBar } from './TopBar';

type Route = { name: 'inbox' } | { name: 'case'; caseId: string } | { name: 'settings' };

function routeOf(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'case' && id) {
    try {
      return { name: 'case', caseId: decodeURIComponent(id) };
    } catch {
      return { name: 'inbox' }; // a mangled link opens the inbox rather than a blank panel
    }
  }
  if (name === 'settings') return { name: 'settings' };
  return { name: 'inbox' };
}

function useHashRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Navigates the side panel. */
export function go(route: Route): void {
  location.hash = route.name === 'case' ? `#case/${encodeURIComponent(route.caseId)}` : `#${route.name}`;
}

export function App() {
  const settings = useSettings();
  const route = useHashRoute();
  return (
    <I18nProvider locale={settings?.locale ?? 'zh_CN'}>
      <div className="app">
        <TopBar settings={settings} onSettings={() => go(route.name === 'settings' ? { name: 'inbox' } : { name: 'settings' })} />
        {route.name === 'case' ? (
          <CaseScreen caseId={route.caseId} onBack={() => go({ name: 'inbox' })} onOpenCase={(caseId) => go({ name: 'case', caseId })} />
        ) : route.name === 'settings' ? (
          <SettingsScreen />
        ) : (
          <InboxScreen onOpen={(caseId) => go({ name: 'case', caseId })} />
        )}
      </div>
    </I18nProvider>
  );
}
