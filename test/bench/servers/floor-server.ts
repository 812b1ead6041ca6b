/**
 * The floor: node:http and postgres.js, one prepared statement that returns the finished JSON body. The request
 * body is read and ignored — no GraphQL parsing, no validation, no authentication.
 */
import { FLOOR_PARAMS, FLOOR_SQL } from '../page-queries.js';
import { serveJson } from './serve-json.js';

await serveJson('bench-floor', async (sql) => {
  const [row] = await sql.unsafe<{ body: string }[]>(FLOOR_SQL, [...FLOOR_PARAMS], { prepare: true });
  return row.body;
});
