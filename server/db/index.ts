export * from './database.js';
export { openPglite, type PgliteDatabase, type PgliteOptions } from './pglite-database.js';
export { openPostgres } from './postgres-database.js';
export { migrate } from './migrate.js';
export { toStatement } from './to-statement.js';
export { StatementTimeoutError, STATEMENT_TIMEOUT_SQLSTATE } from './statement-timeout-error.js';
