import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate, openPglite } from '../../server/db/index.js';
import { MetadataService } from '../../server/metadata/index.js';
import { JobQueue } from '../../server/engines/jobs/job-queue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * A fresh PGlite takes seconds (initdb); a migrated snapshot loads in a fraction of that. Made once per run and
 * handed to every test file, which starts its own database from it.
 */
export default async function setup(project: TestProject): Promise<void> {
  const file = path.join(os.tmpdir(), `atrium-pglite-${process.pid}.tar.gz`);
  if (!process.env.DATABASE_URL) {
    const db = await openPglite();
    await migrate(db);
    await JobQueue.install(db);
    // Every installation starts with the identity types; publishing them once here saves each test file a publish.
    await new MetadataService(db, { prepare: () => null, activate: () => {} }).installIdentityTypes();
    const blob = await db.dumpDataDir();
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
    await db.close();
  }
  project.provide('pgliteSnapshot', file);
}
