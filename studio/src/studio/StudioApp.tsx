import { useMemo } from 'react';
import { useLoadable } from './use-loadable.js';
import { loadStudioConfig } from '../config/load-studio-config.js';
import { DevSignInControl, useDevSession, withDevSession } from '../dev-sign-in/index.js';
import { RecordTypesPage } from './RecordTypesPage.js';

/** Built as a sibling page (see studio/vite.config.ts); absolute like the build's base. */
export const EXPLORER_HREF = '/studio/explorer.html';

/** The studio frame: header, navigation and the current page. Designers will mount here. */
export function StudioApp() {
  const config = useLoadable(() => loadStudioConfig(), []);
  const [session, setSession] = useDevSession();
  // A new object whenever the identity changes, so pages keyed on the config load again as it.
  const requestConfig = useMemo(() => (config.status === 'ready' ? withDevSession(config.value, session) : null), [config, session]);
  return (
    <div className="studio">
      <header className="studio-header">
        <h1>Atrium Studio</h1>
        <nav>
          <a href={EXPLORER_HREF}>GraphQL explorer</a>
        </nav>
      </header>
      {config.status === 'ready' && <DevSignInControl enabled={config.value.devSignIn} session={session} onSessionChange={setSession} />}
      <main>
        {config.status === 'loading' && <p role="status" className="muted">Loading…</p>}
        {config.status === 'error' && (
          <div role="alert" className="error">
            <strong>The studio could not load its settings.</strong>
            <pre>{config.message}</pre>
          </div>
        )}
        {requestConfig && <RecordTypesPage config={requestConfig} explorerHref={EXPLORER_HREF} />}
      </main>
    </div>
  );
}
