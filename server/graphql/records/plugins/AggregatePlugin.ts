import { GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLFieldConfigMap } from 'graphql';
import { sql } from 'drizzle-orm';
import { GROUPABLE_TYPES, constantName } from '../../../../schema/index.js';
import { aggregateJson } from '../../../records/compile/index.js';
import { describeField, outputTypeOf } from '../field-types.js';
import { byResponseKey, type RecordPlugin } from '../plugin.js';
import { addReadRoot } from '../root-field.js';

const BY = 'AggregatePlugin';

/** `…Aggregate(filter, groupBy)`: a count, and counts per group of choice, reference and boolean fields. */
export const AggregatePlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    for (const info of graph.byName.values()) {
      const t = info.type;
      const gql = t.gqlName;
      const groupable = t.activeFields.filter((f) => GROUPABLE_TYPES.has(f.type) && (f.type !== 'reference' || graph.byName.has(f.reference!)));
      const keyFields = (): GraphQLFieldConfigMap<Record<string, unknown>, unknown> =>
        Object.fromEntries(
          groupable.map((f) => [
            f.gqlName,
            {
              type: outputTypeOf(builder, { ...f, required: false }, f.reference ? graph.byName.get(f.reference)!.type.gqlName : undefined),
              description: describeField(f),
              resolve: byResponseKey,
            },
          ]),
        );
      const key = groupable.length
        ? builder.addType(new GraphQLObjectType({ name: `${gql}AggregateKey`, description: `The values a group of ${t.doc.label} records share.`, fields: keyFields }), BY)
        : null;
      const group = builder.addType(
        new GraphQLObjectType({
          name: `${gql}AggregateGroup`,
          fields: {
            count: { type: new GraphQLNonNull(GraphQLInt), resolve: byResponseKey },
            ...(key ? { key: { type: new GraphQLNonNull(key), resolve: byResponseKey } } : {}),
          },
        }),
        BY,
      );
      const aggregate = builder.addType(
        new GraphQLObjectType({
          name: `${gql}Aggregate`,
          description: `Counts of ${t.doc.pluralLabel ?? t.doc.label} records.`,
          fields: {
            count: { type: new GraphQLNonNull(GraphQLInt), description: 'Records matching the filter.', resolve: byResponseKey },
            groups: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(group))), description: 'One entry per combination of the groupBy fields, largest first.', resolve: byResponseKey },
          },
        }),
        BY,
      );
      const groupBy = groupable.length
        ? builder.addType(
            new GraphQLEnumType({
              name: `${gql}GroupBy`,
              values: Object.fromEntries(groupable.map((f) => [constantName(f.name), { value: f, description: f.label }])),
            }),
            BY,
          )
        : null;
      addReadRoot(
        ctx,
        `${t.gqlPlural}Aggregate`,
        {
          type: new GraphQLNonNull(aggregate),
          description: `Count ${t.doc.pluralLabel ?? t.doc.label} records, optionally by group.`,
          args: {
            filter: { type: builder.getType(`${gql}Filter`) as never },
            ...(groupBy ? { groupBy: { type: new GraphQLList(new GraphQLNonNull(groupBy)) } } : {}),
          },
        },
        (cc, tree) => sql`SELECT ${aggregateJson(cc, info, tree)} AS data`,
        BY,
      );
    }
  },
};
