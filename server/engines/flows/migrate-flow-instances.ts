import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type FlowDoc, type FlowState } from '../../../schema/index.js';
import type { Actor } from '../../access/actor.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { writeWithEvent } from '../../records/write/write-with-event.js';
import type { EngineContext } from '../engine.js';
import { appendAudit } from './append-audit.js';
import { toInstanceRow } from './flow-instance-row.js';
import { flowVersionDoc, flowVersionFor } from './flow-version-for.js';

export interface MigrateFlowInstancesInput {
  flow: string;
  /** Node of the old version → node of the new one. A node absent here keeps its id if the new version has a node of that id and kind. */
  mapping: Record<string, string>;
  /** The version to move onto (default: the flow as published now). */
  toVersionId?: number;
}

export interface MigrateFlowInstancesResult {
  versionId: number;
  migrated: number[];
}

/**
 * Moves the running instances of older versions of a flow onto one version, all in one transaction: each token,
 * timer and open approval request moves to its node's mapped node, and the instance's audit says so
 * (`migrated`). Every node where a token waits must map to a node of the same kind in the new version; if one
 * does not, BAD_USER_INPUT names them all and nothing changes.
 */
export async function migrateFlowInstances(ctx: EngineContext, input: MigrateFlowInstancesInput, actor: Actor | null): Promise<MigrateFlowInstancesResult> {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to migrate flow instances');
  if (!actor.admin) throw new DomainError(ErrorCode.FORBIDDEN, 'only administrators migrate flow instances');
  return ctx.db.transaction(async (tx) => {
    let versionId = input.toVersionId;
    let target: FlowDoc;
    if (versionId === undefined) {
      const published = ctx.graph().model.snapshot.flows[input.flow];
      if (!published) throw new DomainError(ErrorCode.NOT_FOUND, `there is no published flow "${input.flow}"`);
      versionId = await flowVersionFor(ctx.db, tx, published);
      target = published;
    } else {
      target = await flowVersionDoc(ctx.db, tx, versionId);
      if (target.name !== input.flow) throw new DomainError(ErrorCode.BAD_USER_INPUT, `flow version ${versionId} is a version of "${target.name}", not of "${input.flow}"`);
    }
    const nodes = new Map(target.nodes.map((n) => [n.id, n]));
    const rows = await tx.run(sql`SELECT * FROM "atrium"."flow_instance" WHERE "flow" = ${input.flow} AND "status" = 'running' AND "version_id" <> ${versionId} ORDER BY "id" FOR UPDATE`);
    const instances = rows.map(toInstanceRow);
    const unmapped = new Map<string, string>();
    const plans: { id: number; state: FlowState; moves: [string, string][] }[] = [];
    for (const inst of instances) {
      const old = await flowVersionDoc(ctx.db, tx, inst.versionId);
      const kindOf = new Map(old.nodes.map((n) => [n.id, n.kind]));
      const map = (node: string): string | null => {
        const to = input.mapping[node] ?? node;
        const there = nodes.get(to);
        return there && there.kind === kindOf.get(node) ? to : null;
      };
      const moves = new Map<string, string>();
      for (const t of inst.state.tokens) {
        const to = map(t.node);
        if (to === null) unmapped.set(t.node, input.mapping[t.node] ? `${t.node} → ${input.mapping[t.node]} (no ${kindOf.get(t.node)} node of that id in the new version)` : t.node);
        else moves.set(t.node, to);
      }
      const rename = (n: string) => moves.get(n) ?? input.mapping[n] ?? n;
      const state: FlowState = {
        ...inst.state,
        tokens: inst.state.tokens.map((t) => ({ ...t, node: rename(t.node) })),
        groups: Object.fromEntries(Object.entries(inst.state.groups).map(([k, g]) => [k, { ...g, split: rename(g.split), join: g.join === null ? null : rename(g.join) }])),
        visits: Object.fromEntries(Object.entries(inst.state.visits).map(([n, v]) => [rename(n), v])),
      };
      plans.push({ id: inst.id, state, moves: [...moves].filter(([a, b]) => a !== b) });
    }
    if (unmapped.size) throw new DomainError(ErrorCode.BAD_USER_INPUT, `map these nodes of running instances to nodes of the new version: ${[...unmapped.values()].join(', ')}`, { unmapped: [...unmapped.keys()] });
    const now = ctx.clock.now();
    for (const p of plans) {
      const from = instances.find((i) => i.id === p.id)!.versionId;
      await tx.run(sql`UPDATE "atrium"."flow_instance" SET "version_id" = ${versionId}, "state" = ${JSON.stringify(p.state)}::jsonb WHERE "id" = ${p.id}`);
      for (const [a, b] of p.moves) {
        await tx.run(sql`UPDATE "atrium"."flow_timer" SET "node" = ${b} WHERE "instance_id" = ${p.id} AND "node" = ${a}`);
        await writeWithEvent(
          tx,
          IDENTITY_TYPES.approval,
          'updated',
          actor.id,
          sql`UPDATE ${tableRef(IDENTITY_TYPES.approval)} SET "flow_node" = ${b}, "sys_version" = "sys_version" + 1, "sys_updated_at" = ${now.toISOString()}, "sys_updated_by" = ${actor.id} WHERE "flow_instance" = ${p.id} AND "flow_node" = ${a}`,
        );
      }
      await appendAudit(tx, p.id, { kind: 'migrated', node: null, token: null, detail: { fromVersion: from, toVersion: versionId, moves: Object.fromEntries(p.moves) } }, actor.id, now);
    }
    return { versionId, migrated: plans.map((p) => p.id) };
  });
}
