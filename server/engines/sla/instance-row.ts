import { sql } from 'drizzle-orm';
import type { SlaHappening, SlaStage, SlaState } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';

/** An `sla_instance` row as the engine holds it. */
export interface InstanceRow {
  id: number;
  recordType: string;
  recordId: number;
  definition: string;
  definitionVersion: number;
  state: SlaState;
}

const COLUMNS = sql.raw(
  `"id", "record_type", "record_id", "definition", "definition_version", "stage", "has_breached", "started_at", "stopped_at", "target_ms", "elapsed_ms", "paused_ms", "measured_at", "breach_at", "breached_at", "next_due_at", "warnings_fired"`,
);

/** Selects instances (`where` over the table, aliased as none) with a locking clause when given. */
export async function selectInstances(tx: Executor, where: ReturnType<typeof sql>, tail = sql``): Promise<InstanceRow[]> {
  const rows = await tx.run<Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM "atrium"."sla_instance" WHERE ${where} ${tail}`);
  return rows.map(fromRow);
}

export function fromRow(r: Record<string, unknown>): InstanceRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const fired = typeof r.warnings_fired === 'string' ? JSON.parse(r.warnings_fired) : r.warnings_fired;
  return {
    id: Number(r.id),
    recordType: String(r.record_type),
    recordId: Number(r.record_id),
    definition: String(r.definition),
    definitionVersion: Number(r.definition_version),
    state: {
      stage: r.stage as SlaStage,
      hasBreached: Boolean(r.has_breached),
      startedAt: date(r.started_at)!,
      stoppedAt: date(r.stopped_at),
      targetMs: Number(r.target_ms),
      elapsedMs: Number(r.elapsed_ms),
      pausedMs: Number(r.paused_ms),
      measuredAt: date(r.measured_at)!,
      breachAt: date(r.breach_at),
      breachedAt: date(r.breached_at),
      nextDueAt: date(r.next_due_at),
      warningsFired: (fired as number[] | null) ?? [],
    },
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Inserts a new instance; resolves to its id. */
export async function insertInstance(tx: Executor, row: Omit<InstanceRow, 'id'>, now: Date): Promise<number> {
  const s = row.state;
  const [r] = await tx.run<{ id: number | string }>(sql`
    INSERT INTO "atrium"."sla_instance" ("record_type", "record_id", "definition", "definition_version", "stage", "has_breached", "started_at", "stopped_at", "target_ms", "elapsed_ms", "paused_ms", "measured_at", "breach_at", "breached_at", "next_due_at", "warnings_fired", "updated_at")
    VALUES (${row.recordType}, ${row.recordId}, ${row.definition}, ${row.definitionVersion}, ${s.stage}, ${s.hasBreached}, ${iso(s.startedAt)}, ${iso(s.stoppedAt)}, ${s.targetMs}, ${Math.round(s.elapsedMs)}, ${Math.round(s.pausedMs)}, ${iso(s.measuredAt)}, ${iso(s.breachAt)}, ${iso(s.breachedAt)}, ${iso(s.nextDueAt)}, ${JSON.stringify(s.warningsFired)}::jsonb, ${iso(now)})
    RETURNING "id"`);
  return Number(r.id);
}

/** Writes an instance's state (and the definition version it was computed under) back. */
export async function updateInstance(tx: Executor, id: number, s: SlaState, definitionVersion: number, now: Date): Promise<void> {
  await tx.run(sql`
    UPDATE "atrium"."sla_instance" SET "stage" = ${s.stage}, "has_breached" = ${s.hasBreached}, "started_at" = ${iso(s.startedAt)}, "stopped_at" = ${iso(s.stoppedAt)},
      "target_ms" = ${s.targetMs}, "elapsed_ms" = ${Math.round(s.elapsedMs)}, "paused_ms" = ${Math.round(s.pausedMs)}, "measured_at" = ${iso(s.measuredAt)}, "breach_at" = ${iso(s.breachAt)},
      "breached_at" = ${iso(s.breachedAt)}, "next_due_at" = ${iso(s.nextDueAt)}, "warnings_fired" = ${JSON.stringify(s.warningsFired)}::jsonb,
      "definition_version" = ${definitionVersion}, "updated_at" = ${iso(now)}
    WHERE "id" = ${id}`);
}

/**
 * Records what happened to an instance; resolves to the happenings that are new. A warning or breach already
 * recorded (the unique index) is dropped, so its actions are sent only by the transaction that recorded it.
 */
export async function recordHappenings(tx: Executor, instanceId: number, happened: SlaHappening[], detail: unknown = null): Promise<SlaHappening[]> {
  const fresh: SlaHappening[] = [];
  for (const h of happened) {
    const rows = await tx.run(sql`
      INSERT INTO "atrium"."sla_instance_event" ("instance_id", "kind", "threshold", "at", "detail")
      VALUES (${instanceId}, ${h.kind}, ${h.threshold}, ${h.at.toISOString()}, ${detail === null ? null : JSON.stringify(detail)}::jsonb)
      ON CONFLICT DO NOTHING RETURNING "id"`);
    if (rows.length) fresh.push(h);
  }
  return fresh;
}
