import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/index.js';

/** Prometheus metrics: GraphQL operations, their latency and errors, database statement time, process stats. */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Counter({ name: 'atrium_graphql_operations_total', help: 'GraphQL operations by type and outcome', labelNames: ['type', 'outcome'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'atrium_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency',
    labelNames: ['type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  /** Queries answered straight from their compiled SQL, without graphql-js execution. */
  readonly fastPath = new Counter({ name: 'atrium_graphql_fast_path_operations_total', help: 'Queries answered from compiled SQL without graphql-js execution', registers: [this.registry] });
  private readonly errors = new Counter({ name: 'atrium_graphql_errors_total', help: 'GraphQL errors by code', labelNames: ['code'], registers: [this.registry] });
  private readonly dbTime = new Histogram({
    name: 'atrium_db_statement_duration_seconds',
    help: 'Time spent in database statements',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'atrium_' });
  }

  watch(db: Database): void {
    db.onStatement((_sql, ms) => {
      if (ms !== null) this.dbTime.observe(ms / 1000);
    });
  }

  plugin(): ApolloServerPlugin {
    const m = this;
    return {
      async requestDidStart() {
        const start = performance.now();
        let type = 'unknown';
        return {
          async didResolveOperation(rc) {
            type = rc.operation?.operation ?? 'unknown';
          },
          async willSendResponse(rc) {
            // Formatted errors, as the client sees them: the raw ones of didEncounterErrors carry no code for domain errors.
            const errors = rc.response.body.kind === 'single' ? (rc.response.body.singleResult.errors ?? []) : [];
            for (const e of errors) m.errors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
            m.operations.inc({ type, outcome: errors.length ? 'error' : 'ok' });
            m.latency.observe({ type }, (performance.now() - start) / 1000);
          },
        };
      },
    };
  }
}
