import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLOutputType,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import type { RequestContext } from '../../context.js';
import { CompileContext, connectionJson, CURSOR_KEY, encodeCursor, recordIdOf, anyRecordJson, rootTree, type ConnectionMeta } from '../compile/index.js';
import { signedIn, type PluginContext, type RecordPlugin } from '../plugin.js';
import { readRows } from '../database-error.js';
import type { TypeInfo } from '../record-info.js';
import { PageInfoType } from './NodePlugin.js';

const BY = 'ConnectionPlugin';

interface ConnectionValue {
  rows?: Record<string, unknown>[];
  totalCount?: number;
  meta: ConnectionMeta;
}

/** The rows of this page in display order (a backward page is fetched reversed and one row long). */
function page(conn: ConnectionValue): Record<string, unknown>[] {
  const rows = (conn.rows ?? []).slice(0, conn.meta.limit);
  return conn.meta.backward ? rows.reverse() : rows;
}

function cursorOf(conn: ConnectionValue, row: Record<string, unknown> | undefined): string | null {
  return row && Array.isArray(row[CURSOR_KEY]) ? encodeCursor(conn.meta.signature, row[CURSOR_KEY] as unknown[]) : null;
}

function connectionTypes(ctx: PluginContext, info: TypeInfo): GraphQLObjectType {
  const { builder } = ctx;
  const gql = info.type.gqlName;
  const name = `${gql}Connection`;
  if (builder.hasType(name)) return builder.getType(name);
  const node = builder.getType<GraphQLObjectType>(gql) as GraphQLOutputType;
  const edge = builder.addType(
    new GraphQLObjectType<{ conn: ConnectionValue; row: Record<string, unknown> }>({
      name: `${gql}Edge`,
      description: `A ${info.type.doc.label} record in a connection, with its cursor.`,
      fields: {
        cursor: { type: new GraphQLNonNull(GraphQLString), resolve: (e) => cursorOf(e.conn, e.row) },
        node: { type: new GraphQLNonNull(node), resolve: (e) => e.row },
      },
    }),
    BY,
  );
  return builder.addType(
    new GraphQLObjectType<ConnectionValue>({
      name,
      description: `A page of ${info.type.doc.pluralLabel ?? info.type.doc.label} records.`,
      fields: {
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))), resolve: (c) => page(c).map((row) => ({ conn: c, row })) },
        nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(node))), resolve: (c) => page(c) },
        pageInfo: {
          type: new GraphQLNonNull(PageInfoType),
          resolve: (c) => {
            const rows = page(c);
            const more = (c.rows?.length ?? 0) > c.meta.limit;
            return {
              hasNextPage: c.meta.backward ? c.meta.hasBefore : more,
              hasPreviousPage: c.meta.backward ? more : c.meta.hasAfter,
              startCursor: cursorOf(c, rows[0]),
              endCursor: cursorOf(c, rows[rows.length - 1]),
            };
          },
        },
        totalCount: { type: new GraphQLNonNull(GraphQLInt), description: 'All records matching the filter, across pages.', resolve: (c) => c.totalCount },
      },
    }),
    BY,
  );
}

export function connectionArgs(ctx: PluginContext, info: TypeInfo): GraphQLFieldConfigArgumentMap {
  const gql = info.type.gqlName;
  return {
    filter: { type: ctx.builder.getType(`${gql}Filter`) as never, description: 'Only records matching these conditions.' },
    orderBy: { type: new GraphQLList(new GraphQLNonNull(ctx.builder.getType(`${gql}OrderBy`) as never)), description: 'Sort order; the id breaks ties.' },
    first: { type: GraphQLInt, description: `The first n records (at most ${ctx.limits.maxPageSize}; default ${ctx.limits.defaultPageSize}).` },
    after: { type: GraphQLString, description: 'Records after this cursor.' },
    last: { type: GraphQLInt, description: `The last n records (at most ${ctx.limits.maxPageSize}).` },
    before: { type: GraphQLString, description: 'Records before this cursor.' },
  };
}

/** Relay connections: root lists, single-record lookups and reverse references. */
export const ConnectionPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph, limits } = ctx;
    for (const info of graph.byName.values()) {
      const t = info.type;
      const connection = () => connectionTypes(ctx, info);
      builder.addRootField('Query', t.gqlPlural, {
        type: new GraphQLNonNull(connection()),
        description: `${t.doc.pluralLabel ?? t.doc.label} records${t.abstract ? ` of every kind (${t.concreteTypes.join(', ')})` : ''}.`,
        args: connectionArgs(ctx, info),
        async resolve(_s: unknown, _a: unknown, rc: RequestContext, ri) {
          signedIn(rc);
          const statement = graph.statements.statement(ri, () => sql`SELECT ${connectionJson(new CompileContext(graph, limits), info, rootTree(ri))} AS data`);
          const [row] = await readRows<{ data: ConnectionValue }>(rc.db, statement);
          return row.data;
        },
      } satisfies GraphQLFieldConfig<unknown, RequestContext>, `list of ${t.name}`);

      const single = (where: (alias: ReturnType<CompileContext['alias']>, args: Record<string, unknown>) => ReturnType<typeof sql>) =>
        async (_s: unknown, args: Record<string, unknown>, rc: RequestContext, ri: Parameters<NonNullable<GraphQLFieldConfig<unknown, unknown>['resolve']>>[3]) => {
          signedIn(rc);
          const statement = graph.statements.statement(ri, () => {
            const compile = new CompileContext(graph, limits);
            const a = compile.alias();
            return sql`SELECT ${anyRecordJson(compile, info, a, rootTree(ri))} AS data FROM ${tableRef(t.name)} ${a} WHERE ${where(a, args)}`;
          });
          const [row] = await readRows<{ data: unknown }>(rc.db, statement);
          return row?.data ?? null;
        };
      builder.addRootField('Query', camel(t.gqlName), {
        type: builder.getType<GraphQLObjectType>(t.gqlName),
        description: `One ${t.doc.label} record by id; null when there is none.`,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: single((a, args) => sql`${a}."id" = ${recordIdOf(graph, String(args.id), t.name, 'id')}::bigint`),
      }, `lookup of ${t.name}`);
      if (t.numberPrefix)
        builder.addRootField('Query', `${camel(t.gqlName)}ByNumber`, {
          type: builder.getType<GraphQLObjectType>(t.gqlName),
          description: `One ${t.doc.label} record by number; null when there is none.`,
          args: { number: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: single((a, args) => sql`${a}."number" = ${String(args.number)}`),
        }, `lookup of ${t.name}`);

      if (info.reverse.size)
        builder.extendType(t.gqlName, BY, () =>
          Object.fromEntries(
            [...info.reverse.values()].map((r) => {
              const source = graph.byName.get(r.source.name)!;
              return [
                r.gqlName,
                {
                  type: new GraphQLNonNull(connectionTypes(ctx, source)),
                  description: `${source.type.doc.pluralLabel ?? source.type.doc.label} whose ${r.field.label} is this record.`,
                  args: connectionArgs(ctx, source),
                  resolve: (src: Record<string, unknown>, _a: unknown, _c: unknown, ri: { path: { key: string | number } }) => src[ri.path.key as string],
                },
              ];
            }),
          ),
        );
    }
  },
};

function camel(gqlName: string): string {
  return gqlName.charAt(0).toLowerCase() + gqlName.slice(1);
}
