import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import type { FlowInstanceRow } from './flow-instance-row.js';
import { instanceView, INSTANCES_WITH_VERSION } from './flow-timeline.js';
import type { FlowInstanceView } from './flow-types.js';

/**
 * Flow instances (without their audit trails), newest first, in one statement: of the flows named (null: every
 * flow), in `status` and among `ids` when given.
 * Reads as the system: the adapter decides who may list which flows.
 */
export async function listFlowInstances(db: Executor, filter: { flows: string[] | null; status?: FlowInstanceRow['status'] | null; ids?: string[]; limit: number }): Promise<FlowInstanceView[]> {
  const where: SQL[] = [];
  if (filter.flows) {
    if (!filter.flows.length) return [];
    where.push(sql`i."flow" IN (${sql.join(filter.flows.map((f) => sql`${f}`), sql`, `)})`);
  }
  if (filter.ids) {
    const ids = filter.ids.filter((id) => /^[1-9][0-9]{0,17}$/.test(id));
    if (!ids.length) return [];
    where.push(sql`i."id" = ANY(${`{${ids.join(',')}}`}::bigint[])`);
  }
  if (filter.status) where.push(sql`i."status" = ${filter.status}`);
  const rows = await db.run(sql`
    ${INSTANCES_WITH_VERSION}
    ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    ORDER BY i."id" DESC LIMIT ${Math.min(Math.max(filter.limit, 1), 500)}`);
  return rows.map((r) => instanceView(r, []));
}

/** Node id → label of the flow versions given (one statement): what a timeline names its steps by. */
export async function flowNodeLabels(db: Executor, versionIds: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const ids = [...new Set(versionIds)].filter((id) => /^[1-9][0-9]{0,17}$/.test(id));
  if (!ids.length) return out;
  const rows = await db.run<{ id: unknown; node: string; label: string | null }>(
    sql`SELECT v."id", n->>'id' AS "node", n->>'label' AS "label" FROM "atrium"."flow_version" v, jsonb_array_elements(v."doc"->'nodes') n WHERE v."id" = ANY(${`{${ids.join(',')}}`}::bigint[])`,
  );
  for (const r of rows) {
    const key = String(r.id);
    if (!out.has(key)) out.set(key, new Map());
    if (r.label) out.get(key)!.set(r.node, r.label);
  }
  return out;
}

/** People by user name (what audit rows record as their actor), in one statement. */
export async function peopleByUserName(db: Executor, userNames: string[]): Promise<Map<string, { id: string; name: string | null }>> {
  const names = [...new Set(userNames)].filter((n) => n && n !== 'system' && n !== 'anonymous');
  const out = new Map<string, { id: string; name: string | null }>();
  if (!names.length) return out;
  const rows = await db.run<{ id: unknown; user_name: string; name: string | null }>(
    sql`SELECT "id", "user_name", "name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "user_name" IN (${sql.join(names.map((n) => sql`${n}`), sql`, `)})`,
  );
  for (const r of rows) out.set(r.user_name, { id: String(r.id), name: r.name });
  return out;
}
