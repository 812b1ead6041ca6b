import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLResolveInfo,
} from 'graphql';
import { constantName } from '../../../../schema/index.js';
import type { RequestContext } from '../../context.js';
import { AVAILABLE_TRANSITIONS, recordIdOf, runWrite, TRANSITION_TYPE, type RecordValues } from '../../../records/index.js';
import type { TypeInfo } from '../../../records/record-info.js';
import { byResponseKey, type PluginContext, type RecordPlugin } from '../plugin.js';
import { recordTree, writeContext } from './MutationPlugin.js';

const BY = 'TransitionPlugin';

/** A move the reader may make from a record's current state, as `availableTransitions` lists it. */
const RecordTransition = new GraphQLObjectType<Record<string, unknown>>({
  name: TRANSITION_TYPE,
  description: 'A move you may make from the record’s current state: pass `to` to its transition mutation.',
  fields: {
    to: { type: new GraphQLNonNull(GraphQLString), description: 'The state it leads to, as the state enum value (`IN_PROGRESS`).', resolve: byResponseKey },
    label: { type: new GraphQLNonNull(GraphQLString), description: 'What the action is called (`Resolve`).', resolve: byResponseKey },
    requires: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
      description: 'Fields that must have a value once the move is made (give them in the patch).',
      resolve: byResponseKey,
    },
  },
});

/**
 * For each concrete record type with a state model: `transition<Type>` (the one way its state changes, through
 * the write pipeline's state-model stage) and `availableTransitions` on its records (compiled into the read).
 */
export const TransitionPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const withModel = [...ctx.graph.byName.values()].filter((i) => !i.type.abstract && i.type.stateModel);
    if (!withModel.length) return;
    ctx.builder.addType(RecordTransition, BY);
    for (const info of withModel) addTransition(ctx, info);
  },
};

function addTransition(ctx: PluginContext, info: TypeInfo): void {
  const { builder, graph } = ctx;
  const t = info.type;
  const model = t.stateModel!;
  const gql = t.gqlName;
  const field = gql.charAt(0).toLowerCase() + gql.slice(1);
  const states = builder.addType(
    new GraphQLEnumType({
      name: `${gql}State`,
      description: `States of ${t.doc.label} records (state model ${model.name}).`,
      values: Object.fromEntries(model.states.map((s) => [constantName(s.name), { value: s.name, description: `${s.label} (${s.category})` }])),
    }),
    BY,
  );
  const input = builder.addType(
    new GraphQLInputObjectType({
      name: `Transition${gql}Input`,
      fields: {
        clientMutationId: { type: GraphQLString, description: 'Echoed back in the payload.' },
        id: { type: new GraphQLNonNull(GraphQLID) },
        version: { type: new GraphQLNonNull(GraphQLInt), description: 'The version you read; a newer one in the database fails with CONFLICT.' },
        to: { type: new GraphQLNonNull(states), description: 'The state to move to: one of the record’s availableTransitions.' },
        patch: { type: builder.getType<GraphQLInputObjectType>(`${gql}Patch`), description: 'Fields that change with the move (resolution notes to resolve).' },
      },
    }),
    BY,
  );
  const payload = builder.addType(
    new GraphQLObjectType<Record<string, unknown>>({
      name: `Transition${gql}Payload`,
      fields: {
        clientMutationId: { type: GraphQLString, description: 'Echoed back in the payload.' },
        [field]: { type: builder.getType<GraphQLObjectType>(gql), resolve: (p) => p.record },
      },
    }),
    BY,
  );
  builder.addRootField('Mutation', `transition${gql}`, {
    type: new GraphQLNonNull(payload),
    description: `Move one ${t.doc.label} record to another state, if it is still at the version you read and the state model allows the move for you.`,
    args: { input: { type: new GraphQLNonNull(input) } },
    async resolve(_s: unknown, { input: i }: { input: { id: string; version: number; to: string; patch?: RecordValues | null; clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const id = recordIdOf(graph, i.id, t.name, 'id');
      const { record } = await runWrite(writeContext(rc, ctx), { op: 'transition', type: t.name, id, version: i.version, to: i.to, values: i.patch ?? {}, select: recordTree(ri, payload.name, field) });
      return { record, clientMutationId: i.clientMutationId };
    },
  }, BY);
  builder.extendType(gql, BY, () => ({
    [AVAILABLE_TRANSITIONS]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(RecordTransition))),
      description: 'The moves you may make from this record’s current state (none when you may not change it).',
      resolve: byResponseKey,
    },
  }));
}
