/**
 * What both floors share: a postgres.js pool and a bare node:http server that ignores the request body and answers
 * with the text `answer` builds from one statement. Counts the statements, answers the bench's IPC commands and
 * announces its URL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { announceReady, answerCommands } from './bench-ipc.js';

export async function serveJson(applicationName: string, answer: (sql: postgres.Sql) => Promise<string>): Promise<void> {
  const sql = postgres(process.env.DATABASE_URL!, {
    max: 10,
    prepare: true,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: applicationName },
  });
  await sql`select 1`;

  let statements = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      try {
        statements++;
        const body = await answer(sql);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(body);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => {
    server.close();
    void sql.end({ timeout: 2 }).finally(() => process.exit(0));
  };
  answerCommands({
    stats: () => ({ statements }),
    shutdown: () => {
      stop();
      return {};
    },
  });
  announceReady({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
}
