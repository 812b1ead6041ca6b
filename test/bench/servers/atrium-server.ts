/**
 * Atrium in its own process, for the bench: starts the whole server on DATABASE_URL, prints its URL and an admin
 * token, counts the statements it sends and, on request, records the text and parameters of the next statements.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium } from '../../../server/atrium.js';
import { loadConfig } from '../../../server/config.js';
import { toStatement, type Statement } from '../../../server/db/index.js';
import { announceReady, answerCommands } from './bench-ipc.js';

const t0 = performance.now();
const atrium = await startAtrium(
  { ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) },
  // Request logging would measure pino, not Atrium.
  { log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }) },
);
const token = await atrium.tokens.issue(DEV_ADMIN);

let statements = 0;
atrium.db.onStatement(() => statements++);

// The listener API gives only the text; for EXPLAIN the bench also needs the parameters, so wrap `run`.
let captured: Statement[] = [];
const run = atrium.db.run.bind(atrium.db);
(atrium.db as { run: typeof run }).run = (statement) => {
  if (captured.length < 50) captured.push(toStatement(statement));
  return run(statement);
};

answerCommands({
  stats: () => ({ statements }),
  capture: () => {
    const out = captured;
    captured = [];
    return { statements: out };
  },
});
announceReady({ url: `${atrium.url}/graphql`, token, startMs: Math.round(performance.now() - t0) });

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void atrium.stop().finally(() => process.exit(0)));
