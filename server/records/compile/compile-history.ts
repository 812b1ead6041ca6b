import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { fieldAccess, recordAccess, visibleUserName } from './compile-access.js';
import { base64urlSql, gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import type { ResolveTree } from './selection.js';

/** The field every concrete record type shows its field history under. */
export const HISTORY_FIELD = 'history';

export interface HistoryArgs {
  first?: number | null;
  after?: string | null;
  /** A GraphQL field name: only that field's changes. */
  field?: string | null;
}

const CURSOR_PREFIX = 'history:';

/**
 * The field history of the record row `alias` as one JSON connection (nodes, pageInfo, totalCount), oldest change
 * first. The record is readable (it is in the response); an entry shows only where the actor may also read its
 * field on this record (its field read rules, against the record as it is now), and a reference value only where
 * the actor may read the record it names. Changes of fields that no longer exist are shown to admins only: their
 * rules are gone with them.
 */
export function historyJson(ctx: CompileContext, info: TypeInfo, alias: SQL, tree: ResolveTree): SQL {
  const args = tree.args as HistoryArgs;
  const limit = args.first ?? ctx.limits.defaultPageSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > ctx.limits.maxPageSize)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${ctx.limits.maxPageSize}; page through longer histories with cursors`);
  const h = ctx.alias();
  const where: SQL[] = [sql`${h}."record_id" = ${alias}."id"`, visibleEntry(ctx, info, alias, h)];
  if (args.field != null) {
    const field = info.fields.get(args.field);
    if (!field) throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName} has no field "${args.field}" to show the history of`, { field: args.field });
    where.push(sql`${h}."field_id" = ${field.id}`);
  }
  const countWhere = [...where];
  if (args.after) where.push(sql`${h}."id" > ${decodeHistoryCursor(args.after)}::bigint`);

  const fields = Object.values(tree.fieldsByTypeName.RecordHistoryConnection ?? {});
  const s = ctx.alias();
  const pairs: [string, SQL][] = [];
  let rows = false;
  for (const f of fields) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral('RecordHistoryConnection')]);
    else if (f.name === 'totalCount') pairs.push([f.alias, sql`(SELECT count(*)::int FROM "atrium"."record_history" ${h} WHERE ${sql.join(countWhere, sql` AND `)})`]);
    else if (f.name === 'nodes') {
      rows = true;
      const node = entryJson(ctx, info, Object.values(f.fieldsByTypeName.RecordHistoryEntry ?? {}), s);
      pairs.push([f.alias, sql`coalesce(json_agg(${node} ORDER BY ${s}."id") FILTER (WHERE ${s}.rn <= ${sql.raw(String(limit))}), '[]'::json)`]);
    } else if (f.name === 'pageInfo') {
      rows = true;
      const info: [string, SQL][] = [];
      for (const p of Object.values(f.fieldsByTypeName.PageInfo ?? {})) {
        if (p.name === '__typename') info.push([p.alias, gqlNameLiteral('PageInfo')]);
        else if (p.name === 'hasNextPage') info.push([p.alias, sql`(count(*) > ${sql.raw(String(limit))})`]);
        else if (p.name === 'hasPreviousPage') info.push([p.alias, sql.raw(args.after ? 'true' : 'false')]);
        else if (p.name === 'startCursor' || p.name === 'endCursor') {
          const at = p.name === 'startCursor' ? sql`min(${s}."id")` : sql`max(${s}."id")`;
          info.push([p.alias, sql`${base64urlSql(sql`${CURSOR_PREFIX} || (${at} FILTER (WHERE ${s}.rn <= ${sql.raw(String(limit))}))::text`)}`]);
        }
      }
      pairs.push([f.alias, jsonObject(info)]);
    }
  }
  if (!rows) return jsonObject(pairs);
  const p = ctx.alias();
  const page = sql`SELECT ${p}.*, row_number() OVER (ORDER BY ${p}."id") AS rn FROM (SELECT ${h}.* FROM "atrium"."record_history" ${h} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${h}."id" LIMIT ${sql.raw(String(limit + 1))}) ${p}`;
  return sql`(SELECT ${jsonObject(pairs)} FROM (${page}) ${s})`;
}

/** Whether the history row `h` of the record `alias` may be shown: its field readable on this record. */
function visibleEntry(ctx: CompileContext, info: TypeInfo, alias: SQL, h: SQL): SQL {
  if (ctx.scope.unrestricted) return sql`TRUE`;
  const open: SQL[] = [];
  const guarded: SQL[] = [];
  for (const field of info.type.activeFields) {
    const readable = fieldAccess(ctx, info, field, alias);
    if (readable === null) open.push(sql`${field.id}`);
    else guarded.push(sql`WHEN ${field.id} THEN coalesce(${readable}, FALSE)`);
  }
  const inOpen = open.length ? sql`${h}."field_id" IN (${sql.join(open, sql`, `)})` : sql`FALSE`;
  return guarded.length ? sql`(${inOpen} OR CASE ${h}."field_id" ${sql.join(guarded, sql` `)} ELSE FALSE END)` : inOpen;
}

/** One entry's JSON; `s` is the row of the page. */
function entryJson(ctx: CompileContext, info: TypeInfo, selected: ResolveTree[], s: SQL): SQL {
  const pairs: [string, SQL][] = [];
  for (const f of selected) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral('RecordHistoryEntry')]);
    else if (f.name === 'field') pairs.push([f.alias, currentName(info, s)]);
    else if (f.name === 'fieldName') pairs.push([f.alias, sql`${s}."field_name"`]);
    else if (f.name === 'version') pairs.push([f.alias, sql`${s}."version"`]);
    else if (f.name === 'changedAt') pairs.push([f.alias, sql`${s}."changed_at"`]);
    else if (f.name === 'changedBy') pairs.push([f.alias, visibleUserName(ctx, sql`${s}."actor"`)]);
    else if (f.name === 'oldValue') pairs.push([f.alias, visibleValue(ctx, info, s, sql`${s}."old_value"`)]);
    else if (f.name === 'newValue') pairs.push([f.alias, visibleValue(ctx, info, s, sql`${s}."new_value"`)]);
  }
  return jsonObject(pairs);
}

/** The field's GraphQL name now (it survives renames: history keeps the field id), else its name then. */
function currentName(info: TypeInfo, s: SQL): SQL {
  const whens = info.type.activeFields.map((f) => sql`WHEN ${f.id} THEN ${gqlNameLiteral(f.gqlName)}`);
  return whens.length ? sql`(CASE ${s}."field_id" ${sql.join(whens, sql` `)} ELSE ${s}."field_name" END)` : sql`${s}."field_name"`;
}

/** A stored value; a reference only where the actor may read the record it names, like the reference itself. */
function visibleValue(ctx: CompileContext, info: TypeInfo, s: SQL, value: SQL): SQL {
  const whens: SQL[] = [];
  for (const field of info.type.activeFields) {
    const target = field.type === 'reference' ? ctx.graph.byName.get(field.reference!) : undefined;
    if (!target) continue;
    const r = ctx.alias();
    const readable = recordAccess(ctx, target, r);
    if (!readable) continue;
    whens.push(sql`WHEN ${field.id} THEN (SELECT ${value} FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = (${value} #>> '{}')::bigint AND ${readable})`);
  }
  return whens.length ? sql`(CASE ${s}."field_id" ${sql.join(whens, sql` `)} ELSE ${value} END)` : value;
}

function decodeHistoryCursor(cursor: string): string {
  let text: string;
  try {
    text = Buffer.from(cursor, 'base64url').toString('utf8');
  } catch {
    text = '';
  }
  const id = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,18}$/.test(id)) throw new DomainError(ErrorCode.INVALID_CURSOR, 'the cursor is not one this history gave out; start again without `after`');
  return id;
}
