/**
 * A server process reduced to its engine host running the durability test engine in the background, on the
 * database named by DURABILITY_DB (a PostgreSQL URL, or `pglite:<data folder>`). Prints its progress on stdout,
 * one line per event, for the test that kills it.
 */
import { pino } from 'pino';
import { openPglite, openPostgres, type Database } from '../../../server/db/index.js';
import { ManualClock } from '../../../server/engines/index.js';
import { timerEngine, timerHost } from './timer-engine.js';

const target = process.env.DURABILITY_DB;
const now = process.env.DURABILITY_NOW;
if (!target || !now) throw new Error('set DURABILITY_DB and DURABILITY_NOW');

const db: Database = target.startsWith('pglite:') ? await openPglite({ dataDir: target.slice('pglite:'.length) }) : await openPostgres({ url: target, max: 4 });
const engine = timerEngine({
  host: `pid${process.pid}`,
  batch: 5,
  batchesPerTick: 1,
  jobMs: 150,
  expireInSeconds: 2,
  report: (line) => process.stdout.write(`${line}\n`),
});
const host = timerHost(db, pino({ level: 'silent' }), new ManualClock(now), engine, true, 50);
await host.start();
process.stdout.write('started\n');
