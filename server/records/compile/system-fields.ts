import { sql, type SQL } from 'drizzle-orm';
import { constantName, type ModelField } from '../../../schema/index.js';
import { visibleUserName } from './compile-access.js';
import type { CompileContext } from './compile-context.js';

function column(name: string, type: ModelField['type'], maxLength?: number): ModelField {
  return { id: name, name, label: name, type, owner: '', gqlName: name, required: true, unique: false, archived: false, maxLength };
}

/**
 * Columns every record table has besides its fields, by GraphQL field name (the field's `name` is the column).
 * The id is apart: it is shown as a global id.
 */
export const SYSTEM_FIELDS: Readonly<Record<string, ModelField>> = {
  number: column('number', 'string', 20),
  version: column('sys_version', 'integer'),
  createdAt: column('sys_created_at', 'datetime'),
  updatedAt: column('sys_updated_at', 'datetime'),
  createdBy: column('sys_created_by', 'text'),
  updatedBy: column('sys_updated_by', 'text'),
};

/** System fields holding a user name: they show it only where the actor may read that user (`visibleUserName`). */
const USER_NAMES: ReadonlySet<string> = new Set(['createdBy', 'updatedBy']);

/** A system field of the row `alias` as the actor sees it, for responses and filters alike. */
export function systemValue(ctx: CompileContext, alias: SQL, gqlName: string): SQL {
  const column = sql`${alias}.${sql.identifier(SYSTEM_FIELDS[gqlName].name)}`;
  return USER_NAMES.has(gqlName) ? visibleUserName(ctx, column) : column;
}

/** The enum prefix of a system field in `…OrderBy`, e.g. CREATED_AT. */
export function systemOrderKey(gqlName: string): string {
  return constantName(gqlName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}
