import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../../schema/index.js';
import { nameLiteral, tableRef } from '../../../ddl/index.js';
import { DomainError, ErrorCode } from '../../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { connectionJson } from './compile-connection.js';
import { globalIdSql, gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { selectionFor, type ResolveTree, type Selection } from './selection.js';

/** Key under which polymorphic positions carry the record type name, read by `resolveType`. */
export const TYPE_KEY = '__rt';

const SYSTEM_COLUMNS: Record<string, string> = {
  number: 'number',
  version: 'sys_version',
  createdAt: 'sys_created_at',
  updatedAt: 'sys_updated_at',
  createdBy: 'sys_created_by',
  updatedBy: 'sys_updated_by',
};

/** GraphQL type names whose selections apply to a record of this type: itself, its ancestors, Node. */
export function typeNamesOf(ctx: CompileContext, info: TypeInfo): string[] {
  return [info.type.gqlName, ...info.type.ancestors.map((a) => ctx.graph.byName.get(a)!.type.gqlName), 'Node'];
}

/**
 * The JSON object of one record, exactly as the GraphQL response shows it: a key per selected response key,
 * global ids, enum values, nested references and connections inlined. `typename` is the SQL of the concrete
 * GraphQL type name (a literal, or a CASE over a view's rows).
 */
export function recordJson(ctx: CompileContext, info: TypeInfo, alias: SQL, selection: Selection, extra: [string, SQL][] = [], typename?: SQL): SQL {
  const typeSql = typename ?? gqlNameLiteral(info.type.gqlName);
  const pairs: [string, SQL][] = [];
  for (const [key, tree] of selection) {
    const name = tree.name;
    if (name === '__typename') {
      pairs.push([key, typeSql]);
      continue;
    }
    if (name === 'id') {
      pairs.push([key, globalIdSql(typeSql, sql`${alias}."id"`)]);
      continue;
    }
    const system = SYSTEM_COLUMNS[name];
    if (system) {
      pairs.push([key, sql`${alias}.${sql.identifier(system)}`]);
      continue;
    }
    if (name === 'displayValue') {
      const df = info.type.displayField ? info.type.activeFields.find((f) => f.name === info.type.displayField) : undefined;
      pairs.push([key, df ? sql`${alias}.${sql.identifier(df.name)}::text` : info.type.numberPrefix ? sql`${alias}."number"` : sql`NULL::text`]);
      continue;
    }
    const field = info.fields.get(name);
    if (field) {
      pairs.push([key, fieldJson(ctx, field, alias, tree)]);
      continue;
    }
    const reverse = info.reverse.get(name);
    if (reverse) {
      const source = ctx.graph.byName.get(reverse.source.name)!;
      pairs.push([key, connectionJson(ctx, source, tree, (r) => sql`${r}.${sql.identifier(reverse.field.name)} = ${alias}."id"`)]);
      continue;
    }
    throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName} has no field "${name}"`);
  }
  return jsonObject([...pairs, ...extra]);
}

function fieldJson(ctx: CompileContext, field: ModelField, alias: SQL, tree: ResolveTree): SQL {
  const column = sql`${alias}.${sql.identifier(field.name)}`;
  if (field.type === 'decimal') return sql`${column}::text`;
  // Choice values are stored in lower case and shown as enum values in upper case (both validated names).
  if (field.type === 'choice') return sql`upper(${column})`;
  if (field.type === 'multi_choice')
    return sql`CASE WHEN ${column} IS NULL THEN NULL ELSE coalesce((SELECT json_agg(upper(u.v) ORDER BY u.o) FROM unnest(${column}) WITH ORDINALITY u(v, o)), '[]'::json) END`;
  if (field.type !== 'reference') return column;
  const target = ctx.graph.byName.get(field.reference!);
  if (!target) return sql`NULL::json`;
  const r = ctx.alias();
  // A correlated subquery per to-one reference: an index lookup per row, cheaper than joining whole tables.
  return sql`(SELECT ${anyRecordJson(ctx, target, r, tree)} FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${column})`;
}

/**
 * JSON of a record at a position typed by `info`, which may be abstract (an interface over a view). When the
 * selection only asks for the interface's own fields the view row suffices; otherwise each concrete type's
 * fragment is read from its own table by id.
 */
export function anyRecordJson(ctx: CompileContext, info: TypeInfo, alias: SQL, tree: ResolveTree, extra: [string, SQL][] = []): SQL {
  if (!info.type.abstract) return recordJson(ctx, info, alias, selectionFor(tree, typeNamesOf(ctx, info)), extra);
  const own = new Set(typeNamesOf(ctx, info));
  const typed: [string, SQL][] = ctx.mode === 'resolve' ? [...extra, [TYPE_KEY, sql`${alias}."typename"`]] : extra;
  if (Object.keys(tree.fieldsByTypeName).every((n) => own.has(n))) {
    const cases = info.type.concreteTypes.map((name) => sql`WHEN ${nameLiteral(name)} THEN ${gqlNameLiteral(ctx.graph.byName.get(name)!.type.gqlName)}`);
    const typename = cases.length ? sql`(CASE ${alias}."typename" ${sql.join(cases, sql` `)} END)` : sql`NULL::text`;
    return recordJson(ctx, info, alias, selectionFor(tree, [...own]), typed, typename);
  }
  const branches = info.type.concreteTypes.map((name) => {
    const concrete = ctx.graph.byName.get(name)!;
    const c = ctx.alias();
    const json = recordJson(ctx, concrete, c, selectionFor(tree, typeNamesOf(ctx, concrete)), typed);
    return sql`WHEN ${nameLiteral(name)} THEN (SELECT ${json} FROM ${tableRef(name)} ${c} WHERE ${c}."id" = ${alias}."id")`;
  });
  if (!branches.length) return sql`NULL::json`;
  return sql`(CASE ${alias}."typename" ${sql.join(branches, sql` `)} END)`;
}
