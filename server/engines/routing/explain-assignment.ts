import { sql } from 'drizzle-orm';
import type { RoutingCandidate } from '../../../schema/platform/index.js';
import type { Actor } from '../../access/actor.js';
import { accessScope } from '../../access/access-scope.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, fromGlobalId, readableWhere, type GraphInfo } from '../../records/index.js';

/** One routing of a record, as `explainAssignment` tells it. */
export interface AssignmentDecisionView {
  version: number;
  at: Date;
  rule: string | null;
  strategy: string | null;
  /** The rule's target in words: `group Network` or `user ada`. */
  target: string | null;
  /** The group and user the record was given (names; null: none, or since deleted). */
  group: string | null;
  assignedTo: string | null;
  candidates: RoutingCandidate[];
  reason: string;
  fellBack: boolean;
}

const ACCESS_ONLY = { defaultPageSize: 1, maxPageSize: 1 };

/**
 * Why a record went where it went: its routing decisions, newest first. Only for an actor who may read the
 * record: one it may not read is NOT_FOUND, exactly like one that does not exist.
 */
export async function explainAssignment(db: Executor, graph: GraphInfo, actor: Actor, globalId: string): Promise<AssignmentDecisionView[]> {
  const { typeName, id } = fromGlobalId(globalId);
  const info = graph.byGqlName.get(typeName);
  const missing = new DomainError(ErrorCode.NOT_FOUND, `there is no record with id "${globalId}" (or you may not read it)`);
  if (!info || info.type.abstract) throw missing;
  const ctx = new CompileContext(graph, ACCESS_ONLY, 'resolve', accessScope(actor, graph.model));
  const a = ctx.alias();
  const [readable] = await db.run(sql`SELECT 1 AS "ok" FROM ${tableRef(info.type.name)} ${a} WHERE ${a}."id" = ${id}::bigint AND ${readableWhere(ctx, info, a)}`);
  if (!readable) throw missing;
  const rows = await db.run<Record<string, unknown>>(sql`
    SELECT d."version", d."at", d."rule", d."strategy", d."target", d."candidates", d."reason", d."fell_back", g."name" AS "group_name", p."user_name"
    FROM "atrium"."routing_decision" d
    LEFT JOIN ${tableRef('assignment_group')} g ON g."id" = d."group_id"
    LEFT JOIN ${tableRef('person')} p ON p."id" = d."person_id"
    WHERE d."record_type" = ${info.type.name} AND d."record_id" = ${id}::bigint ORDER BY d."id" DESC`);
  return rows.map((r) => {
    const target = json(r.target) as { group?: string; user?: string } | null;
    return {
      version: Number(r.version),
      at: new Date(r.at as string),
      rule: (r.rule as string | null) ?? null,
      strategy: (r.strategy as string | null) ?? null,
      target: target ? (target.group !== undefined ? `group ${target.group}` : `user ${target.user}`) : null,
      group: (r.group_name as string | null) ?? null,
      assignedTo: (r.user_name as string | null) ?? null,
      candidates: (json(r.candidates) as RoutingCandidate[]) ?? [],
      reason: r.reason as string,
      fellBack: Boolean(r.fell_back),
    };
  });
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
