import { openPostgres } from '../../server/db/index.js';
import { openTestDatabase } from './test-database.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface TwoProcesses {
  a: TestServer;
  b: TestServer;
  stop(): Promise<void>;
}

/**
 * Two servers over one new PostgreSQL database, as two processes would run: B has its own pool and LISTEN
 * connection. PostgreSQL only (PGlite lives inside one process).
 */
export async function startTwoProcesses(): Promise<TwoProcesses> {
  const database = await openTestDatabase();
  const db = await openPostgres({ url: database.url!, max: 4 });
  const a = await startTestServer({ database });
  const b = await startTestServer({ database: { db, url: database.url, drop: () => db.close() } });
  return {
    a,
    b,
    async stop() {
      await b.stop();
      await a.stop();
      await db.close();
      await database.drop();
    },
  };
}
