import {
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLInputFieldConfigMap,
  type GraphQLResolveInfo,
} from 'graphql';
import type { RequestContext } from '../../context.js';
import { recordIdOf, runWrite, toGlobalId, type RecordValues, type ResolveTree, type WriteContext } from '../../../records/index.js';
import { rootTree } from '../root-tree.js';
import { describeField, inputTypeOf } from '../field-types.js';
import { signedIn, type PluginContext, type RecordPlugin } from '../plugin.js';
import type { TypeInfo } from '../../../records/record-info.js';

const BY = 'MutationPlugin';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The record subtree selected in a payload, under whatever alias. */
export function recordTree(info: GraphQLResolveInfo, payloadType: string, field: string): ResolveTree | undefined {
  const tree = rootTree(info);
  const hits = Object.values(tree.fieldsByTypeName[payloadType] ?? {}).filter((f) => f.name === field);
  if (!hits.length) return undefined;
  return hits.reduce((a, b) => ({ ...a, fieldsByTypeName: { ...a.fieldsByTypeName, ...b.fieldsByTypeName } }));
}

/** The write context of a request: the record core's one write pipeline runs every mutation. */
export function writeContext(rc: RequestContext, ctx: PluginContext): WriteContext {
  signedIn(rc);
  return { db: rc.db, graph: ctx.graph, limits: ctx.limits, actor: rc.actor!, schemas: rc.schemas, onIdentityWrite: () => rc.identities?.invalidate() };
}

/** create…, update… (optimistic: takes the version it read), delete… mutations with Relay payloads. */
export const MutationPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    for (const info of ctx.graph.byName.values()) if (!info.type.abstract) addMutations(ctx, info);
  },
};

function addMutations(ctx: PluginContext, info: TypeInfo): void {
  const { builder, graph } = ctx;
  const t = info.type;
  const gql = t.gqlName;
  const field = lowerFirst(gql);
  const recordType = builder.getType<GraphQLObjectType>(gql);
  const inputFields = (creating: boolean): GraphQLInputFieldConfigMap =>
    Object.fromEntries(
      // Server-set fields are no input: a client can neither give nor forge them.
      t.activeFields.filter((f) => !f.auto).map((f) => {
        const type = inputTypeOf(builder, f, GraphQLID);
        const mandatory = creating && f.required && f.default === undefined;
        return [f.gqlName, { type: mandatory ? new GraphQLNonNull(type) : type, description: describeField(f) }];
      }),
    );
  const cmid = { clientMutationId: { type: GraphQLString, description: 'Echoed back in the payload.' } };
  const createInput = builder.addType(
    new GraphQLInputObjectType({ name: `Create${gql}Input`, description: `A new ${t.doc.label} record.`, fields: () => ({ ...cmid, ...inputFields(true) }) }),
    BY,
  );
  const patch = builder.addType(
    new GraphQLInputObjectType({ name: `${gql}Patch`, description: `Changes to a ${t.doc.label} record: only the fields given change; null clears.`, fields: () => inputFields(false) }),
    BY,
  );
  const updateInput = builder.addType(
    new GraphQLInputObjectType({
      name: `Update${gql}Input`,
      fields: {
        ...cmid,
        id: { type: new GraphQLNonNull(GraphQLID) },
        version: { type: new GraphQLNonNull(GraphQLInt), description: 'The version you read; a newer one in the database fails with CONFLICT.' },
        patch: { type: new GraphQLNonNull(patch) },
      },
    }),
    BY,
  );
  const deleteInput = builder.addType(
    new GraphQLInputObjectType({
      name: `Delete${gql}Input`,
      fields: { ...cmid, id: { type: new GraphQLNonNull(GraphQLID) }, version: { type: GraphQLInt, description: 'When given, delete only if the record is still at this version.' } },
    }),
    BY,
  );
  const payload = (name: string, extra = {}) =>
    builder.addType(
      new GraphQLObjectType<Record<string, unknown>>({
        name,
        fields: { ...cmid, [field]: { type: recordType, resolve: (p) => p.record }, ...extra },
      }),
      BY,
    );
  const createPayload = payload(`Create${gql}Payload`);
  const updatePayload = payload(`Update${gql}Payload`);
  const deletePayload = payload(`Delete${gql}Payload`, { deletedId: { type: new GraphQLNonNull(GraphQLID), resolve: (p: Record<string, unknown>) => p.deletedId } });

  builder.addRootField('Mutation', `create${gql}`, {
    type: new GraphQLNonNull(createPayload),
    description: `Create a ${t.doc.label} record.`,
    args: { input: { type: new GraphQLNonNull(createInput) } },
    async resolve(_s: unknown, { input }: { input: RecordValues & { clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const { clientMutationId, ...values } = input;
      const { record } = await runWrite(writeContext(rc, ctx), { op: 'create', type: t.name, values, select: recordTree(ri, createPayload.name, field) });
      return { record, clientMutationId };
    },
  }, BY);

  builder.addRootField('Mutation', `update${gql}`, {
    type: new GraphQLNonNull(updatePayload),
    description: `Change a ${t.doc.label} record, if it is still at the version you read.`,
    args: { input: { type: new GraphQLNonNull(updateInput) } },
    async resolve(_s: unknown, { input }: { input: { id: string; version: number; patch: RecordValues; clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const id = recordIdOf(graph, input.id, t.name, 'id');
      const wc = writeContext(rc, ctx);
      const { record } = await runWrite(wc, { op: 'update', type: t.name, id, version: input.version, values: input.patch, select: recordTree(ri, updatePayload.name, field) });
      return { record, clientMutationId: input.clientMutationId };
    },
  }, BY);

  builder.addRootField('Mutation', `delete${gql}`, {
    type: new GraphQLNonNull(deletePayload),
    description: `Delete a ${t.doc.label} record.`,
    args: { input: { type: new GraphQLNonNull(deleteInput) } },
    async resolve(_s: unknown, { input }: { input: { id: string; version?: number | null; clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const id = recordIdOf(graph, input.id, t.name, 'id');
      const wc = writeContext(rc, ctx);
      const { record } = await runWrite(wc, { op: 'delete', type: t.name, id, version: input.version ?? null, select: recordTree(ri, deletePayload.name, field) });
      return { record, deletedId: toGlobalId(gql, id), clientMutationId: input.clientMutationId };
    },
  }, BY);
}
