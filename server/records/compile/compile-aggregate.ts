import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import { tableRef } from '../../ddl/index.js';
import type { TypeInfo } from '../record-info.js';
import { gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { assertReadable, readableWhere, visibleReference } from './compile-access.js';
import { compileFilter } from './compile-filter.js';
import { anyRecordJson } from './compile-record.js';
import type { ResolveTree } from './selection.js';

/**
 * `{ count, groups: [{ count, key: { … } }] }` in one statement. A key field that is a reference resolves to
 * the referenced record with its own selection; key fields not grouped by come back null.
 */
export function aggregateJson(ctx: CompileContext, info: TypeInfo, tree: ResolveTree): SQL {
  const args = tree.args as { filter?: Record<string, unknown> | null; groupBy?: ModelField[] | null };
  const gql = info.type.gqlName;
  const fields = Object.values(tree.fieldsByTypeName[`${gql}Aggregate`] ?? {});
  const pairs: [string, SQL][] = [];
  for (const f of fields) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(`${gql}Aggregate`)]);
    else if (f.name === 'count') {
      const a = ctx.alias();
      pairs.push([f.alias, sql`(SELECT count(*)::int FROM ${tableRef(info.type.name)} ${a} WHERE ${compileFilter(ctx, info, a, args.filter)} AND ${readableWhere(ctx, info, a)})`]);
    } else if (f.name === 'groups') {
      pairs.push([f.alias, groupsJson(ctx, info, f, args.groupBy ?? [], args.filter)]);
    }
  }
  return jsonObject(pairs);
}

function groupsJson(ctx: CompileContext, info: TypeInfo, tree: ResolveTree, groupBy: ModelField[], filter: Record<string, unknown> | null | undefined): SQL {
  const gql = info.type.gqlName;
  const a = ctx.alias();
  const g = ctx.alias();
  const keys = groupBy.filter((f, i) => groupBy.findIndex((x) => x.id === f.id) === i);
  for (const k of keys) assertReadable(ctx, info, k, 'group');
  const groupFields = Object.values(tree.fieldsByTypeName[`${gql}AggregateGroup`] ?? {});
  const pairs: [string, SQL][] = [];
  for (const f of groupFields) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(`${gql}AggregateGroup`)]);
    if (f.name === 'count') pairs.push([f.alias, sql`${g}.n`]);
    if (f.name === 'key') {
      const keyPairs: [string, SQL][] = [];
      for (const k of Object.values(f.fieldsByTypeName[`${gql}AggregateKey`] ?? {})) {
        if (k.name === '__typename') {
          keyPairs.push([k.alias, gqlNameLiteral(`${gql}AggregateKey`)]);
          continue;
        }
        const i = keys.findIndex((x) => x.gqlName === k.name);
        if (i < 0) {
          keyPairs.push([k.alias, sql`NULL::json`]);
          continue;
        }
        const col = sql.raw(`k${i}`);
        const field = keys[i];
        if (field.type === 'reference') {
          const target = ctx.graph.byName.get(field.reference!)!;
          const r = ctx.alias();
          keyPairs.push([k.alias, sql`(SELECT ${anyRecordJson(ctx, target, r, k)} FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${g}.${col} AND ${readableWhere(ctx, target, r)})`]);
        } else if (field.type === 'choice') keyPairs.push([k.alias, sql`upper(${g}.${col})`]);
        else keyPairs.push([k.alias, sql`${g}.${col}`]);
      }
      pairs.push([f.alias, jsonObject(keyPairs)]);
    }
  }
  // A reference groups by what the actor sees of it: hidden targets fall together under null.
  const keyCols = keys.map((k, i) => {
    const column = sql`${a}.${sql.identifier(k.name)}`;
    const target = k.type === 'reference' ? ctx.graph.byName.get(k.reference!) : undefined;
    return sql`${target ? visibleReference(ctx, target, column) : column} AS ${sql.raw(`k${i}`)}`;
  });
  const select = sql.join([...keyCols, sql`count(*)::int AS n`], sql`, `);
  const groupClause = keys.length ? sql` GROUP BY ${sql.join(keys.map((_, i) => sql.raw(String(i + 1))), sql`, `)}` : sql``;
  const order = sql.join([sql`${g}.n DESC`, ...keys.map((_, i) => sql`${g}.${sql.raw(`k${i}`)} ASC NULLS LAST`)], sql`, `);
  const inner = sql`SELECT ${select} FROM ${tableRef(info.type.name)} ${a} WHERE ${compileFilter(ctx, info, a, filter)} AND ${readableWhere(ctx, info, a)}${groupClause}`;
  return sql`(SELECT coalesce(json_agg(${jsonObject(pairs)} ORDER BY ${order}), '[]'::json) FROM (${inner}) ${g})`;
}
