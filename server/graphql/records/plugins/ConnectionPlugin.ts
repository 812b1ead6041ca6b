import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLOutputType,
} from 'graphql';
import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import { anyRecordJson, connectionJson, readableWhere, recordIdOf, type CompileContext, type ResolveTree } from '../../../records/compile/index.js';
import { byResponseKey, type PluginContext, type RecordPlugin } from '../plugin.js';
import { addReadRoot } from '../root-field.js';
import type { TypeInfo } from '../../../records/record-info.js';
import { PageInfoType } from './NodePlugin.js';

const BY = 'ConnectionPlugin';

function connectionTypes(ctx: PluginContext, info: TypeInfo): GraphQLObjectType {
  const { builder } = ctx;
  const gql = info.type.gqlName;
  const name = `${gql}Connection`;
  if (builder.hasType(name)) return builder.getType(name);
  const node = builder.getType<GraphQLObjectType>(gql) as GraphQLOutputType;
  // The statement builds the connection in its response shape, so every field reads its response key.
  const edge = builder.addType(
    new GraphQLObjectType({
      name: `${gql}Edge`,
      description: `A ${info.type.doc.label} record in a connection, with its cursor.`,
      fields: {
        cursor: { type: new GraphQLNonNull(GraphQLString), resolve: byResponseKey },
        node: { type: new GraphQLNonNull(node), resolve: byResponseKey },
      },
    }),
    BY,
  );
  return builder.addType(
    new GraphQLObjectType({
      name,
      description: `A page of ${info.type.doc.pluralLabel ?? info.type.doc.label} records.`,
      fields: {
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))), resolve: byResponseKey },
        nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(node))), resolve: byResponseKey },
        pageInfo: { type: new GraphQLNonNull(PageInfoType), resolve: byResponseKey },
        totalCount: { type: new GraphQLNonNull(GraphQLInt), description: 'All records matching the filter, across pages.', resolve: byResponseKey },
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
    const { builder, graph } = ctx;
    for (const info of graph.byName.values()) {
      const t = info.type;
      const connection = () => connectionTypes(ctx, info);
      addReadRoot(
        ctx,
        t.gqlPlural,
        {
          type: new GraphQLNonNull(connection()),
          description: `${t.doc.pluralLabel ?? t.doc.label} records${t.abstract ? ` of every kind (${t.concreteTypes.join(', ')})` : ''}.`,
          args: connectionArgs(ctx, info),
        },
        (cc, tree) => sql`SELECT ${connectionJson(cc, info, tree)} AS data`,
        `list of ${t.name}`,
      );
      const single = (where: (alias: SQL, args: Record<string, unknown>) => SQL) => (cc: CompileContext, tree: ResolveTree) => {
        const a = cc.alias();
        return sql`SELECT ${anyRecordJson(cc, info, a, tree)} AS data FROM ${tableRef(t.name)} ${a} WHERE ${where(a, tree.args)} AND ${readableWhere(cc, info, a)}`;
      };
      addReadRoot(
        ctx,
        camel(t.gqlName),
        { type: builder.getType<GraphQLObjectType>(t.gqlName), description: `One ${t.doc.label} record by id; null when there is none.`, args: { id: { type: new GraphQLNonNull(GraphQLID) } } },
        single((a, args) => sql`${a}."id" = ${recordIdOf(graph, String(args.id), t.name, 'id')}::bigint`),
        `lookup of ${t.name}`,
      );
      if (t.numberPrefix)
        addReadRoot(
          ctx,
          `${camel(t.gqlName)}ByNumber`,
          { type: builder.getType<GraphQLObjectType>(t.gqlName), description: `One ${t.doc.label} record by number; null when there is none.`, args: { number: { type: new GraphQLNonNull(GraphQLString) } } },
          single((a, args) => sql`${a}."number" = ${String(args.number)}`),
          `lookup of ${t.name}`,
        );

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
                  resolve: byResponseKey,
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
