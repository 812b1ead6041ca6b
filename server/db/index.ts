export * from './database.js';
export { openPglite } from './pglite-database.js';
export { openPostgres } from './postgres-database.js';
export { migrate } from './migrate.js';
export { toStatement } from './to-statement.js';
