import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { HISTORY_FIELD } from '../../../records/compile/index.js';
import { GraphQLDateTimeRfc3339 } from '../../scalars.js';
import { byResponseKey, type RecordPlugin } from '../plugin.js';
import { PageInfoType } from './NodePlugin.js';

const BY = 'HistoryPlugin';

/**
 * `history(first, after, field)` on every concrete record type: each change of each field, oldest first, as the
 * write statements recorded it (atrium.record_history). Compiled into the statement of the root field like any
 * connection (records/compile/compile-history.ts), so it shows only the fields the reader may read.
 */
export const HistoryPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    const concrete = [...graph.byName.values()].filter((i) => !i.type.abstract);
    if (!concrete.length) return;
    const entry = builder.addType(
      new GraphQLObjectType({
        name: 'RecordHistoryEntry',
        description: 'One change of one field of a record.',
        fields: {
          field: { type: new GraphQLNonNull(GraphQLString), description: 'The field, by its GraphQL name now (renames keep its history); its name then when it no longer exists.', resolve: byResponseKey },
          fieldName: { type: new GraphQLNonNull(GraphQLString), description: 'The field name when it changed.', resolve: byResponseKey },
          oldValue: { type: GraphQLJSON, description: 'The value before, as stored (a reference as the id of its record; null where you may not read that record).', resolve: byResponseKey },
          newValue: { type: GraphQLJSON, description: 'The value after, as stored.', resolve: byResponseKey },
          version: { type: new GraphQLNonNull(GraphQLInt), description: 'The version of the record this change made.', resolve: byResponseKey },
          changedAt: { type: new GraphQLNonNull(GraphQLDateTimeRfc3339), resolve: byResponseKey },
          changedBy: { type: GraphQLString, description: 'Who changed it: a user name, where you may read that user.', resolve: byResponseKey },
        },
      }),
      BY,
    );
    const connection = builder.addType(
      new GraphQLObjectType({
        name: 'RecordHistoryConnection',
        description: 'A page of a record\'s field history, oldest change first.',
        fields: {
          nodes: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(entry))), resolve: byResponseKey },
          pageInfo: { type: new GraphQLNonNull(PageInfoType), resolve: byResponseKey },
          totalCount: { type: new GraphQLNonNull(GraphQLInt), description: 'All changes you may see (of the field, when given).', resolve: byResponseKey },
        },
      }),
      BY,
    );
    for (const info of concrete)
      builder.extendType(info.type.gqlName, BY, () => ({
        [HISTORY_FIELD]: {
          type: new GraphQLNonNull(connection),
          description: `Every change of every field of this ${info.type.doc.label} record that you may read, oldest first.`,
          args: {
            first: { type: GraphQLInt, description: `The first n changes (at most ${ctx.limits.maxPageSize}; default ${ctx.limits.defaultPageSize}).` },
            after: { type: GraphQLString, description: 'Changes after this cursor.' },
            field: { type: GraphQLString, description: 'Only the changes of this field (its GraphQL name).' },
          },
          resolve: byResponseKey,
        },
      }));
  },
};
