import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../server/db/index.js';

export interface TestDatabase {
  db: Database;
  /** Another connection to the same database (a second server process); PostgreSQL only. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: PGlite from the migrated snapshot, or — with DATABASE_URL — a new
 * PostgreSQL database on that server, dropped afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const snapshot = await readFile(inject('pgliteSnapshot'));
    const db = await openPglite({ loadDataDir: new Blob([snapshot]) });
    return { db, url: null, drop: () => db.close() };
  }
  const name = `atrium_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres({ url: url.toString(), max: 4 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
