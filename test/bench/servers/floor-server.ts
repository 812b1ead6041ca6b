/**
 * The floor: node:http and postgres.js, one prepared statement that returns the finished JSON body. The request
 * body is read and ignored — no GraphQL parsing, no validation, no authentication.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { FLOOR_PARAMS, FLOOR_SQL } from '../page-queries.js';
import { announceReady, answerCommands } from './bench-ipc.js';

const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  prepare: true,
  onnotice: () => {},
  connection: { TimeZone: 'UTC', application_name: 'bench-floor' },
});
await sql`select 1`;

let statements = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', async () => {
    try {
      statements++;
      const [row] = await sql.unsafe<{ body: string }[]>(FLOOR_SQL, [...FLOOR_PARAMS], { prepare: true });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(row.body);
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
