import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES, type ModelField } from '../../../schema/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { assertReadable, readableWhere, visibleReference } from '../compile/compile-access.js';
import { gqlNameLiteral, jsonObject, type CompileContext } from '../compile/compile-context.js';
import { anyRecordJson } from '../compile/compile-record.js';
import type { ResolveTree } from '../compile/selection.js';
import type { TypeInfo } from '../record-info.js';
import type { KpiDimension } from './kpi-dimension.js';
import { kpiFilter } from './kpi-filter.js';
import { inStates, kindStates, stateFieldName } from './kpi-states.js';
import { kpiWindow, type KpiWindow } from './kpi-window.js';

/** GraphQL type names of the KPI response, shared with the adapter that declares them. */
export const KPI_TYPES = { kpis: 'ServiceKpis', values: 'KpiValues', group: 'KpiGroup' } as const;

/** The record type every KPI type extends: its fields are what KPIs read. */
export const KPI_BASE_TYPE = 'task';

export interface KpiArgs {
  recordType: string;
  from: Date | string;
  to: Date | string;
  groupBy?: readonly KpiDimension[] | null;
  filter?: unknown;
}

/** The task fields KPIs read, by role. */
interface KpiFields {
  openedAt: ModelField;
  state: ModelField;
  priority: ModelField;
  group: ModelField;
  assignee: ModelField;
}

/**
 * `serviceKpis` as one statement: `SELECT <json> AS data`. The records are those of `recordType` (a task type,
 * or `task` for all) the reader may read and the filter accepts; every KPI is computed over them in CTEs:
 * - opened: opened_at in the window;
 * - resolved / MTTR: records now in a resolved or closed state whose last entry into one (from a state that is
 *   neither, per `atrium.record_history`) falls in the window; MTTR is the mean of that instant − opened_at;
 * - first response / responded: the first time the record had a person in assigned_to (its history, the
 *   create included), when that falls in the window; the mean is over those, from opened_at;
 * - SLA met / breached / compliance: `atrium.sla_instance` rows of those records stopped in the window
 *   (achieved in time vs breached); breaches: instances whose breach happened in the window;
 * - backlog: records open now (not resolved, closed or cancelled), whatever the window.
 * Groups break the same numbers down by the record's current assignment group (as the reader sees it: a
 * group it may not read is null), priority and state.
 */
export function compileServiceKpis(ctx: CompileContext, tree: ResolveTree): SQL {
  const args = tree.args as unknown as KpiArgs;
  const window = kpiWindow(args.from, args.to);
  const info = kpiType(ctx, args.recordType);
  const fields = kpiFieldsOf(info);
  const groupBy = [...new Set(args.groupBy ?? [])];
  for (const f of Object.values(fields)) assertReadable(ctx, info, f, 'filter');

  const a = ctx.alias();
  const kinds = kindStates(ctx.graph, info);
  const kindName = info.type.abstract ? sql`${a}."typename"` : sql`NULL::text`;
  const col = (f: ModelField) => sql`${a}.${sql.identifier(f.name)}`;
  const from = sql`${window.from.toISOString()}::timestamptz`;
  const to = sql`${window.to.toISOString()}::timestamptz`;
  const inWindow = (at: SQL) => sql`(${at} >= ${from} AND ${at} < ${to})`;
  const groupTarget = ctx.graph.byName.get(fields.group.reference!);
  const groupColumn = groupTarget ? visibleReference(ctx, groupTarget, col(fields.group)) : sql`NULL::bigint`;
  const finished = inStates(kinds, 'finished', kindName, sql`${col(fields.state)}::text`);

  // A record finished before the window and untouched since adds nothing to it: every window KPI comes from a
  // change at or after `from` (resolution, assignment, SLA stop), and a change moves sys_updated_at.
  const relevant = sql`(NOT ${finished} OR ${col(fields.openedAt)} >= ${from} OR ${a}."sys_updated_at" >= ${from})`;
  const records = sql`SELECT ${a}."id", ${kindName} AS kind, ${col(fields.openedAt)} AS opened_at, ${col(fields.priority)} AS priority,
    ${groupColumn} AS assignment_group, ${col(fields.state)}::text AS state,
    ${inStates(kinds, 'resolved', kindName, sql`${col(fields.state)}::text`)} AS resolved_now, ${finished} AS finished
    FROM ${tableRef(info.type.name)} ${a}
    WHERE ${relevant} AND ${kpiFilter(ctx, info, a, args.filter)} AND ${readableWhere(ctx, info, a)}`;

  // Bounds that leave each answer unchanged and spare rows: the last move into resolved counts only if it is at
  // or after `from`, so earlier moves need not be read; the first assignment counts only if it is before `to`.
  const h = sql.raw('h');
  const value = (v: SQL) => sql`(${v} #>> '{}')`;
  const stateChanges = kinds
    .filter((k) => k.field)
    .map((k) => {
      const one = [k];
      const into = inStates(one, 'resolved', sql`NULL::text`, value(sql`${h}."new_value"`));
      const outOf = inStates(one, 'resolved', sql`NULL::text`, value(sql`${h}."old_value"`));
      return sql`(${h}."record_type" = ${k.kind.type.name} AND ${h}."field_id" = ${k.field!.id} AND ${into} AND NOT coalesce(${outOf}, FALSE))`;
    });
  const resolutions = sql`SELECT ${h}."record_id" AS id, max(${h}."changed_at") AS at FROM "atrium"."record_history" ${h}
    WHERE ${h}."record_id" IN (SELECT id FROM kpi_records WHERE resolved_now) AND ${h}."changed_at" >= ${from} AND ${stateChanges.length ? sql`(${sql.join(stateChanges, sql` OR `)})` : sql`FALSE`}
    GROUP BY ${h}."record_id"`;
  const assigneeIds = [...new Set(kinds.map((k) => k.kind.type.activeFields.find((f) => f.name === fields.assignee.name)?.id).filter((id): id is string => !!id))];
  const responses = sql`SELECT ${h}."record_id" AS id, min(${h}."changed_at") AS at FROM "atrium"."record_history" ${h}
    WHERE ${h}."record_id" IN (SELECT id FROM kpi_records) AND ${h}."changed_at" < ${to} AND ${assigneeIds.length ? sql`${h}."field_id" IN (${sql.join(assigneeIds.map((id) => sql`${id}::text`), sql`, `)})` : sql`FALSE`}
      AND ${h}."new_value" IS NOT NULL AND ${h}."new_value" <> 'null'::jsonb
    GROUP BY ${h}."record_id"`;
  const s = sql.raw('s');
  const stopped = sql`${inWindow(sql`${s}."stopped_at"`)} AND ${s}."stage" IN ('achieved', 'breached')`;
  const slas = sql`SELECT ${s}."record_id" AS id,
      count(*) FILTER (WHERE ${stopped} AND ${s}."stage" = 'achieved' AND NOT ${s}."has_breached") AS met,
      count(*) FILTER (WHERE ${stopped} AND (${s}."stage" = 'breached' OR ${s}."has_breached")) AS missed,
      count(*) FILTER (WHERE ${inWindow(sql`${s}."breached_at"`)}) AS breaches
    FROM "atrium"."sla_instance" ${s}
    WHERE ${s}."record_id" IN (SELECT id FROM kpi_records) AND (${inWindow(sql`${s}."stopped_at"`)} OR ${inWindow(sql`${s}."breached_at"`)}) GROUP BY ${s}."record_id"`;
  const rows = sql`SELECT r.*,
      CASE WHEN ${inWindow(sql`res.at`)} THEN res.at END AS resolved_at,
      CASE WHEN ${inWindow(sql`resp.at`)} THEN resp.at END AS responded_at,
      coalesce(sla.met, 0) AS sla_met, coalesce(sla.missed, 0) AS sla_missed, coalesce(sla.breaches, 0) AS sla_breaches
    FROM kpi_records r LEFT JOIN kpi_resolutions res ON res.id = r.id LEFT JOIN kpi_responses resp ON resp.id = r.id LEFT JOIN kpi_slas sla ON sla.id = r.id`;

  const selected = Object.values(tree.fieldsByTypeName[KPI_TYPES.kpis] ?? {});
  const pairs: [string, SQL][] = [];
  for (const f of selected) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(KPI_TYPES.kpis)]);
    else if (f.name === 'total') pairs.push([f.alias, sql`(SELECT ${valuesJson(f, window)} FROM kpi_rows x)`]);
    else if (f.name === 'groups') pairs.push([f.alias, groupsJson(ctx, f, groupBy, groupTarget, window)]);
  }
  return sql`WITH kpi_records AS (${records}), kpi_resolutions AS (${resolutions}), kpi_responses AS (${responses}), kpi_slas AS (${slas}), kpi_rows AS (${rows})
    SELECT ${jsonObject(pairs)} AS data`;
}

/** The record type asked for: a live task type (or `task` itself). */
function kpiType(ctx: CompileContext, name: string): TypeInfo {
  const info = ctx.graph.byName.get(name);
  if (!info) throw new DomainError(ErrorCode.BAD_USER_INPUT, `there is no record type "${name}"; KPIs are measured on "${KPI_BASE_TYPE}" or a type extending it`, { argument: 'recordType' });
  if (info.type.name !== KPI_BASE_TYPE && !info.type.ancestors.includes(KPI_BASE_TYPE))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `"${name}" is not a task type; KPIs are measured on "${KPI_BASE_TYPE}" or a type extending it (incident, customer_case, …)`, {
      argument: 'recordType',
    });
  return info;
}

function kpiFieldsOf(info: TypeInfo): KpiFields {
  const field = (name: string, types: readonly string[]): ModelField => {
    const f = info.type.activeFields.find((x) => x.name === name);
    if (!f || !types.includes(f.type))
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${info.type.gqlName} has no ${types.join(' or ')} field "${name}", which KPIs read`, { argument: 'recordType', field: name });
    return f;
  };
  const group = field('assignment_group', ['reference']);
  const assignee = field('assigned_to', ['reference']);
  if (group.reference !== IDENTITY_TYPES.group || assignee.reference !== IDENTITY_TYPES.user)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${info.type.gqlName}'s assignment fields do not point at groups and people`, { argument: 'recordType' });
  return { openedAt: field('opened_at', ['datetime']), state: field(stateFieldName(info.type), ['choice']), priority: field('priority', ['integer']), group, assignee };
}

/** The KpiValues object of the rows `x` (all of them, or one group's), as selected. */
function valuesJson(tree: ResolveTree, window: KpiWindow): SQL {
  const from = sql`${window.from.toISOString()}::timestamptz`;
  const to = sql`${window.to.toISOString()}::timestamptz`;
  const seconds = (at: SQL) => sql`round(avg(extract(epoch FROM (${at} - x.opened_at)))::numeric, 3)::float8`;
  const pairs: [string, SQL][] = [];
  for (const f of Object.values(tree.fieldsByTypeName[KPI_TYPES.values] ?? {})) {
    const name = f.name;
    let v: SQL;
    if (name === '__typename') v = gqlNameLiteral(KPI_TYPES.values);
    else if (name === 'opened') v = sql`count(*) FILTER (WHERE x.opened_at >= ${from} AND x.opened_at < ${to})::int`;
    else if (name === 'resolved') v = sql`count(x.resolved_at)::int`;
    else if (name === 'meanTimeToResolveSeconds') v = seconds(sql`x.resolved_at`);
    else if (name === 'responded') v = sql`count(x.responded_at)::int`;
    else if (name === 'meanFirstResponseSeconds') v = seconds(sql`x.responded_at`);
    else if (name === 'slaMet') v = sql`coalesce(sum(x.sla_met), 0)::int`;
    else if (name === 'slaBreached') v = sql`coalesce(sum(x.sla_missed), 0)::int`;
    else if (name === 'slaCompliancePercent') v = sql`round(100.0 * sum(x.sla_met) / nullif(sum(x.sla_met) + sum(x.sla_missed), 0), 2)::float8`;
    else if (name === 'breaches') v = sql`coalesce(sum(x.sla_breaches), 0)::int`;
    else if (name === 'backlog') v = sql`count(*) FILTER (WHERE NOT x.finished)::int`;
    else continue;
    pairs.push([f.alias, v]);
  }
  return jsonObject(pairs);
}

const DIMENSION_COLUMNS: Record<KpiDimension, string> = { assignment_group: 'assignment_group', priority: 'priority', state: 'state' };

/** One KpiGroup per combination of the groupBy dimensions among the records (empty without groupBy). */
function groupsJson(ctx: CompileContext, tree: ResolveTree, groupBy: KpiDimension[], groupTarget: TypeInfo | undefined, window: KpiWindow): SQL {
  if (!groupBy.length) return sql`'[]'::json`;
  const g = ctx.alias();
  const keys = groupBy.map((d) => sql.identifier(DIMENSION_COLUMNS[d]));
  const pairs: [string, SQL][] = [];
  for (const f of Object.values(tree.fieldsByTypeName[KPI_TYPES.group] ?? {})) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(KPI_TYPES.group)]);
    else if (f.name === 'values') {
      // Every alias of `values` in one group shares the aggregate row; each is built from its own selection.
      pairs.push([f.alias, sql`${g}.${sql.identifier(`v_${f.alias}`)}`]);
    } else if (f.name === 'assignmentGroup') {
      if (!groupBy.includes('assignment_group') || !groupTarget) pairs.push([f.alias, sql`NULL::json`]);
      else {
        const r = ctx.alias();
        pairs.push([f.alias, sql`(SELECT ${anyRecordJson(ctx, groupTarget, r, f)} FROM ${tableRef(groupTarget.type.name)} ${r} WHERE ${r}."id" = ${g}."assignment_group" AND ${readableWhere(ctx, groupTarget, r)})`]);
      }
    } else if (f.name === 'priority') pairs.push([f.alias, groupBy.includes('priority') ? sql`${g}."priority"` : sql`NULL::int`]);
    else if (f.name === 'state') pairs.push([f.alias, groupBy.includes('state') ? sql`${g}."state"` : sql`NULL::text`]);
  }
  const valueColumns = Object.values(tree.fieldsByTypeName[KPI_TYPES.group] ?? {})
    .filter((f) => f.name === 'values')
    .map((f) => sql`${valuesJson(f, window)} AS ${sql.identifier(`v_${f.alias}`)}`);
  const select = sql.join([...keys, ...valueColumns], sql`, `);
  const order = sql.join(keys.map((k) => sql`${g}.${k} ASC NULLS LAST`), sql`, `);
  return sql`(SELECT coalesce(json_agg(${jsonObject(pairs)} ORDER BY ${order}), '[]'::json) FROM (SELECT ${select} FROM kpi_rows x GROUP BY ${sql.join(keys, sql`, `)}) ${g})`;
}
