import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../server/db/index.js';

export interface TestDatabase {
  db: Database;
  /** Another connection to the same database (a second server process); PostgreSQL only. */
  url: string | null;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Longest a statement may run, in ms; absent: no limit. On PGlite it needs `onDisk` (see openPglite). */
  statementTimeoutMs?: number | null;
  /** PGlite in a temporary data folder instead of memory, so it can be reopened after a stopped statement. */
  onDisk?: boolean;
  /** Told when PGlite is reopened. */
  onRestart?: (reason: Error) => void;
}

/**
 * A database of its own for one test file: PGlite from the migrated snapshot, or — with DATABASE_URL — a new
 * PostgreSQL database on that server, dropped afterwards.
 */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const snapshot = await readFile(inject('pgliteSnapshot'));
    const folder = options.onDisk ? await mkdtemp(path.join(os.tmpdir(), 'atrium-test-pglite-')) : null;
    const db = await openPglite({
      loadDataDir: new Blob([snapshot]),
      ...(folder ? { dataDir: path.join(folder, 'pglite') } : {}),
      statementTimeoutMs: options.statementTimeoutMs,
      onRestart: options.onRestart,
    });
    return {
      db,
      url: null,
      async drop() {
        await db.close();
        if (folder) await rm(folder, { recursive: true, force: true });
      },
    };
  }
  const name = `atrium_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres({ url: url.toString(), max: 4, statementTimeoutMs: options.statementTimeoutMs });
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
