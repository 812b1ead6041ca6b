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
import type { SQL } from 'drizzle-orm';
import { DomainError, ErrorCode } from '../../../domain-error.js';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../../records/global-id.js';
import {
  CompileContext,
  createStatement,
  currentVersionStatement,
  deleteStatement,
  recordIdOf,
  updateStatement,
  type RecordValues,
  type ResolveTree,
  type WriteRow,
  type Writer,
} from '../../../records/compile/index.js';
import { rootTree } from '../root-tree.js';
import { mapWriteError, readRows } from '../../../records/database-error.js';
import type { SchemaMove } from '../../../records/schema-move.js';
import { describeField, inputTypeOf } from '../field-types.js';
import { actorScope, type PluginContext, type RecordPlugin } from '../plugin.js';
import { accessScope, type AccessScope } from '../../../access/access-scope.js';
import { PROFILE_TYPES } from '../../../../schema/index.js';
import type { TypeInfo } from '../../../records/record-info.js';

const BY = 'MutationPlugin';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The record subtree selected in a payload, under whatever alias. */
function recordTree(info: GraphQLResolveInfo, payloadType: string, field: string): ResolveTree | undefined {
  const tree = rootTree(info);
  const hits = Object.values(tree.fieldsByTypeName[payloadType] ?? {}).filter((f) => f.name === field);
  if (!hits.length) return undefined;
  return hits.reduce((a, b) => ({ ...a, fieldsByTypeName: { ...a.fieldsByTypeName, ...b.fieldsByTypeName } }));
}

/**
 * Runs a write statement. A refused create has already inserted its row and event when the statement reports
 * it: only then is a transaction needed, to take both back. Writes to identity records drop cached profiles.
 */
async function attempt(rc: RequestContext, info: TypeInfo, scope: AccessScope, statement: SQL, op: WriteOp): Promise<WriteRow> {
  const row =
    op === 'create' && !scope.unrestricted
      ? await rc.db.transaction(async (tx) => {
          const [r] = await tx.run<WriteRow>(statement);
          // A hidden reference inserted nothing (checked below); a refused create must be taken back here.
          if (r.forbidden) throw refusal(info, r, 'create');
          return r;
        })
      : (await rc.db.run<WriteRow>(statement))[0];
  hiddenReference(row);
  if (row.id !== null && PROFILE_TYPES.has(info.type.name)) rc.identities?.invalidate();
  return row;
}

type WriteOp = 'create' | 'update' | 'delete';

/** One write statement against a graph; `move` renames what the request said when it was built for an older one. */
type BuildWrite = (compile: CompileContext, info: TypeInfo, move: SchemaMove | null) => SQL;

/**
 * A write, built for the graph the request was validated against. When it fails because a publish has replaced
 * that graph meanwhile (a renamed or converted column — here, or on a process that has not heard of it yet), it
 * is built again for the newest graph and run once more, as a statement (or transaction) of its own: a request in
 * flight during a publish still succeeds. Database errors become domain errors a person can act on.
 */
async function write(rc: RequestContext, ctx: PluginContext, info: TypeInfo, op: WriteOp, build: BuildWrite): Promise<WriteRow> {
  const { graph, limits } = ctx;
  const scope = actorScope(rc, graph);
  try {
    return await attempt(rc, info, scope, build(new CompileContext(graph, limits, 'resolve', scope), info, null), op);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const move = await rc.schemas?.movedFrom(graph);
    const moved = move?.typeInfo(info.type.name);
    if (!move || !moved) throw mapWriteError(err, info, op === 'delete');
    const movedScope = accessScope(rc.actor!, move.to.model);
    try {
      return await attempt(rc, moved, movedScope, build(new CompileContext(move.to, limits, 'resolve', movedScope), moved, move), op);
    } catch (retryErr) {
      throw retryErr instanceof DomainError ? retryErr : mapWriteError(retryErr, moved, op === 'delete');
    }
  }
}

/** The answer for a reference to a record the actor may not read is the one for a record that does not exist. */
function hiddenReference(row: WriteRow): void {
  if (row.hidden_reference) throw new DomainError(ErrorCode.REFERENCE_NOT_FOUND, `a referenced record does not exist (field ${row.hidden_reference})`);
}

/** A refused write: the field to blame when the record rules allow it but a field rule does not. */
function refusal(info: TypeInfo, row: WriteRow, op: string): DomainError {
  if (row.forbidden_field)
    return new DomainError(ErrorCode.FORBIDDEN, `your access rules do not let you set ${row.forbidden_field} on this ${info.type.doc.label} record`, { fields: [row.forbidden_field] });
  return new DomainError(ErrorCode.FORBIDDEN, `your access rules do not let you ${op} this ${info.type.doc.label} record`);
}

/** Who writes, for createdBy/updatedBy and the `auto: me` fields. */
function writerOf(rc: RequestContext): Writer {
  return { userName: rc.actor!.id, personId: rc.actor!.profile?.userId ?? null };
}

/** Refused before any SQL: the actor has no rule that could allow this operation on this type. */
function assertMay(scope: AccessScope, info: TypeInfo, op: 'create'): void {
  if (scope.recordRules(info.type, op)?.length === 0)
    throw new DomainError(ErrorCode.FORBIDDEN, `you may not ${op} ${info.type.doc.pluralLabel ?? info.type.doc.label} records`);
}

/**
 * Why an update or delete changed nothing: not allowed, not there (or hidden), or at another version. The
 * statement read the version before it waited for the row; when that is the version sent, the row changed under
 * the wait — deleted (NOT_FOUND) or updated (CONFLICT) — and a fresh read tells which.
 */
async function versionProblem(rc: RequestContext, ctx: PluginContext, info: TypeInfo, id: string, rowId: number, row: WriteRow, sent: number | null, op: string): Promise<never> {
  if (row.forbidden) throw refusal(info, row, op);
  let current = row.current_version;
  if (current !== null && current === sent) {
    const compile = new CompileContext(ctx.graph, ctx.limits, 'resolve', actorScope(rc, ctx.graph));
    const [now] = await readRows<{ sys_version: number }>(rc.db, currentVersionStatement(compile, info, rowId));
    current = now ? Number(now.sys_version) : null;
  }
  if (current === null) throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${info.type.doc.label} record with id ${id}${row.current_version !== null ? ' (it was deleted meanwhile)' : ''}`);
  throw new DomainError(
    ErrorCode.CONFLICT,
    `this ${info.type.doc.label} record was changed by someone else (it is at version ${current}, you sent ${sent}); reload it and apply your change again`,
    { currentVersion: current },
  );
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
      assertMay(actorScope(rc, graph), info, 'create');
      const tree = recordTree(ri, createPayload.name, field);
      const row = await write(rc, ctx, info, 'create', (c, i, move) =>
        createStatement(c, i, move ? move.values(t.name, values) : values, writerOf(rc), move && tree ? move.tree(tree) : tree),
      );
      return { record: row.data, clientMutationId };
    },
  }, BY);

  builder.addRootField('Mutation', `update${gql}`, {
    type: new GraphQLNonNull(updatePayload),
    description: `Change a ${t.doc.label} record, if it is still at the version you read.`,
    args: { input: { type: new GraphQLNonNull(updateInput) } },
    async resolve(_s: unknown, { input }: { input: { id: string; version: number; patch: RecordValues; clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const id = recordIdOf(graph, input.id, t.name, 'id');
      const tree = recordTree(ri, updatePayload.name, field);
      const row = await write(rc, ctx, info, 'update', (c, i, move) =>
        updateStatement(c, i, id, input.version, move ? move.values(t.name, input.patch) : input.patch, rc.actor!.id, move && tree ? move.tree(tree) : tree),
      );
      if (row.id === null) await versionProblem(rc, ctx, info, input.id, id, row, input.version, 'update');
      return { record: row.data, clientMutationId: input.clientMutationId };
    },
  }, BY);

  builder.addRootField('Mutation', `delete${gql}`, {
    type: new GraphQLNonNull(deletePayload),
    description: `Delete a ${t.doc.label} record.`,
    args: { input: { type: new GraphQLNonNull(deleteInput) } },
    async resolve(_s: unknown, { input }: { input: { id: string; version?: number | null; clientMutationId?: string } }, rc: RequestContext, ri: GraphQLResolveInfo) {
      const id = recordIdOf(graph, input.id, t.name, 'id');
      const tree = recordTree(ri, deletePayload.name, field);
      const row = await write(rc, ctx, info, 'delete', (c, i, move) => deleteStatement(c, i, id, input.version ?? null, rc.actor!.id, move && tree ? move.tree(tree) : tree));
      if (row.id === null) await versionProblem(rc, ctx, info, input.id, id, row, input.version ?? null, 'delete');
      return { record: row.data, deletedId: toGlobalId(gql, id), clientMutationId: input.clientMutationId };
    },
  }, BY);
}
