/**
 * A server process for the flow kill test: Atrium with every real engine running in the background (events as
 * they commit, jobs as they are sent, timers every DURABILITY_TICK_MS) on the PostgreSQL database DURABILITY_DB,
 * on the wall clock. Prints `started` once the engines run; the test kills it with SIGKILL at any moment.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { startAtrium } from '../../../server/atrium.js';
import { loadConfig } from '../../../server/config.js';

const url = process.env.DURABILITY_DB;
if (!url) throw new Error('set DURABILITY_DB to the PostgreSQL database the test prepared');
const tickMs = Number(process.env.DURABILITY_TICK_MS ?? 100);

await startAtrium(
  { ...loadConfig({ DATABASE_URL: url }), port: 0, host: '127.0.0.1', devTokenSecret: 'flow-kill-secret-of-sufficient-length', engines: { background: true, tickMs } },
  { log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) },
);
process.stdout.write('started\n');
