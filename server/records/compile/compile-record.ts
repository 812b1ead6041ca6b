import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import { nameLiteral, tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { fieldAccess, readableWhere } from './compile-access.js';
import { connectionJson } from './compile-connection.js';
import { HISTORY_FIELD, historyJson } from './compile-history.js';
import { hasSlas, SLAS_FIELD, slasJson } from './compile-slas.js';
import { globalIdSql, gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { AVAILABLE_TRANSITIONS, availableTransitionsJson } from './compile-transitions.js';
import { selectionOf, type ResolveTree, type Selection } from './selection.js';
import { SYSTEM_FIELDS, systemValue } from './system-fields.js';

/** Key under which polymorphic positions carry the record type name, read by `resolveType`. */
export const TYPE_KEY = '__rt';


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
    if (SYSTEM_FIELDS[name]) {
      pairs.push([key, systemValue(ctx, alias, name)]);
      continue;
    }
    if (name === 'displayValue') {
      const df = info.type.displayField ? info.type.activeFields.find((f) => f.name === info.type.displayField) : undefined;
      pairs.push([key, df ? guarded(ctx, info, df, alias, sql`${alias}.${sql.identifier(df.name)}::text`) : info.type.numberPrefix ? sql`${alias}."number"` : sql`NULL::text`]);
      continue;
    }
    const field = info.fields.get(name);
    if (field) {
      pairs.push([key, guarded(ctx, info, field, alias, fieldJson(ctx, field, alias, tree))]);
      continue;
    }
    const reverse = info.reverse.get(name);
    if (reverse) {
      const source = ctx.graph.byName.get(reverse.source.name)!;
      // The records pointing here, among those the actor may see, by a field the actor may read.
      pairs.push([
        key,
        connectionJson(ctx, source, tree, (r) => {
          const link = sql`${r}.${sql.identifier(reverse.field.name)} = ${alias}."id"`;
          const readable = fieldAccess(ctx, source, reverse.field, r);
          return readable ? sql`${link} AND ${readable}` : link;
        }, { field: reverse.field.name, row: alias }),
      ]);
      continue;
    }
    if (name === AVAILABLE_TRANSITIONS && info.type.stateModel) {
      pairs.push([key, availableTransitionsJson(ctx, info, alias, tree)]);
      continue;
    }
    if (name === HISTORY_FIELD && !info.type.abstract) {
      pairs.push([key, historyJson(ctx, info, alias, tree)]);
      continue;
    }
    if (name === SLAS_FIELD && hasSlas(info)) {
      pairs.push([key, slasJson(ctx, info, alias)]);
      continue;
    }
    throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName} has no field "${name}"`);
  }
  return jsonObject([...pairs, ...extra]);
}

/** A field's value where a field rule lets the actor read it, else null. */
function guarded(ctx: CompileContext, info: TypeInfo, field: ModelField, alias: SQL, value: SQL): SQL {
  const readable = fieldAccess(ctx, info, field, alias);
  return readable ? sql`CASE WHEN ${readable} THEN ${value} END` : value;
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
  return sql`(SELECT ${anyRecordJson(ctx, target, r, tree)} FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${column} AND ${readableWhere(ctx, target, r)})`;
}

/**
 * JSON of a record at a position typed by `info`, which may be abstract (an interface over a view). When the
 * selection only asks for the interface's own fields the view row suffices; otherwise each concrete type's
 * fragment is read from its own table by id.
 */
export function anyRecordJson(ctx: CompileContext, info: TypeInfo, alias: SQL, tree: ResolveTree, extra: [string, SQL][] = []): SQL {
  if (!info.type.abstract) return recordJson(ctx, info, alias, selectionOf(tree, info.type.gqlName), extra);
  const typed: [string, SQL][] = ctx.mode === 'resolve' ? [...extra, [TYPE_KEY, sql`${alias}."typename"`]] : extra;
  const concretes = info.type.concreteTypes.map((name) => ctx.graph.byName.get(name)!);
  if (!concretes.length) return sql`NULL::json`;
  const selections = concretes.map((c) => selectionOf(tree, c.type.gqlName));
  const first = JSON.stringify([...selections[0]]);
  const shared = selections.every((s) => JSON.stringify([...s]) === first) && [...selections[0].values()].every((f) => definedOn(info, f.name));
  if (shared) {
    // Every kind is asked the same interface fields: the view's row has them all.
    const cases = concretes.map((c) => sql`WHEN ${nameLiteral(c.type.name)} THEN ${gqlNameLiteral(c.type.gqlName)}`);
    return recordJson(ctx, info, alias, selections[0], typed, sql`(CASE ${alias}."typename" ${sql.join(cases, sql` `)} END)`);
  }
  const branches = concretes.map((concrete, i) => {
    const c = ctx.alias();
    const json = recordJson(ctx, concrete, c, selections[i], typed);
    return sql`WHEN ${nameLiteral(concrete.type.name)} THEN (SELECT ${json} FROM ${tableRef(concrete.type.name)} ${c} WHERE ${c}."id" = ${alias}."id")`;
  });
  return sql`(CASE ${alias}."typename" ${sql.join(branches, sql` `)} END)`;
}

function definedOn(info: TypeInfo, name: string): boolean {
  return name === '__typename' || name === 'id' || name === 'displayValue' || name in SYSTEM_FIELDS || info.fields.has(name) || info.reverse.has(name);
}
