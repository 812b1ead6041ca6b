import { sql } from 'drizzle-orm';
import type { FlowOutcome, FlowState } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';

/** A `flow_instance` row as the engine holds it (ids as numbers, the requester as a person id string). */
export interface FlowInstanceRow {
  id: number;
  flow: string;
  versionId: number;
  recordType: string;
  recordId: number;
  requesterId: string | null;
  parentId: number | null;
  parentToken: number | null;
  status: 'running' | FlowOutcome;
  state: FlowState;
  step: number;
  startedAt: Date;
  endedAt: Date | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Reads a `flow_instance` row from its stored (snake_case) columns. */
export function toInstanceRow(r: Record<string, unknown>): FlowInstanceRow {
  return {
    id: Number(r.id),
    flow: String(r.flow),
    versionId: Number(r.version_id),
    recordType: String(r.record_type),
    recordId: Number(r.record_id),
    requesterId: r.requester_id === null || r.requester_id === undefined ? null : String(r.requester_id),
    parentId: num(r.parent_id),
    parentToken: num(r.parent_token),
    status: r.status as FlowInstanceRow['status'],
    state: json<FlowState>(r.state),
    step: Number(r.step),
    startedAt: new Date(r.started_at as string),
    endedAt: r.ended_at ? new Date(r.ended_at as string) : null,
  };
}

/** The instance, locked for the rest of the transaction (every step of one instance runs one after another). */
export async function lockInstance(tx: Executor, id: number): Promise<FlowInstanceRow | null> {
  const [r] = await tx.run(sql`SELECT * FROM "atrium"."flow_instance" WHERE "id" = ${id} FOR UPDATE`);
  return r ? toInstanceRow(r) : null;
}

/**
 * Inserts a running instance; null when the record already runs an instance of this flow (the one-running
 * unique index): a trigger while one runs starts nothing.
 */
export async function insertInstance(
  tx: Executor,
  i: { flow: string; versionId: number; recordType: string; recordId: number; requesterId: string | null; parentId: number | null; parentToken: number | null; state: FlowState; at: Date },
): Promise<number | null> {
  const [r] = await tx.run<{ id: unknown }>(sql`
    INSERT INTO "atrium"."flow_instance" ("flow", "version_id", "record_type", "record_id", "requester_id", "parent_id", "parent_token", "status", "state", "step", "started_at", "updated_at")
    VALUES (${i.flow}, ${i.versionId}, ${i.recordType}, ${i.recordId}, ${i.requesterId}, ${i.parentId}, ${i.parentToken}, 'running', ${JSON.stringify(i.state)}::jsonb, 0, ${i.at.toISOString()}, ${i.at.toISOString()})
    ON CONFLICT ("flow", "record_type", "record_id") WHERE "status" = 'running' DO NOTHING
    RETURNING "id"`);
  return r ? Number(r.id) : null;
}

/** Stores a step's result: the new state, the step counter (audit rows numbered so far), and the end when it ended. */
export async function saveInstance(tx: Executor, id: number, state: FlowState, step: number, at: Date): Promise<void> {
  const ended = state.status !== 'running';
  await tx.run(sql`
    UPDATE "atrium"."flow_instance" SET "state" = ${JSON.stringify(state)}::jsonb, "step" = ${step}, "status" = ${state.status},
      "ended_at" = ${ended ? sql`coalesce("ended_at", ${at.toISOString()}::timestamptz)` : sql`NULL`}, "updated_at" = ${at.toISOString()}
    WHERE "id" = ${id}`);
}
