import { GraphQLBoolean, GraphQLID, GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import { sql } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import type { RequestContext } from '../../context.js';
import { fromGlobalId, toGlobalId } from '../../global-id.js';
import { anyRecordJson, CompileContext, rootTree, TYPE_KEY } from '../compile/index.js';
import { signedIn, type RecordPlugin } from '../plugin.js';
import { readRows } from '../database-error.js';

export const NodeInterface = new GraphQLInterfaceType({
  name: 'Node',
  description: 'An object with a globally unique id, fetchable with `node(id:)`.',
  fields: { id: { type: new GraphQLNonNull(GraphQLID), description: 'Globally unique id.' } },
});

export const PageInfoType = new GraphQLObjectType({
  name: 'PageInfo',
  description: 'Where a page of a connection sits in the whole list.',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});

/** The Node interface, `node(id:)` over every record type, and PageInfo. */
export const NodePlugin: RecordPlugin = {
  name: 'NodePlugin',
  build({ builder, graph, limits }) {
    builder.addType(NodeInterface, 'NodePlugin');
    builder.addType(PageInfoType, 'NodePlugin');
    NodeInterface.resolveType = (value: Record<string, unknown>) => graph.byName.get(String(value[TYPE_KEY]))?.type.gqlName;
    builder.addRootField(
      'Query',
      'node',
      {
        type: NodeInterface,
        description: 'Any record by its global id; null when there is no such record.',
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        async resolve(_src, args: { id: string }, ctx: RequestContext, info) {
          signedIn(ctx);
          const decoded = fromGlobalId(args.id);
          const type = graph.byGqlName.get(decoded.typeName);
          if (!type || type.type.abstract) return null;
          const statement = graph.statements.statement(info, () => {
            const compile = new CompileContext(graph, limits);
            const a = compile.alias();
            const json = anyRecordJson(compile, type, a, rootTree(info), [[TYPE_KEY, sql`${type.type.name}::text`]]);
            return sql`SELECT ${json} AS data FROM ${tableRef(type.type.name)} ${a} WHERE ${a}."id" = ${decoded.id}::bigint`;
          });
          const [row] = await readRows<{ data: Record<string, unknown> }>(ctx.db, statement);
          return row?.data ?? null;
        },
      },
      'NodePlugin',
    );
  },
};

export { toGlobalId };
