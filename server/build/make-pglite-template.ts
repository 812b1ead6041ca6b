import { writeFile } from 'node:fs/promises';
import { migrate, openPglite } from '../db/index.js';
import { MetadataService } from '../metadata/index.js';
import { JobQueue } from '../engines/jobs/job-queue.js';

/**
 * Writes a freshly migrated embedded database with the platform identity types published, as a tarball (PGlite
 * `dumpDataDir`): the build makes it once, and a new data folder loads it (`loadDataDir`) instead of paying
 * initdb and the first publish on its first start. Start-up still migrates and installs the identity types, so
 * a template made by older code is only slower, never wrong.
 */
export async function makePgliteTemplate(file: string): Promise<void> {
  const db = await openPglite();
  try {
    await migrate(db);
    await JobQueue.install(db);
    // Nothing serves this database: the version is recorded, no GraphQL schema is built for it.
    await new MetadataService(db, { prepare: () => null, activate: () => {} }).installIdentityTypes();
    const blob = await db.dumpDataDir();
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await db.close();
  }
}
