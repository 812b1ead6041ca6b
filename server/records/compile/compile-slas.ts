import { sql, type SQL } from 'drizzle-orm';
import { nameLiteral } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import type { CompileContext } from './compile-context.js';

/** The field every concrete task type shows its SLA instances under. */
export const SLAS_FIELD = 'slas';

/** Whether records of a type carry SLAs in the graph: concrete types that are, or extend, `task`. */
export function hasSlas(info: TypeInfo): boolean {
  return !info.type.abstract && (info.type.name === 'task' || info.type.ancestors.includes('task'));
}

/**
 * The SLA instances of the record row `alias`, oldest first, as stored (a JSON array of raw instances, measured
 * at their `measuredAt`): inside the record's statement, so they show exactly where the record does. How far
 * each has got *now* is business time under its schedule, which SQL cannot count: the GraphQL fields measure
 * the raw instance at the engine clock's time. A response compiled to final JSON (the fast path) therefore
 * cannot hold them; compiling one throws, and the query runs through resolvers instead (still one statement).
 */
export function slasJson(ctx: CompileContext, info: TypeInfo, alias: SQL): SQL {
  if (ctx.mode === 'response') throw new DomainError(ErrorCode.BAD_REQUEST, 'SLA instances are measured after the statement, at the engine clock');
  const s = ctx.alias();
  const raw = sql`json_build_object('definition', ${s}."definition", 'stage', ${s}."stage", 'hasBreached', ${s}."has_breached", 'startedAt', ${s}."started_at", 'stoppedAt', ${s}."stopped_at", 'targetMs', ${s}."target_ms", 'elapsedMs', ${s}."elapsed_ms", 'pausedMs', ${s}."paused_ms", 'measuredAt', ${s}."measured_at", 'breachAt', ${s}."breach_at", 'breachedAt', ${s}."breached_at", 'warningsFired', ${s}."warnings_fired")`;
  return sql`(SELECT coalesce(json_agg(${raw} ORDER BY ${s}."id"), '[]'::json) FROM "atrium"."sla_instance" ${s} WHERE ${s}."record_id" = ${alias}."id" AND ${s}."record_type" = ${nameLiteral(info.type.name)})`;
}
