import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { fieldAccess, readableWhere, recordAccess } from './compile-access.js';
import { connectionJson } from './compile-connection.js';
import { gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { anyRecordJson } from './compile-record.js';
import { recordIdOf } from './field-value.js';
import { CLOSED_STATES, type ImpactModel } from './impact-model.js';
import type { ResolveTree } from './selection.js';

/** How far the walk goes at most: deep enough for any real service map, small enough to bound the work. */
export const MAX_IMPACT_DEPTH = 50;

/**
 * What a failure of one item impacts: the item (depth 0) and every item that needs it, directly or through
 * others, each once at the length of its shortest path, ordered by depth then display value — as one JSON
 * array, in ONE statement.
 *
 * The walk goes from a child to the parents of its relationships of an impact kind (see `ImpactModel`), with a
 * recursive CTE over (item, depth) pairs: UNION drops a pair already found, and the depth bound ends every
 * cycle, so the work is at most depth × relationships whatever the graph's shape (a path array would visit every
 * simple path, which grows exponentially on dense graphs); `min(depth)` then keeps each item once.
 *
 * Access, all in SQL: the start item must be readable (else the answer is empty, as for an id that does not
 * exist); a step follows only a relationship the reader may read (with its parent, child and type fields) to a
 * parent the reader may read. So a hidden item is not shown, and neither is anything reachable only through it:
 * the walk stops where the reader's view of the CMDB stops, and shows no gap that would betray it. Each item's
 * open incidents are a connection under the incident rules (and the incident's item and state fields rules).
 *
 * `typeName` is the GraphQL object type of one entry (fields `depth`, `item`, `openIncidents`).
 */
export function compileImpact(ctx: CompileContext, model: ImpactModel, tree: ResolveTree, typeName: string): SQL {
  const { item, relationship } = model;
  const id = recordIdOf(ctx.graph, String(tree.args.id), item.type.name, 'id');
  const depth = tree.args.depth ?? 10;
  if (!Number.isInteger(depth) || (depth as number) < 0 || (depth as number) > MAX_IMPACT_DEPTH)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `depth must be a whole number between 0 and ${MAX_IMPACT_DEPTH}`, { depth });

  const start = ctx.alias();
  const w = ctx.alias();
  const r = ctx.alias();
  const p = ctx.alias();
  const col = (alias: SQL, name: string) => sql`${alias}.${sql.identifier(name)}`;
  const edge: SQL[] = [sql`${col(r, model.child.name)} = ${w}.id`, sql`${w}.depth < ${depth}::int`, sql`${col(r, model.kind.name)} IN (${sql.join(model.kinds.map((k) => sql`${k}`), sql`, `)})`];
  for (const rule of [recordAccess(ctx, relationship, r), ...[model.parent, model.child, model.kind].map((f) => fieldAccess(ctx, relationship, f, r))]) if (rule) edge.push(rule);
  const walk = sql`WITH RECURSIVE walk(id, depth) AS (
    SELECT ${start}."id", 0 FROM ${tableRef(item.type.name)} ${start} WHERE ${start}."id" = ${id}::bigint AND ${readableWhere(ctx, item, start)}
    UNION
    SELECT ${p}."id", ${w}.depth + 1 FROM walk ${w}
      JOIN ${tableRef(relationship.type.name)} ${r} ON ${sql.join(edge, sql` AND `)}
      JOIN ${tableRef(item.type.name)} ${p} ON ${p}."id" = ${col(r, model.parent.name)} AND ${readableWhere(ctx, item, p)})
  SELECT id, min(depth) AS depth FROM walk GROUP BY id`;

  const found = ctx.alias();
  const c = ctx.alias();
  const pairs: [string, SQL][] = [];
  for (const f of Object.values(tree.fieldsByTypeName[typeName] ?? {})) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(typeName)]);
    else if (f.name === 'depth') pairs.push([f.alias, sql`${found}.depth`]);
    else if (f.name === 'item') pairs.push([f.alias, anyRecordJson(ctx, item, c, f)]);
    else if (f.name === 'openIncidents' && model.incidents) pairs.push([f.alias, openIncidents(ctx, model.incidents, c, f)]);
    else throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${typeName} has no field "${f.name}"`);
  }
  const display = item.type.displayField ? sql`${col(c, item.type.displayField)}, ` : sql``;
  return sql`SELECT coalesce(json_agg(${jsonObject(pairs)} ORDER BY ${found}.depth, ${display}${c}."id"), '[]'::json) AS data
    FROM (${walk}) ${found} JOIN ${tableRef(item.type.name)} ${c} ON ${c}."id" = ${found}.id`;
}

/** The incidents on item row `c` that are still open, as a connection the reader pages, filters and sorts. */
function openIncidents(ctx: CompileContext, incidents: NonNullable<ImpactModel['incidents']>, c: SQL, tree: ResolveTree): SQL {
  const { info, link, state } = incidents;
  return connectionJson(
    ctx,
    info,
    tree,
    (i) => {
      const terms = [sql`${i}.${sql.identifier(link.name)} = ${c}."id"`, sql`${i}.${sql.identifier(state.name)} NOT IN (${sql.join(CLOSED_STATES.map((s) => sql`${s}`), sql`, `)})`];
      // Matching on a field the reader may not read on this incident would reveal it.
      for (const f of [link, state]) {
        const readable = fieldAccess(ctx, info, f, i);
        if (readable) terms.push(readable);
      }
      return sql.join(terms, sql` AND `);
    },
    { field: link.name, row: c },
  );
}
