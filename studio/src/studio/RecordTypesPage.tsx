import type { StudioConfig } from '../config/load-studio-config.js';
import { requestGraphQL } from '../graphql/request-graphql.js';
import { RecordTypesTable, type RecordTypeSummary } from './RecordTypesTable.js';
import { useLoadable, type Loadable } from './use-loadable.js';

export const RECORD_TYPES_QUERY = /* GraphQL */ `
  query StudioRecordTypes {
    recordTypes { name label extends abstract fields { name type label } }
  }
`;

/** Lists every record type the admin API knows, with a visible message when the query fails. */
export function RecordTypesPage({ config, explorerHref }: { config: StudioConfig; explorerHref: string }) {
  const recordTypes = useLoadable(
    (signal) =>
      requestGraphQL<{ recordTypes: RecordTypeSummary[] }>(config, RECORD_TYPES_QUERY, undefined, signal).then(
        (data) => data.recordTypes ?? [],
      ),
    [config],
  );
  return (
    <section className="page" aria-labelledby="record-types-title">
      <h2 id="record-types-title">Record types</h2>
      <RecordTypesBody state={recordTypes} explorerHref={explorerHref} />
    </section>
  );
}

function RecordTypesBody({ state, explorerHref }: { state: Loadable<RecordTypeSummary[]>; explorerHref: string }) {
  switch (state.status) {
    case 'loading':
      return <p role="status" className="muted">Loading record types…</p>;
    case 'error':
      return (
        <div role="alert" className="error">
          <strong>Could not load record types.</strong>
          <pre>{state.message}</pre>
        </div>
      );
    case 'ready':
      return state.value.length === 0 ? (
        <div className="empty">
          <p>No record types yet.</p>
          <p className="muted">
            Load a metadata pack or define one through the admin API in the <a href={explorerHref}>GraphQL explorer</a>.
          </p>
        </div>
      ) : (
        <RecordTypesTable recordTypes={state.value} />
      );
    default: {
      const unreachable: never = state;
      throw new Error(`Unhandled state ${JSON.stringify(unreachable)}`);
    }
  }
}
