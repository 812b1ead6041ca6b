/**
 * Atrium in its own process, for the bench: starts the whole server on DATABASE_URL, prints its URL, an admin
 * token and a token per persona (personas.ts), counts the statements it sends and, on request, records the text
 * and parameters of the next statements.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium } from '../../../server/atrium.js';
import { loadConfig } from '../../../server/config.js';
import { toStatement, type Statement } from '../../../server/db/index.js';
import { PERSONA_NAMES, PERSONAS } from '../personas.js';
import { announceReady, answerCommands } from './bench-ipc.js';

const t0 = performance.now();
const atrium = await startAtrium(
  { ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) },
  // Request logging would measure pino, not Atrium.
  { log: pino({ level: process.env.LOG_LEVEL ?? 'warn' }) },
);
const token = await atrium.auth.issueDevToken(DEV_ADMIN);
// The personas are users of the bench data set, loaded after start: their profiles are read on first use.
const personaTokens = Object.fromEntries(
  await Promise.all(PERSONA_NAMES.map(async (p) => [p, await atrium.auth.issueDevToken({ subject: PERSONAS[p].userName })] as const)),
);

let statements = 0;
atrium.db.onStatement(() => statements++);

// The listener API gives only the text; for EXPLAIN the bench also needs the parameters, so wrap `run`.
let captured: Statement[] = [];
const run = atrium.db.run.bind(atrium.db);
(atrium.db as { run: typeof run }).run = (statement) => {
  if (captured.length < 50) captured.push(toStatement(statement));
  return run(statement);
};

// A CPU profile of a stretch of load, on request (BENCH_PROFILE=1): start and stop it over IPC.
let profiler: Session | null = null;

answerCommands({
  profileStart: async () => {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return {};
  },
  profileStop: async () => {
    if (!profiler) return { error: 'no profile running' };
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = null;
    const file = process.env.BENCH_PROFILE_FILE ?? 'atrium.cpuprofile';
    await writeFile(file, JSON.stringify(profile));
    return { file };
  },
  shutdown: () => {
    void atrium.stop().finally(() => process.exit(0));
    return {};
  },
  stats: () => ({ statements }),
  capture: () => {
    const out = captured;
    captured = [];
    return { statements: out };
  },
});
announceReady({ url: `${atrium.url}/graphql`, token, personaTokens, startMs: Math.round(performance.now() - t0) });

// The bench stops this child with the `shutdown` command, not a signal: Apollo Server registers its own SIGTERM
// handler (stopOnTerminationSignals defaults to on outside NODE_ENV=test) that calls apolloServer.stop(), and a
// second stop() while the first runs waits on a barrier that Apollo 5.5.1 never resolves on success — so a
// SIGTERM handler calling atrium.stop() hangs. On a signal, give the stop a few seconds, then exit anyway.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    setTimeout(() => process.exit(0), 3000).unref();
    void atrium.stop().finally(() => process.exit(0));
  });
