import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Brings the platform tables (schema/platform) up to date. */
export function migrate(db: Database): Promise<void> {
  return db.migrate(migrationsFolder);
}
