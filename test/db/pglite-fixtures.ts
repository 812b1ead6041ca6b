import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { migrate, openPglite } from '../../server/db/index.js';
import { MetadataService } from '../../server/metadata/index.js';

let snapshotBlob: Promise<Blob> | null = null;

/** The snapshot of the global setup (migrated, identity types published); with DATABASE_URL there is none, so one is made here alike. */
export function snapshot(): Promise<Blob> {
  snapshotBlob ??= (async () => {
    const file = inject('pgliteSnapshot');
    if (existsSync(file)) return new Blob([await readFile(file)]);
    const db = await openPglite();
    await migrate(db);
    await new MetadataService(db, { prepare: () => null, activate: () => {} }).installIdentityTypes();
    const blob = await db.dumpDataDir();
    await db.close();
    return blob;
  })();
  return snapshotBlob;
}

/** Runs for minutes without using memory (the set-returning function streams): only a budget ends it. */
export const ENDLESS = { sql: 'SELECT sum(x) AS s FROM (SELECT generate_series(1::bigint, 10000000000) AS x) g', params: [] };

/** Takes some milliseconds at least, and ends. */
export const SHORT_WORK = { sql: 'SELECT sum(x)::int8 AS s FROM (SELECT generate_series(1, 300000) AS x) g', params: [] };

/** A new temporary data folder, removed by `removeFolders`. */
export async function newDataDir(folders: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'atrium-pglite-test-'));
  folders.push(folder);
  return path.join(folder, 'pglite');
}

export async function removeFolders(folders: string[]): Promise<void> {
  for (const f of folders.splice(0)) await rm(f, { recursive: true, force: true });
}

/** Waits for something the event loop will make true (a notification arriving); fails after 10 s. */
export async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !done(); ) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
