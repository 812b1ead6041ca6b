import { GraphQLBoolean, GraphQLID, GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import { sql, type SQL } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import { fromGlobalId } from '../../../records/global-id.js';
import { anyRecordJson, readableWhere, TYPE_KEY } from '../../../records/compile/index.js';
import type { RecordPlugin } from '../plugin.js';
import { addReadRoot } from '../root-field.js';

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
  build(ctx) {
    const { builder, graph } = ctx;
    builder.addType(NodeInterface, 'NodePlugin');
    builder.addType(PageInfoType, 'NodePlugin');
    NodeInterface.resolveType = (value: Record<string, unknown>) => graph.byName.get(String(value[TYPE_KEY]))?.type.gqlName;
    addReadRoot(
      ctx,
      'node',
      {
        type: NodeInterface,
        description: 'Any record by its global id; null when there is no such record.',
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      },
      (cc, tree) => {
        const decoded = fromGlobalId(String(tree.args.id));
        const type = graph.byGqlName.get(decoded.typeName);
        if (!type || type.type.abstract) return sql`SELECT NULL::json AS data`;
        const a = cc.alias();
        const typed: [string, SQL][] = cc.mode === 'resolve' ? [[TYPE_KEY, sql`${type.type.name}::text`]] : [];
        return sql`SELECT ${anyRecordJson(cc, type, a, tree, typed)} AS data FROM ${tableRef(type.type.name)} ${a} WHERE ${a}."id" = ${decoded.id}::bigint AND ${readableWhere(cc, type, a)}`;
      },
      'NodePlugin',
    );
  },
};

