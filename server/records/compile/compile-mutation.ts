import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import { hasColumnDefault, sequenceName, tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { autoAssignments, type Writer } from './auto-values.js';
import { fieldWriteAccess, readableWhere, recordAccess, unwritableFields } from './compile-access.js';
import type { CompileContext } from './compile-context.js';
import { recordJson } from './compile-record.js';
import { typedParam } from './field-value.js';
import { historyInsert } from './history-insert.js';
import { selectionOf, type ResolveTree } from './selection.js';

/** Values of a create or a patch, keyed by GraphQL field name, as GraphQL parsed them. */
export type RecordValues = Record<string, unknown>;

/**
 * Every write statement returns these columns: the record as selected (null where the actor may not read the
 * result), its id, the version it had before (null also when the actor may not read it: an unknown id and a
 * forbidden one look the same), and `forbidden`: the actor may read the record but not make this change.
 */
export interface WriteRow extends Record<string, unknown> {
  data: Record<string, unknown> | null;
  id: number | string | null;
  current_version: number | null;
  forbidden: boolean | null;
  /** When `forbidden` is due to a field the actor may not write on this record (not the record rules): its name. */
  forbidden_field: string | null;
  /** A reference given that points at no record the actor may read (unknown or hidden alike): its field. */
  hidden_reference: string | null;
  /** A delete refused because records still point at this one through a reference to an abstract type: `type.field`. */
  referenced_by?: string | null;
}

/**
 * The first reference given whose record the actor may not read, as its GraphQL field name; NULL when all can
 * be read. A write must not link to (and so confirm the existence of) a record its author cannot see; a hidden
 * record and a missing one give the same answer.
 */
function hiddenReference(ctx: CompileContext, info: TypeInfo, fields: ModelField[], params: SQL[]): SQL {
  const checks: SQL[] = [];
  fields.forEach((f, i) => {
    const target = f.type === 'reference' ? ctx.graph.byName.get(f.reference!) : undefined;
    const readable = target ? recordAccess(ctx, target, sql`r`) : null;
    if (!target || !readable) return;
    checks.push(sql`WHEN ${params[i]} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${tableRef(target.type.name)} r WHERE r."id" = ${params[i]} AND ${readable}) THEN ${f.gqlName}::text`);
  });
  return checks.length ? sql`CASE ${sql.join(checks, sql` `)} END` : sql`NULL::text`;
}

function assignments(ctx: CompileContext, info: TypeInfo, values: RecordValues, creating: boolean): { fields: ModelField[]; values: SQL[] } {
  const fields: ModelField[] = [];
  const out: SQL[] = [];
  const missing: string[] = [];
  for (const field of info.fields.values()) {
    // Set by the server on create (autoAssignments), kept on update; a value sent for one is refused below.
    if (field.auto) continue;
    let value = values[field.gqlName];
    if (value === undefined && creating && field.default !== undefined) {
      // The column fills it (see columnDefault): a statement naming no column cannot go stale on a rename.
      if (hasColumnDefault(field)) continue;
      value = field.default;
    }
    if (value === undefined) {
      if (creating && field.required) missing.push(field.gqlName);
      continue;
    }
    if (value === null && field.required) missing.push(field.gqlName);
    fields.push(field);
    out.push(typedParam(ctx.graph, field, value));
  }
  if (missing.length)
    throw new DomainError(ErrorCode.REQUIRED_FIELD, `${info.type.doc.label} needs a value for ${missing.join(', ')}`, { fields: missing });
  for (const key of Object.keys(values)) {
    if (key !== 'clientMutationId' && !info.fields.has(key)) throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName} has no field "${key}"`);
  }
  const auto = Object.keys(values).filter((k) => info.fields.get(k)?.auto);
  if (auto.length)
    throw new DomainError(ErrorCode.FORBIDDEN, `${auto.join(', ')} of ${info.type.doc.label} records ${auto.length > 1 ? 'are' : 'is'} set by the server; leave ${auto.length > 1 ? 'them' : 'it'} out`, { fields: auto });
  const given = Object.keys(values).filter((k) => info.fields.has(k)).map((k) => info.fields.get(k)!);
  const denied = unwritableFields(ctx, info, given).map((f) => f.gqlName);
  if (denied.length)
    throw new DomainError(ErrorCode.FORBIDDEN, `you may not set ${denied.join(', ')} on ${info.type.doc.label} records`, { fields: denied });
  return { fields, values: out };
}

/**
 * What must hold of a row for the actor to make this write: the operation's record rules and, for every field
 * given, its write rules (its read rules when it has none: see `fieldWriteAccess`). TRUE when nothing restricts it.
 */
function writeAllowed(ctx: CompileContext, info: TypeInfo, alias: SQL, op: 'create' | 'update' | 'delete', values: RecordValues): SQL {
  const parts: SQL[] = [];
  const record = recordAccess(ctx, info, alias, op);
  if (record) parts.push(record);
  for (const [, p] of fieldChecks(ctx, info, alias, values)) parts.push(p);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

function fieldChecks(ctx: CompileContext, info: TypeInfo, alias: SQL, values: RecordValues): [string, SQL][] {
  const out: [string, SQL][] = [];
  for (const key of Object.keys(values)) {
    const field = info.fields.get(key);
    const p = field ? fieldWriteAccess(ctx, info, field, alias) : null;
    if (p) out.push([key, p]);
  }
  return out;
}

/**
 * The first field given that the rules let the actor write on some records but not on this one, as its GraphQL
 * name; NULL when all may be written, or when the record rules refuse first (then no field is to blame).
 */
function forbiddenField(ctx: CompileContext, info: TypeInfo, alias: SQL, op: 'create' | 'update', values: RecordValues): SQL {
  const checks = fieldChecks(ctx, info, alias, values);
  if (!checks.length) return sql`NULL::text`;
  const record = recordAccess(ctx, info, alias, op);
  const whens = checks.map(([key, p]) => sql`WHEN NOT coalesce(${p}, FALSE) THEN ${key}::text`);
  return sql`CASE${record ? sql` WHEN NOT coalesce(${record}, FALSE) THEN NULL` : sql``} ${sql.join(whens, sql` `)} END`;
}

function eventInsert(info: TypeInfo, kind: 'created' | 'updated' | 'deleted', actor: string): SQL {
  // The row as this change left it: a subscriber delivered later must see this version, not whatever is current.
  return sql`INSERT INTO "atrium"."record_event" ("record_type", "record_id", "kind", "version", "actor", "snapshot") SELECT ${info.type.name}, w."id", ${kind}, w."sys_version", ${actor}, to_jsonb(w) FROM w`;
}

function selected(ctx: CompileContext, info: TypeInfo, tree: ResolveTree | undefined): SQL {
  const a = ctx.alias();
  return sql`(SELECT ${recordJson(ctx, info, a, selectionOf(tree, info.type.gqlName))} FROM w ${a} WHERE ${readableWhere(ctx, info, a)})`;
}

/**
 * The version before the write, shown only to an actor who may read the record; whether the change is refused,
 * and for which field.
 */
function previous(ctx: CompileContext, info: TypeInfo, id: number, allowed: (alias: SQL) => SQL, field: (alias: SQL) => SQL = () => sql`NULL::text`): SQL {
  const p = ctx.alias();
  return sql`SELECT CASE WHEN ${readableWhere(ctx, info, p)} THEN ${p}."sys_version" END AS "sys_version", (${readableWhere(ctx, info, p)}) AND NOT coalesce(${allowed(p)}, FALSE) AS forbidden, CASE WHEN ${readableWhere(ctx, info, p)} THEN ${field(p)} END AS forbidden_field FROM ${tableRef(info.type.name)} ${p} WHERE ${p}."id" = ${id}::bigint`;
}

export function createStatement(ctx: CompileContext, info: TypeInfo, values: RecordValues, writer: Writer, tree: ResolveTree | undefined): SQL {
  const { fields, values: params } = assignments(ctx, info, values, true);
  const actor = writer.userName;
  // Server-set values are not checked as hidden references: `me` is the writer's own record.
  const auto = autoAssignments(info, writer);
  const cols = [...[...fields, ...auto.fields].map((f) => sql`${sql.identifier(f.name)}`), sql`"sys_created_by"`, sql`"sys_updated_by"`];
  const vals = [...params, ...auto.values, sql`${actor}`, sql`${actor}`];
  if (info.type.numberPrefix) {
    cols.push(sql`"number"`);
    // Padded to seven digits and growing past them: lpad alone would cut INC10000000 back to INC1000000.
    vals.push(sql`(SELECT ${info.type.numberPrefix} || lpad(n::text, greatest(7, length(n::text)), '0') FROM (SELECT nextval(${sequenceName(info.type.name)}::regclass) AS n) seq)`);
  }
  // Create rules test the new record; when they refuse, the caller rolls the statement back (see `forbidden`).
  const c = ctx.alias();
  return sql`WITH chk AS (SELECT ${hiddenReference(ctx, info, fields, params)} AS hidden), w AS (INSERT INTO ${tableRef(info.type.name)} (${sql.join(cols, sql`, `)}) SELECT ${sql.join(vals, sql`, `)} FROM chk WHERE chk.hidden IS NULL RETURNING *), e AS (${eventInsert(info, 'created', actor)}), h AS (${historyInsert(info.type.name, info.type.activeFields, actor)}) SELECT ${selected(ctx, info, tree)} AS data, (SELECT "id" FROM w) AS id, NULL::int AS current_version, (SELECT NOT coalesce(${writeAllowed(ctx, info, c, 'create', values)}, FALSE) FROM w ${c}) AS forbidden, (SELECT ${forbiddenField(ctx, info, c, 'create', values)} FROM w ${c}) AS forbidden_field, (SELECT hidden FROM chk) AS hidden_reference`;
}

export function updateStatement(ctx: CompileContext, info: TypeInfo, id: number, version: number, patch: RecordValues, actor: string, tree: ResolveTree | undefined): SQL {
  const { fields, values } = assignments(ctx, info, patch, false);
  const sets = [
    ...fields.map((f, i) => sql`${sql.identifier(f.name)} = ${values[i]}`),
    sql`"sys_version" = t."sys_version" + 1`,
    sql`"sys_updated_at" = now()`,
    sql`"sys_updated_by" = ${actor}`,
  ];
  // `prev` reads the version before the statement, to tell a missing record from a stale version.
  const allowed = (a: SQL) => sql`${readableWhere(ctx, info, a)} AND ${writeAllowed(ctx, info, a, 'update', patch)}`;
  // `before_row` is the row as the statement's snapshot saw it, for the history's old values. Under READ COMMITTED the
  // UPDATE may wait for a concurrent writer and then re-check its WHERE against the row that writer committed;
  // since it requires the version the client sent, it changes a row only when that row is still at that version,
  // and a row at the sent version is exactly what the snapshot saw (a newer committed version would have failed
  // the check; an older one cannot have been sent, as the client read the sent version from a commit that
  // precedes this statement). So `before_row` is the row this update changed, and its history is exact.
  return sql`WITH before_row AS (SELECT * FROM ${tableRef(info.type.name)} WHERE "id" = ${id}::bigint), chk AS (SELECT ${hiddenReference(ctx, info, fields, values)} AS hidden), prev AS (${previous(ctx, info, id, (p) => writeAllowed(ctx, info, p, 'update', patch), (p) => forbiddenField(ctx, info, p, 'update', patch))}), w AS (UPDATE ${tableRef(info.type.name)} t SET ${sql.join(sets, sql`, `)} WHERE t."id" = ${id}::bigint AND t."sys_version" = ${version}::int AND ${allowed(sql`t`)} AND (SELECT hidden FROM chk) IS NULL RETURNING t.*), e AS (${eventInsert(info, 'updated', actor)}), h AS (${historyInsert(info.type.name, info.type.activeFields, actor, sql`before_row`)}) SELECT ${selected(ctx, info, tree)} AS data, (SELECT "id" FROM w) AS id, (SELECT "sys_version" FROM prev) AS current_version, (SELECT forbidden FROM prev) AS forbidden, (SELECT forbidden_field FROM prev) AS forbidden_field, (SELECT hidden FROM chk) AS hidden_reference`;
}

export function deleteStatement(ctx: CompileContext, info: TypeInfo, id: number, version: number | null, actor: string, tree: ResolveTree | undefined): SQL {
  const versionCheck = version === null ? sql`` : sql` AND t."sys_version" = ${version}::int`;
  const allowed = (a: SQL) => sql`${readableWhere(ctx, info, a)} AND ${writeAllowed(ctx, info, a, 'delete', {})}`;
  return sql`WITH ref AS (SELECT ${referencedBy(ctx, info, id)} AS by), prev AS (${previous(ctx, info, id, (p) => writeAllowed(ctx, info, p, 'delete', {}))}), w AS (DELETE FROM ${tableRef(info.type.name)} t WHERE t."id" = ${id}::bigint${versionCheck} AND ${allowed(sql`t`)} AND (SELECT by FROM ref) IS NULL RETURNING t.*), e AS (${eventInsert(info, 'deleted', actor)}) SELECT ${selected(ctx, info, tree)} AS data, (SELECT "id" FROM w) AS id, (SELECT "sys_version" FROM prev) AS current_version, (SELECT forbidden FROM prev) AS forbidden, NULL::text AS forbidden_field, NULL::text AS hidden_reference, (SELECT by FROM ref) AS referenced_by`;
}

/**
 * A reference to an abstract type (a journal entry's `record`, pointing at any task) has no foreign key — its
 * target is a view — so the delete checks it itself, as the key would: the first required such reference still
 * pointing at this record, as `type.field`; NULL when none does. (Optional ones are left pointing at nothing, and
 * read as null, as a hidden record does.)
 */
function referencedBy(ctx: CompileContext, info: TypeInfo, id: number): SQL {
  const family = new Set([info.type.name, ...info.type.ancestors]);
  const checks: SQL[] = [];
  for (const source of ctx.graph.byName.values()) {
    if (source.type.abstract) continue;
    for (const f of source.type.activeFields) {
      const target = f.type === 'reference' && f.required ? ctx.graph.byName.get(f.reference!) : undefined;
      if (!target?.type.abstract || !family.has(target.type.name)) continue;
      checks.push(sql`WHEN EXISTS (SELECT 1 FROM ${tableRef(source.type.name)} s WHERE s.${sql.identifier(f.name)} = ${id}::bigint) THEN ${`${source.type.name}.${f.name}`}::text`);
    }
  }
  return checks.length ? sql`CASE ${sql.join(checks, sql` `)} END` : sql`NULL::text`;
}

/** An event's snapshot as a row of the type's table, to select from (alias it). */
export function snapshotRow(info: TypeInfo, snapshot: unknown): SQL {
  return sql`jsonb_populate_record(NULL::${tableRef(info.type.name)}, ${JSON.stringify(snapshot)}::jsonb)`;
}

/** A record as one event left it (deleted: as it was), rebuilt from the event snapshot so subscribers can select its fields. */
export function snapshotRecordStatement(ctx: CompileContext, info: TypeInfo, snapshot: unknown, tree: ResolveTree | undefined): SQL {
  const a = ctx.alias();
  return sql`SELECT ${recordJson(ctx, info, a, selectionOf(tree, info.type.gqlName))} AS data FROM ${snapshotRow(info, snapshot)} ${a} WHERE ${readableWhere(ctx, info, a)}`;
}


/** The version of a record now, as the actor may see it (no row: gone, or hidden — the same answer). */
export function currentVersionStatement(ctx: CompileContext, info: TypeInfo, id: number): SQL {
  const p = ctx.alias();
  return sql`SELECT ${p}."sys_version" AS "sys_version" FROM ${tableRef(info.type.name)} ${p} WHERE ${p}."id" = ${id}::bigint AND ${readableWhere(ctx, info, p)}`;
}
