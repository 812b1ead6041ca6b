/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout` (query_canceled). */
export const STATEMENT_TIMEOUT_SQLSTATE = '57014';

/**
 * A statement ran past its time budget and was stopped, on either driver: PostgreSQL cancelled it
 * (`statement_timeout`), or the embedded database's worker was stopped under it. Carries PostgreSQL's code so
 * one mapping (server/graphql/records/database-error.ts) serves both, and the budget so the message can say it.
 */
export class StatementTimeoutError extends Error {
  readonly code = STATEMENT_TIMEOUT_SQLSTATE;

  constructor(
    readonly budgetMs: number,
    options?: { cause?: unknown },
  ) {
    super(`canceling statement due to statement timeout (${budgetMs} ms)`, options);
    this.name = 'StatementTimeoutError';
  }
}
