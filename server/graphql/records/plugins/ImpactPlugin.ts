import { GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { compileImpact, impactModel, MAX_IMPACT_DEPTH } from '../../../records/compile/index.js';
import { byResponseKey, type RecordPlugin } from '../plugin.js';
import { addReadRoot } from '../root-field.js';
import { connectionArgs } from './ConnectionPlugin.js';

const BY = 'ImpactPlugin';
const ITEM = 'CiImpactItem';

/**
 * `ciImpact(id, depth)`: what a failing configuration item takes down with it, transitively, with each item's
 * open incidents. Present when the metadata has a CMDB of the shape `impactModel` describes; compiled to one
 * statement by `compileImpact`.
 */
export const ImpactPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    const model = impactModel(graph);
    if (!model) return;
    const itemType = builder.getType(model.item.type.gqlName) as GraphQLOutputType;
    const incidents = model.incidents;
    const entry = builder.addType(
      new GraphQLObjectType({
        name: ITEM,
        description: `A ${model.item.type.doc.label} impacted by the failure of another, and how far away it is.`,
        fields: () => ({
          depth: { type: new GraphQLNonNull(GraphQLInt), description: 'Relationships between the failing item and this one on the shortest path; 0 for the failing item itself.', resolve: byResponseKey },
          item: { type: new GraphQLNonNull(itemType), resolve: byResponseKey },
          ...(incidents
            ? {
                openIncidents: {
                  type: new GraphQLNonNull(builder.getType(`${incidents.info.type.gqlName}Connection`) as GraphQLOutputType),
                  description: `${incidents.info.type.doc.pluralLabel ?? incidents.info.type.doc.label} on this item that are not resolved or closed.`,
                  args: connectionArgs(ctx, incidents.info),
                  resolve: byResponseKey,
                },
              }
            : {}),
        }),
      }),
      BY,
    );
    const kinds = model.kinds.join(', ');
    addReadRoot(
      ctx,
      'ciImpact',
      {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(entry))),
        description:
          `What a failure of this ${model.item.type.doc.label} impacts: the item itself (depth 0) and every item that needs it, ` +
          `directly or through others — the parents of its ${model.relationship.type.doc.label} records of type ${kinds}, their parents, and so on — ` +
          `each once at its shortest distance, nearest first. Cycles end; the walk shows only items you may read and goes ` +
          `no further than them. Empty when there is no such item or you may not read it.`,
        args: {
          id: { type: new GraphQLNonNull(GraphQLID), description: `The failing ${model.item.type.doc.label}.` },
          depth: { type: GraphQLInt, defaultValue: 10, description: `How many relationships to follow at most (0 to ${MAX_IMPACT_DEPTH}).` },
        },
      },
      (cc, tree) => compileImpact(cc, model, tree, ITEM),
      BY,
    );
  },
};
