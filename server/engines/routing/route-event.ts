import { sql } from 'drizzle-orm';
import { routingCursor, routingDecision } from '../../../schema/platform/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';
import type { EngineEvent } from '../../events/engine-event.js';
import type { EngineContext } from '../engine.js';
import { recordValues } from '../record-values.js';
import { conditionFields } from './condition-fields.js';
import { routeRecord, type RoutingMemory } from './route-record.js';
import { ROUTING_ACTOR } from './routing-actor.js';
import { rulesForType } from './rules-for-type.js';

/** The task fields routing sets. */
export const ASSIGNMENT_FIELDS = ['assignment_group', 'assigned_to'] as const;

/**
 * Routes the record of one committed event, inside the consumer's transaction `tx`: the assignment (through the
 * write pipeline), the decision row and the round-robin place commit together with the event being handled.
 *
 * When: on create, unless the writer gave an assignment itself (it is left alone, as ServiceNow does); on update,
 * only while the record is still unassigned and the update changed a field some rule's condition reads. An
 * assigned record is never re-routed: once someone owns it, a later field change is theirs to act on (a
 * reassignment is a person's or an SLA breach action's decision). The engine's own writes are never routed (no
 * loop), and a record version is routed at most once (the decision row is unique per version).
 */
export async function routeEvent(ctx: EngineContext, tx: Executor, event: EngineEvent): Promise<void> {
  if (event.kind === 'deleted' || event.actor === ROUTING_ACTOR.id) return;
  const graph = ctx.graph();
  const info = graph.byName.get(event.recordType);
  if (!info || !ASSIGNMENT_FIELDS.every((f) => info.type.activeFields.some((x) => x.name === f))) return;
  const rules = rulesForType(graph.model, event.recordType);
  if (!rules.length) return;
  if (ASSIGNMENT_FIELDS.some((f) => f in event.changes)) return;
  if (event.kind === 'updated') {
    const reads = new Set<string>();
    for (const r of rules) conditionFields(r.condition, reads);
    if (!Object.keys(event.changes).some((f) => reads.has(f))) return;
  }
  // The record as it is now (a later write may have assigned it), locked until this transaction ends.
  const [current] = await tx.run<{ row: unknown }>(sql`SELECT to_jsonb(r) AS "row" FROM ${tableRef(event.recordType)} r WHERE r."id" = ${event.recordId} FOR UPDATE`);
  if (!current) return;
  const row = (typeof current.row === 'string' ? JSON.parse(current.row) : current.row) as Record<string, unknown>;
  if (ASSIGNMENT_FIELDS.some((f) => row[f] !== null && row[f] !== undefined)) return;

  const now = ctx.clock.now();
  const decision = await routeRecord(tx, graph.model, row, rules, cursorMemory(tx), now);
  if (!decision) return;
  const inserted = await tx.orm
    .insert(routingDecision)
    .values({ recordType: event.recordType, recordId: event.recordId, version: event.version, rule: decision.rule, strategy: decision.strategy, target: decision.target, groupId: decision.groupId, personId: decision.personId, candidates: decision.candidates, reason: decision.reason, fellBack: decision.fellBack, at: now })
    .onConflictDoNothing()
    .returning({ id: routingDecision.id });
  if (!inserted.length) return;
  if (decision.groupId === null && decision.personId === null) return;

  const values: Record<string, unknown> = {};
  if (decision.groupId !== null) values.assignment_group = decision.groupId;
  if (decision.personId !== null) values.assigned_to = decision.personId;
  await ctx.write({ op: 'update', type: event.recordType, id: event.recordId, version: Number(row.sys_version), values: recordValues(graph, info, values) }, { tx, actor: ROUTING_ACTOR });
  if (decision.strategy === 'round_robin' && !decision.fellBack && decision.personId !== null && decision.rule)
    await tx.orm
      .insert(routingCursor)
      .values({ rule: decision.rule, lastPersonId: decision.personId, updatedAt: now })
      .onConflictDoUpdate({ target: routingCursor.rule, set: { lastPersonId: decision.personId, updatedAt: now } });
}

/** Round robin's places as stored (read in the consumer's transaction, which alone moves them). */
function cursorMemory(tx: Executor): RoutingMemory {
  return {
    async lastPicked(rule) {
      const [row] = await tx.orm.select({ last: routingCursor.lastPersonId }).from(routingCursor).where(sql`${routingCursor.rule} = ${rule}`);
      return row ? Number(row.last) : null;
    },
  };
}
