import { sql } from 'drizzle-orm';
import type { FlowAuditEntry } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { toInstanceRow } from './flow-instance-row.js';
import type { FlowInstanceView } from './flow-types.js';

/**
 * A record's flow timeline: every instance run on it (newest first), each with its audit trail in order and the
 * nodes where it waits now. Two statements whatever the number of instances. Reads as the system: callers
 * check the reader may see the record.
 */
export async function flowTimeline(db: Executor, recordType: string, recordId: string | number): Promise<FlowInstanceView[]> {
  const rows = await db.run(sql`
    ${INSTANCES_WITH_VERSION}
    WHERE i."record_type" = ${recordType} AND i."record_id" = ${Number(recordId)} ORDER BY i."id" DESC`);
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  const audits = await db.run<{ instance_id: unknown; seq: unknown; at: unknown; kind: string; node: string | null; token: unknown; actor: string | null; detail: unknown }>(sql`
    SELECT "instance_id", "seq", "at", "kind", "node", "token", "actor", "detail" FROM "atrium"."flow_audit"
    WHERE "instance_id" IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY "instance_id", "seq"`);
  const byInstance = new Map<number, FlowInstanceView['audit']>();
  for (const a of audits) {
    const list = byInstance.get(Number(a.instance_id)) ?? byInstance.set(Number(a.instance_id), []).get(Number(a.instance_id))!;
    list.push({
      kind: a.kind as FlowAuditEntry['kind'],
      node: a.node,
      token: a.token === null ? null : Number(a.token),
      detail: (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail) as Record<string, unknown>,
      seq: Number(a.seq),
      at: new Date(a.at as string),
      actor: a.actor,
    });
  }
  return rows.map((r) => instanceView(r, byInstance.get(Number(r.id)) ?? []));
}

/** Flow instances (`i`) with their version's metadata version and label: the rows `instanceView` reads. */
export const INSTANCES_WITH_VERSION = sql`
    SELECT i.*, v."metadata_version" AS "v_metadata_version", v."doc"->>'label' AS "v_label"
    FROM "atrium"."flow_instance" i JOIN "atrium"."flow_version" v ON v."id" = i."version_id"`;

/** An instance as adapters show it, from a row of `INSTANCES_WITH_VERSION`, with its audit trail (or none). */
export function instanceView(r: Record<string, unknown>, audit: FlowInstanceView['audit']): FlowInstanceView {
  const i = toInstanceRow(r);
  return {
    id: String(i.id),
    flow: i.flow,
    flowLabel: (r.v_label as string | null) ?? null,
    versionId: String(i.versionId),
    version: Number(r.v_metadata_version),
    status: i.status,
    recordType: i.recordType,
    recordId: String(i.recordId),
    requesterId: i.requesterId,
    parentId: i.parentId === null ? null : String(i.parentId),
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    waitingAt: [...new Set(i.state.tokens.filter((t) => t.wait !== null).map((t) => t.node))],
    audit,
  };
}
