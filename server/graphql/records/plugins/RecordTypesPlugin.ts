import {
  GraphQLID,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { TYPE_KEY } from '../../../records/compile/index.js';
import { AccessScope } from '../../../access/access-scope.js';
import { describeField, outputTypeOf } from '../field-types.js';
import { byResponseKey, type PluginContext, type RecordPlugin } from '../plugin.js';
import type { TypeInfo } from '../../../records/record-info.js';
import { NodeInterface } from './NodePlugin.js';
import { SCALARS } from './ScalarsPlugin.js';

const BY = 'RecordTypesPlugin';

/** One object type per concrete record type, one interface per abstract type, with the metadata's descriptions. */
export const RecordTypesPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    for (const info of graph.byName.values()) {
      const t = info.type;
      const description = [t.doc.label, t.doc.description].filter(Boolean).join('. ');
      const interfaces = () => [NodeInterface, ...t.ancestors.map((a) => builder.getType<GraphQLInterfaceType>(graph.byName.get(a)!.type.gqlName))];
      const fields = () => builder.fieldsOf(t.gqlName, BY, ownFields(ctx, info));
      if (t.abstract) {
        builder.addType(
          new GraphQLInterfaceType({
            name: t.gqlName,
            description,
            interfaces,
            fields,
            resolveType: (v: Record<string, unknown>) => graph.byName.get(String(v[TYPE_KEY]))?.type.gqlName,
          }),
          `record type ${t.name}`,
        );
      } else {
        builder.addType(new GraphQLObjectType({ name: t.gqlName, description, interfaces, fields }), `record type ${t.name}`);
      }
    }
  },
};

function ownFields(ctx: PluginContext, info: TypeInfo): GraphQLFieldConfigMap<Record<string, unknown>, unknown> {
  const t = info.type;
  const fields: GraphQLFieldConfigMap<Record<string, unknown>, unknown> = {
    id: {
      type: new GraphQLNonNull(GraphQLID),
      description: 'Globally unique id.',
      resolve: byResponseKey,
    },
  };
  if (t.numberPrefix) fields.number = { type: new GraphQLNonNull(GraphQLString), description: `Number, such as ${t.numberPrefix}0001001.`, resolve: byResponseKey };
  Object.assign(fields, {
    version: { type: new GraphQLNonNull(GraphQLInt), description: 'Version, raised by every update; pass it back when updating.', resolve: byResponseKey },
    createdAt: { type: new GraphQLNonNull(SCALARS.datetime), description: 'When the record was created.', resolve: byResponseKey },
    updatedAt: { type: new GraphQLNonNull(SCALARS.datetime), description: 'When the record was last updated.', resolve: byResponseKey },
    createdBy: { type: GraphQLString, description: 'Who created the record (user name; null if hidden from you).', resolve: byResponseKey },
    updatedBy: { type: GraphQLString, description: 'Who last updated the record (user name; null if hidden from you).', resolve: byResponseKey },
    displayValue: { type: GraphQLString, description: 'The text that names the record in lists and references.', resolve: byResponseKey },
  });
  for (const f of t.activeFields) {
    const target = f.type === 'reference' ? ctx.graph.byName.get(f.reference!)?.type.gqlName : undefined;
    if (f.type === 'reference' && !target) continue;
    // A reference may point at a record the reader may not see, and a field rule may hide a value: both read as null.
    const hideable = f.type === 'reference' || AccessScope.restrictsField(ctx.graph.model, t, f.name);
    const description = hideable && f.required ? `${describeField(f)} (null where your access rules hide it)` : describeField(f);
    fields[f.gqlName] = { type: outputTypeOf(ctx.builder, hideable ? { ...f, required: false } : f, target), description, resolve: byResponseKey };
  }
  return fields;
}
