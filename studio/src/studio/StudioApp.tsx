import { useLoadable } from './use-loadable.js';
import { loadStudioConfig } from '../config/load-studio-config.js';
import { RecordTypesPage } from './RecordTypesPage.js';

/** Built as a sibling page (see studio/vite.config.ts); absolute like the build's base. */
export const EXPLORER_HREF = '/studio/explorer.html';

/** The studio frame: header, navigation and the current page. Designers will mount here. */
export function StudioApp() {
  const config = useLoadable(() => loadStudioConfig(), []);
  return (
    <div className="studio">
      <header className="studio-header">
        <h1>Atrium Studio</h1>
        <nav>
          <a href={EXPLORER_HREF}>GraphQL explorer</a>
        </nav>
      </header>
      <main>
        {config.status === 'loading' && <p role="status" className="muted">Loading…</p>}
        {config.status === 'error' && (
          <div role="alert" className="error">
            <strong>The studio could not load its settings.</strong>
            <pre>{config.message}</pre>
          </div>
        )}
        {config.status === 'ready' && <RecordTypesPage config={config.value} explorerHref={EXPLORER_HREF} />}
      </main>
    </div>
  );
}
