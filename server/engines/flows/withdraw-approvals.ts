import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type Model } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { writeWithEvent } from '../../records/write/write-with-event.js';

/**
 * Closes a token's approval requests still open at a node as `not_required` (the node's outcome is known, or the
 * flow went on without it), as record writes with their events. Resolves to how many it closed.
 */
export async function withdrawApprovals(tx: Executor, w: { instanceId: number; token: number; node: string; actor: string; at: Date; model?: Model }): Promise<number> {
  const rows = await writeWithEvent(
    tx,
    IDENTITY_TYPES.approval,
    'updated',
    w.actor,
    sql`UPDATE ${tableRef(IDENTITY_TYPES.approval)} SET "state" = 'not_required', "sys_version" = "sys_version" + 1, "sys_updated_at" = ${w.at.toISOString()}, "sys_updated_by" = ${w.actor}
        WHERE "flow_instance" = ${w.instanceId} AND "flow_token" = ${w.token} AND "flow_node" = ${w.node} AND "state" = 'requested'`,
    w.model,
  );
  return rows.length;
}

/** Closes every approval request of an instance still open (the instance ended), as record writes with events. */
export async function closeApprovals(tx: Executor, w: { instanceId: number; actor: string; at: Date; state: 'not_required' | 'cancelled'; model?: Model }): Promise<number> {
  const rows = await writeWithEvent(
    tx,
    IDENTITY_TYPES.approval,
    'updated',
    w.actor,
    sql`UPDATE ${tableRef(IDENTITY_TYPES.approval)} SET "state" = ${w.state}, "sys_version" = "sys_version" + 1, "sys_updated_at" = ${w.at.toISOString()}, "sys_updated_by" = ${w.actor}
        WHERE "flow_instance" = ${w.instanceId} AND "state" = 'requested'`,
    w.model,
  );
  return rows.length;
}
