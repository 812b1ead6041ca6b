import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { fromGlobalId } from '../../records/index.js';
import type { ApprovalRequestView } from './flow-types.js';

/** A person as an approval list names them. */
export interface ApprovalPersonView {
  id: string;
  name: string | null;
  userName: string | null;
}

/** An approval request with the names of the people it mentions, and its place in the list. */
export interface ApprovalRequestRow extends ApprovalRequestView {
  flowVersion: number | null;
  flowLabel: string | null;
  /** The flow path (token) that asked: requests of one step share node and token. */
  flowToken: number | null;
  people: Record<string, ApprovalPersonView>;
  /** The keyset position: due time as stored (text, exact) and id. */
  cursor: { due: string | null; id: string };
}

/**
 * The SELECT of approval requests with their flow's name, label and version and their node's label, and the
 * people they name. `where` filters alias `a` (the approval row); `tail` orders and limits.
 */
export function approvalRequestSelect(where: SQL, tail: SQL): SQL {
  const person = (col: string) =>
    sql`(SELECT jsonb_build_object('id', p."id"::text, 'name', p."name", 'userName', p."user_name") FROM ${tableRef(IDENTITY_TYPES.user)} p WHERE p."id" = a.${sql.identifier(col)})`;
  return sql`SELECT to_jsonb(a) AS "row", a."due_at"::text AS "due_key", fi."flow" AS "flow", fv."metadata_version" AS "flow_version", fv."doc"->>'label' AS "flow_label",
      (SELECT n->>'label' FROM jsonb_array_elements(fv."doc"->'nodes') n WHERE n->>'id' = a."flow_node" LIMIT 1) AS "node_label",
      jsonb_build_array(${person('approver')}, ${person('requester')}, ${person('delegated_from')}, ${person('decided_by')}) AS "people"
    FROM ${tableRef(IDENTITY_TYPES.approval)} a
    LEFT JOIN "atrium"."flow_instance" fi ON fi."id" = a."flow_instance"
    LEFT JOIN "atrium"."flow_version" fv ON fv."id" = fi."version_id"
    WHERE ${where} ${tail}`;
}

export type ApprovalSelectRow = {
  row: unknown;
  due_key: string | null;
  flow: string | null;
  flow_version: number | null;
  flow_label: string | null;
  node_label: string | null;
  people: unknown;
};

/** Runs an `approvalRequestSelect` and shapes its rows; the record type of a document comes from its global id. */
export async function readApprovalRequests(db: Executor, statement: SQL): Promise<ApprovalRequestRow[]> {
  const rows = await db.run<ApprovalSelectRow>(statement);
  return rows.map(toRow);
}

function toRow(r: ApprovalSelectRow): ApprovalRequestRow {
  const row = json(r.row) as Record<string, unknown>;
  const people: Record<string, ApprovalPersonView> = {};
  for (const p of (json(r.people) as (ApprovalPersonView | null)[]) ?? []) if (p) people[p.id] = p;
  const id = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  let recordId = '';
  try {
    recordId = String(fromGlobalId(String(row.document)).id);
  } catch {
    // A document that is not a global id names no record: the request shows without one.
  }
  return {
    id: String(row.id),
    state: row.state as ApprovalRequestView['state'],
    recordType: String(row.document_type),
    recordId,
    approverId: id(row.approver),
    requesterId: id(row.requester),
    delegatedFromId: id(row.delegated_from),
    decidedById: id(row.decided_by),
    decidedAt: date(row.decided_at),
    comments: (row.comments as string | null) ?? null,
    dueAt: date(row.due_at),
    askedAt: date(row.sys_created_at)!,
    instanceId: id(row.flow_instance),
    flow: r.flow,
    node: (row.flow_node as string | null) ?? null,
    nodeLabel: r.node_label,
    flowVersion: r.flow_version === null ? null : Number(r.flow_version),
    flowLabel: r.flow_label,
    flowToken: row.flow_token === null || row.flow_token === undefined ? null : Number(row.flow_token),
    people,
    cursor: { due: r.due_key, id: String(row.id) },
  };
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
