import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { useMemo } from 'react';
import type { StudioConfig } from '../config/load-studio-config.js';
import { createExplorerFetcher } from './create-explorer-fetcher.js';

const DEFAULT_QUERY = `# Atrium GraphQL explorer
#
# Requests carry the server's default headers (in development a bearer token,
# so you are signed in). Headers you add in the Headers tab override them.
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
 * GraphiQL wired to the server's endpoint and default headers. The doc explorer is GraphiQL's
 * default reference plugin; history is listed explicitly so it stays on if defaults change.
 */
export function Explorer({ config }: { config: StudioConfig }) {
  const fetcher = useMemo(() => createExplorerFetcher(config), [config]);
  return <GraphiQL fetcher={fetcher} plugins={[HISTORY_PLUGIN]} defaultQuery={DEFAULT_QUERY} />;
}
