import { sql } from 'drizzle-orm';
import { buildModel } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { COLUMNS_WITH_DEFAULTS, repairColumnDefaults } from '../ddl/index.js';
import { metadataStore } from './metadata-store.js';

/**
 * Installations published before field defaults lived in the database get them once, at start; afterwards the
 * query finds nothing to do. Under the publish lock, against the head read under it, so a publish cannot race it.
 */
export async function repairDatabaseDefaults(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext('atrium.publish'))`);
    const head = await metadataStore.head(tx);
    const rows = await tx.run<{ key: string }>(COLUMNS_WITH_DEFAULTS);
    const steps = repairColumnDefaults(buildModel(head.snapshot), new Set(rows.map((r) => r.key)));
    for (const step of steps) await tx.run(step);
    return steps.length;
  });
}
