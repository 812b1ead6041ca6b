import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import { DomainError, ErrorCode } from '../../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { compileFilter } from './compile-filter.js';
import { effectiveOrder, keysetPredicate, orderSignature, type OrderTerm } from './compile-order.js';
import { jsonObject, type CompileContext } from './compile-context.js';
import { decodeCursor } from './cursor.js';
import { anyRecordJson } from './compile-record.js';
import type { ResolveTree } from './selection.js';

/** Key of a connection row that holds its order key, from which the edge's cursor is made. */
export const CURSOR_KEY = '__c';

/** What the connection resolvers need besides the rows: written into the JSON by the compiler. */
export interface ConnectionMeta {
  limit: number;
  backward: boolean;
  hasAfter: boolean;
  hasBefore: boolean;
  signature: string;
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
 * A whole Relay connection as one JSON value: `{ rows, totalCount, meta }`. Rows are fetched by keyset with one
 * extra row to learn whether another page exists; `totalCount` is counted only when selected.
 */
export function connectionJson(ctx: CompileContext, info: TypeInfo, tree: ResolveTree, scope?: (alias: SQL) => SQL): SQL {
  const args = tree.args as ConnectionArgs;
  const conn = tree.fieldsByTypeName[`${info.type.gqlName}Connection`] ?? {};
  const fields = Object.values(conn);
  const edges = fields.filter((f) => f.name === 'edges');
  const nodes = fields.filter((f) => f.name === 'nodes');
  const pageInfo = fields.filter((f) => f.name === 'pageInfo');
  const wantsCount = fields.some((f) => f.name === 'totalCount');
  const edgeFields = edges.flatMap((e) => Object.values(e.fieldsByTypeName[`${info.type.gqlName}Edge`] ?? {}));
  const wantsCursor =
    edgeFields.some((f) => f.name === 'cursor') ||
    pageInfo.some((p) => Object.values(p.fieldsByTypeName.PageInfo ?? {}).some((f) => f.name === 'startCursor' || f.name === 'endCursor'));
  const nodeTrees = [...edgeFields.filter((f) => f.name === 'node'), ...nodes];
  const wantsRows = nodeTrees.length > 0 || wantsCursor || pageInfo.length > 0;

  const { limit, backward } = pageSize(ctx, args);
  const terms = effectiveOrder(args.orderBy);
  const signature = orderSignature(terms);
  const alias = ctx.alias();
  const where: SQL[] = [compileFilter(ctx, info, alias, args.filter)];
  if (scope) where.push(scope(alias));
  const meta: ConnectionMeta = { limit, backward, hasAfter: !!args.after, hasBefore: !!args.before, signature };
  const pairs: [string, SQL][] = [['meta', sql`${JSON.stringify(meta)}::json`]];

  if (wantsCount) {
    const c = ctx.alias();
    const countWhere: SQL[] = [compileFilter(ctx, info, c, args.filter)];
    if (scope) countWhere.push(scope(c));
    pairs.push(['totalCount', sql`(SELECT count(*)::int FROM ${tableRef(info.type.name)} ${c} WHERE ${sql.join(countWhere, sql` AND `)})`]);
  }
  if (wantsRows) {
    const rowWhere = [...where];
    if (args.after) rowWhere.push(keysetPredicate(alias, terms, decodeCursor(args.after, signature, terms.length), false));
    if (args.before) rowWhere.push(keysetPredicate(alias, terms, decodeCursor(args.before, signature, terms.length), true));
    const nodeTree = mergeNodeTrees(nodeTrees);
    const cursorPair: [string, SQL][] = wantsCursor
      ? [[CURSOR_KEY, sql`json_build_array(${sql.join(terms.map((t) => sql`${alias}.${sql.identifier(t.column)}`), sql`, `)})`]]
      : [];
    const json = anyRecordJson(ctx, info, alias, nodeTree, cursorPair);
    const s = ctx.alias();
    const orderCols = terms.map((t, i) => sql`${alias}.${sql.identifier(t.column)} AS ${sql.raw(`o${i}`)}`);
    const inner = sql`SELECT ${json} AS j, ${sql.join(orderCols, sql`, `)} FROM ${tableRef(info.type.name)} ${alias} WHERE ${sql.join(rowWhere, sql` AND `)} ORDER BY ${directions(alias, terms, backward, (t) => sql`${sql.identifier(t.column)}`)} LIMIT ${sql.raw(String(limit + 1))}`;
    pairs.push([
      'rows',
      sql`(SELECT coalesce(json_agg(${s}.j ORDER BY ${directions(s, terms, backward, (_, i) => sql.raw(`o${i}`))}), '[]'::json) FROM (${inner}) ${s})`,
    ]);
  }
  return jsonObject(pairs);
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

function mergeNodeTrees(trees: ResolveTree[]): ResolveTree {
  const fieldsByTypeName: ResolveTree['fieldsByTypeName'] = {};
  for (const t of trees) {
    for (const [type, fields] of Object.entries(t.fieldsByTypeName)) fieldsByTypeName[type] = { ...(fieldsByTypeName[type] ?? {}), ...fields };
  }
  return { name: 'node', alias: 'node', args: {}, fieldsByTypeName };
}
