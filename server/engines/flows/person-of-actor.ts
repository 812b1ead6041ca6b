import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';

/**
 * The person id of an actor id as writes record it (`sys_created_by`, the event's actor: a user name), or null
 * for the system, anonymous writers and names that are no person.
 */
export async function personOfActor(tx: Executor, actorId: string | null | undefined): Promise<string | null> {
  if (!actorId || actorId === 'system' || actorId === 'anonymous') return null;
  const [row] = await tx.run<{ id: unknown }>(sql`SELECT "id" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "user_name" = ${actorId} LIMIT 1`);
  return row ? String(row.id) : null;
}
