import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { useMemo, useState } from 'react';
import type { StudioConfig } from '../config/load-studio-config.js';
import { DevSignInControl, useDevSession, withDevSession } from '../dev-sign-in/index.js';
import { createExplorerFetcher } from './create-explorer-fetcher.js';
import './explorer.css';

const DEFAULT_QUERY = `# Atrium GraphQL explorer
#
# Requests carry the server's default headers (in development a bearer token,
# so you are signed in; the development sign-in bar above switches persona).
# Headers you add in the Headers tab override them.
#
# Ctrl+Enter runs the operation; the Docs panel browses the generated graph.

query RecordTypes {
  recordTypes {
    name
    label
  }
}
`;

/**
 * GraphiQL wired to the server's endpoint and default headers, or to a development persona's
 * token once one is chosen. The doc explorer is GraphiQL's default reference plugin; history is
 * listed explicitly so it stays on if defaults change.
 */
export function Explorer({ config }: { config: StudioConfig }) {
  const [session, setSession] = useDevSession();
  // A new fetcher makes GraphiQL introspect again, so the schema is read as the new identity too.
  const fetcher = useMemo(() => createExplorerFetcher(withDevSession(config, session)), [config, session]);
  // A link may open an operation (`?query=…&variables=…`), e.g. the case type wizard's first create mutation.
  const [linked] = useState(() => new URLSearchParams(window.location.search));
  return (
    <div className="explorer-frame">
      <DevSignInControl enabled={config.devSignIn} session={session} onSessionChange={setSession} />
      <div className="explorer-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={[HISTORY_PLUGIN]}
          defaultQuery={DEFAULT_QUERY}
          initialQuery={linked.get('query') ?? undefined}
          initialVariables={linked.get('variables') ?? undefined}
        />
      </div>
    </div>
  );
}
