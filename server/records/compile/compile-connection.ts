import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { assertReadable, recordAccess } from './compile-access.js';
import { checkLength } from './check-filter.js';
import { compileFilter } from './compile-filter.js';
import { effectiveOrder, keysetPredicate, orderSignature, type OrderTerm } from './compile-order.js';
import { base64urlSql, gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { decodeCursor } from './cursor.js';
import { anyRecordJson } from './compile-record.js';
import type { ResolveTree } from './selection.js';

/** Records read under a parent: on each, reference `field` is the parent row `row`. */
export interface ParentLink {
  field: string;
  row: SQL;
}

export interface ConnectionArgs {
  filter?: Record<string, unknown> | null;
  orderBy?: OrderTerm[] | null;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * A whole Relay connection as one JSON value, in the exact shape of the response: edges, nodes, pageInfo and
 * totalCount under their aliases. Rows are read by keyset, one more than the page to learn whether another page
 * exists; totalCount is counted only when selected. Cursors are made in SQL (base64url of the order key JSON)
 * and read back by `decodeCursor`.
 */
export function connectionJson(ctx: CompileContext, info: TypeInfo, tree: ResolveTree, scope?: (alias: SQL) => SQL, parent?: ParentLink): SQL {
  const args = tree.args as ConnectionArgs;
  const gql = info.type.gqlName;
  const fields = Object.values(tree.fieldsByTypeName[`${gql}Connection`] ?? {});
  const { limit, backward } = pageSize(ctx, args);
  if (args.orderBy) checkLength(args.orderBy, ctx.inputLimits, 'orderBy');
  const terms = effectiveOrder(args.orderBy);
  const signature = orderSignature(terms);
  const alias = ctx.alias();
  if (parent) ctx.bindReference(alias, parent.field, parent.row);
  for (const t of terms) {
    const field = info.type.activeFields.find((f) => f.name === t.column);
    if (field) assertReadable(ctx, info, field, 'sort');
  }
  const where: SQL[] = [compileFilter(ctx, info, alias, args.filter)];
  if (scope) where.push(scope(alias));
  const readable = recordAccess(ctx, info, alias);
  if (readable) where.push(readable);
  if (args.after) where.push(keysetPredicate(alias, terms, decodeCursor(args.after, terms), false));
  if (args.before) where.push(keysetPredicate(alias, terms, decodeCursor(args.before, terms), true));

  // Only page info needs the extra row (is there more?) and the numbering that sets it apart.
  const wantsPageInfo = fields.some((f) => f.name === 'pageInfo');
  const s = ctx.alias();
  const nodeColumns: SQL[] = [];
  const nodeColumn = (nodeTree: ResolveTree): SQL => {
    nodeColumns.push(sql`${anyRecordJson(ctx, info, alias, nodeTree)} AS ${sql.raw(`j${nodeColumns.length}`)}`);
    return sql`${s}.${sql.raw(`j${nodeColumns.length - 1}`)}`;
  };
  const inPage = wantsPageInfo ? sql` FILTER (WHERE ${s}.rn <= ${sql.raw(String(limit))})` : sql``;
  const pageOrder = directions(s, terms, false, (_, i) => sql.raw(`o${i}`));
  const rowCount = sql`count(*)`;
  let wantsCursor = false;
  let wantsRows = false;
  const pairs: [string, SQL][] = [];
  for (const f of fields) {
    if (f.name === '__typename') pairs.push([f.alias, gqlNameLiteral(`${gql}Connection`)]);
    else if (f.name === 'totalCount') {
      const c = ctx.alias();
      if (parent) ctx.bindReference(c, parent.field, parent.row);
      const countWhere: SQL[] = [compileFilter(ctx, info, c, args.filter)];
      if (scope) countWhere.push(scope(c));
      const countReadable = recordAccess(ctx, info, c);
      if (countReadable) countWhere.push(countReadable);
      pairs.push([f.alias, sql`(SELECT count(*)::int FROM ${tableRef(info.type.name)} ${c} WHERE ${sql.join(countWhere, sql` AND `)})`]);
    } else if (f.name === 'nodes') {
      wantsRows = true;
      pairs.push([f.alias, sql`coalesce(json_agg(${nodeColumn(f)} ORDER BY ${pageOrder})${inPage}, '[]'::json)`]);
    } else if (f.name === 'edges') {
      wantsRows = true;
      const edgePairs: [string, SQL][] = [];
      for (const e of Object.values(f.fieldsByTypeName[`${gql}Edge`] ?? {})) {
        if (e.name === '__typename') edgePairs.push([e.alias, gqlNameLiteral(`${gql}Edge`)]);
        else if (e.name === 'cursor') {
          wantsCursor = true;
          edgePairs.push([e.alias, sql`${s}.c`]);
        } else if (e.name === 'node') edgePairs.push([e.alias, nodeColumn(e)]);
      }
      pairs.push([f.alias, sql`coalesce(json_agg(${jsonObject(edgePairs)} ORDER BY ${pageOrder})${inPage}, '[]'::json)`]);
    } else if (f.name === 'pageInfo') {
      wantsRows = true;
      const more = sql`(${rowCount} > ${sql.raw(String(limit))})`;
      const infoPairs: [string, SQL][] = [];
      for (const p of Object.values(f.fieldsByTypeName.PageInfo ?? {})) {
        if (p.name === '__typename') infoPairs.push([p.alias, gqlNameLiteral('PageInfo')]);
        else if (p.name === 'hasNextPage') infoPairs.push([p.alias, backward ? sql.raw(args.before ? 'true' : 'false') : more]);
        else if (p.name === 'hasPreviousPage') infoPairs.push([p.alias, backward ? more : sql.raw(args.after ? 'true' : 'false')]);
        else if (p.name === 'startCursor' || p.name === 'endCursor') {
          wantsCursor = true;
          const index = p.name === 'startCursor' ? sql`1` : sql`least(${rowCount}, ${sql.raw(String(limit))})`;
          infoPairs.push([p.alias, sql`(array_agg(${s}.c ORDER BY ${pageOrder})${inPage})[${index}]`]);
        }
      }
      pairs.push([f.alias, jsonObject(infoPairs)]);
    }
  }
  if (!wantsRows) return jsonObject(pairs);

  const cursor = wantsCursor
    ? [sql`${base64urlSql(sql`json_build_array(${signature}::text, ${sql.join(terms.map((t) => sql`${alias}.${sql.identifier(t.column)}`), sql`, `)})::text`)} AS c`]
    : [];
  const orderCols = terms.map((t, i) => sql`${alias}.${sql.identifier(t.column)} AS ${sql.raw(`o${i}`)}`);
  const fetchLimit = wantsPageInfo ? limit + 1 : limit;
  const fetch = sql`SELECT ${sql.join([...nodeColumns, ...cursor, ...orderCols], sql`, `)} FROM ${tableRef(info.type.name)} ${alias} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${directions(alias, terms, backward, (t) => sql`${sql.identifier(t.column)}`)} LIMIT ${sql.raw(String(fetchLimit))}`;
  if (!wantsPageInfo) return sql`(SELECT ${jsonObject(pairs)} FROM (${fetch}) ${s})`;
  // Numbered in fetch order over at most limit + 1 rows; the extra row only tells whether there is more.
  const x = ctx.alias();
  const numbered = sql`SELECT ${x}.*, row_number() OVER (ORDER BY ${directions(x, terms, backward, (_, i) => sql.raw(`o${i}`))}) AS rn FROM (${fetch}) ${x}`;
  return sql`(SELECT ${jsonObject(pairs)} FROM (${numbered}) ${s})`;
}

function directions(alias: SQL, terms: OrderTerm[], reverse: boolean, column: (t: OrderTerm, i: number) => SQL): SQL {
  return sql.join(
    terms.map((t, i) => sql`${alias}.${column(t, i)} ${sql.raw(t.desc !== reverse ? 'DESC NULLS FIRST' : 'ASC NULLS LAST')}`),
    sql`, `,
  );
}

function pageSize(ctx: CompileContext, args: ConnectionArgs): { limit: number; backward: boolean } {
  const { maxPageSize, defaultPageSize } = ctx.limits;
  if (args.first != null && args.last != null) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'pass either first or last, not both');
  const n = args.first ?? args.last ?? defaultPageSize;
  if (!Number.isInteger(n) || n < 0 || n > maxPageSize)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${args.last != null ? 'last' : 'first'} must be between 0 and ${maxPageSize}; page through larger results with cursors`);
  return { limit: n, backward: args.last != null };
}
