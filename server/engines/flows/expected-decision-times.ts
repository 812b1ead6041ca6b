import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';

/** How long an approval node is expected to take to decide, and what that rests on. */
export interface DecisionTimeEstimate {
  /** Median seconds from asking to deciding; null when there is nothing to go on. */
  seconds: number | null;
  /** `node`: past decisions of this flow at this node; `all`: of every approval (this node has none yet). */
  basis: 'node' | 'all' | null;
  /** How many past decisions the median is of. */
  decisions: number;
  /** Why there is no estimate (null when there is one). */
  reason: string | null;
}

/**
 * Expected time to decision per approval node of `flow`: the median of `decided_at - sys_created_at` of decided
 * approval records asked by that flow at that node (through its instances), else of every decided approval.
 * Read-only; two statements whatever the number of nodes.
 */
export async function expectedDecisionTimes(tx: Executor, flow: string, nodes: readonly string[]): Promise<Map<string, DecisionTimeEstimate>> {
  const approval = tableRef(IDENTITY_TYPES.approval);
  const decided = sql`a."state" IN ('approved', 'rejected') AND a."decided_at" IS NOT NULL`;
  const seconds = sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."decided_at" - a."sys_created_at"))`;
  const perNode = nodes.length
    ? await tx.run<{ node: string; seconds: string | number; n: string | number }>(sql`
        SELECT a."flow_node" AS "node", ${seconds} AS "seconds", count(*) AS "n"
        FROM ${approval} a JOIN "atrium"."flow_instance" i ON i."id" = a."flow_instance"
        WHERE ${decided} AND i."flow" = ${flow} AND a."flow_node" IN (${sql.join(
          nodes.map((n) => sql`${n}`),
          sql`, `,
        )})
        GROUP BY a."flow_node"`)
    : [];
  const [all] = await tx.run<{ seconds: string | number | null; n: string | number }>(sql`SELECT ${seconds} AS "seconds", count(*) AS "n" FROM ${approval} a WHERE ${decided}`);
  const byNode = new Map(perNode.map((r) => [r.node, r]));
  const out = new Map<string, DecisionTimeEstimate>();
  for (const node of nodes) {
    const own = byNode.get(node);
    if (own) out.set(node, { seconds: Math.round(Number(own.seconds)), basis: 'node', decisions: Number(own.n), reason: null });
    else if (all && Number(all.n) > 0) out.set(node, { seconds: Math.round(Number(all.seconds)), basis: 'all', decisions: Number(all.n), reason: null });
    else out.set(node, { seconds: null, basis: null, decisions: 0, reason: 'no approval has been decided yet, so there is no past decision time to go on' });
  }
  return out;
}
