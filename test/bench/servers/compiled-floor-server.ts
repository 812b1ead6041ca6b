/**
 * The second floor: Atrium's own compiled statement for the page (captured from the Atrium process, text and
 * parameters), served by node:http and postgres.js with nothing else — no GraphQL parsing, validation, access
 * resolution or Apollo. Its answer is byte-identical to Atrium's, so the gap between this floor and Atrium is
 * what Atrium's server layer costs; the hand-written floor runs a different (slower) statement and bounds nothing.
 */
import { readFileSync } from 'node:fs';
import { serveJson } from './serve-json.js';

const { sql: text, params, rootKey } = JSON.parse(readFileSync(process.env.BENCH_STATEMENT_FILE!, 'utf8')) as { sql: string; params: unknown[]; rootKey: string };
// The statement returns the root field's JSON as text (`q.data::text`); the envelope is spliced as Atrium does.
const head = `{"data":{${JSON.stringify(rootKey)}:`;

await serveJson('bench-compiled-floor', async (sql) => {
  const [row] = await sql.unsafe<{ data: string | null }[]>(text, params as never[], { prepare: true });
  return `${head}${row?.data ?? 'null'}}}\n`;
});
