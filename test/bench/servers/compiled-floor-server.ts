/**
 * The second floor: Atrium's own compiled statement for the page (captured from the Atrium process, text and
 * parameters), served by node:http and postgres.js with nothing else — no GraphQL parsing, validation, access
 * resolution or Apollo. Its answer is byte-identical to Atrium's, so the gap between this floor and Atrium is
 * what Atrium's server layer costs; the hand-written floor runs a different (slower) statement and bounds nothing.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { announceReady, answerCommands } from './bench-ipc.js';

const { sql: text, params, rootKey } = JSON.parse(readFileSync(process.env.BENCH_STATEMENT_FILE!, 'utf8')) as { sql: string; params: unknown[]; rootKey: string };
const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  prepare: true,
  onnotice: () => {},
  connection: { TimeZone: 'UTC', application_name: 'bench-compiled-floor' },
});
await sql`select 1`;

// The statement returns the root field's JSON as text (`q.data::text`); the envelope is spliced as Atrium does.
const head = `{"data":{${JSON.stringify(rootKey)}:`;
let statements = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', async () => {
    try {
      statements++;
      const [row] = await sql.unsafe<{ data: string | null }[]>(text, params as never[], { prepare: true });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(`${head}${row?.data ?? 'null'}}}\n`);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
    }
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
answerCommands({
  stats: () => ({ statements }),
  shutdown: () => {
    server.close();
    void sql.end({ timeout: 2 }).finally(() => process.exit(0));
    return {};
  },
});
announceReady({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close();
    void sql.end({ timeout: 2 }).finally(() => process.exit(0));
  });
