import { sql } from 'drizzle-orm';
import type { FlowAuditEntry } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';

/**
 * One audit row written outside a step (a delegation, a migration, a refused action), numbered by the
 * instance's step counter like a step's own. The caller holds the instance's lock.
 */
export async function appendAudit(tx: Executor, instanceId: number, entry: FlowAuditEntry, actor: string, at: Date): Promise<void> {
  const [s] = await tx.run<{ step: unknown }>(sql`UPDATE "atrium"."flow_instance" SET "step" = "step" + 1, "updated_at" = ${at.toISOString()} WHERE "id" = ${instanceId} RETURNING "step"`);
  await tx.run(sql`
    INSERT INTO "atrium"."flow_audit" ("instance_id", "seq", "at", "kind", "node", "token", "actor", "detail")
    VALUES (${instanceId}, ${Number(s.step)}, ${at.toISOString()}, ${entry.kind}, ${entry.node}, ${entry.token}, ${actor}, ${JSON.stringify(entry.detail)}::jsonb)`);
}
