import { GraphQLEnumType, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { sql } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import type { RecordEvent } from '../../../events/record-event-bus.js';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../../records/global-id.js';
import { anyRecordJson, CompileContext, readableWhere, snapshotRecordStatement, snapshotRow, TYPE_KEY, visibleUserName, type ResolveTree } from '../../../records/compile/index.js';
import { rootTree } from '../root-tree.js';
import { actorScope, type RecordPlugin } from '../plugin.js';
import { accessScope, type AccessScope } from '../../../access/access-scope.js';
import { readRows } from '../../../records/database-error.js';

const BY = 'SubscriptionPlugin';

export const RecordEventKindEnum = new GraphQLEnumType({
  name: 'RecordEventKind',
  values: { CREATED: { value: 'created' }, UPDATED: { value: 'updated' }, DELETED: { value: 'deleted' } },
});

/** `…Events`: created / updated / deleted, delivered after commit, from every server process. */
export const SubscriptionPlugin: RecordPlugin = {
  name: BY,
  build({ builder, graph, limits }) {
    builder.addType(RecordEventKindEnum, BY);
    for (const info of graph.byName.values()) {
      const t = info.type;
      const gql = t.gqlName;
      const eventType = builder.addType(
        new GraphQLObjectType<RecordEvent, RequestContext>({
          name: `${gql}Event`,
          description: `A committed change to a ${t.doc.label} record.`,
          fields: {
            kind: { type: new GraphQLNonNull(RecordEventKindEnum), resolve: (e) => e.kind },
            recordId: { type: new GraphQLNonNull(GraphQLID), resolve: (e) => toGlobalId(graph.byName.get(e.recordType)!.type.gqlName, e.recordId) },
            version: { type: new GraphQLNonNull(GraphQLInt), resolve: (e) => e.version },
            actor: { type: GraphQLString, description: 'Who made the change (user name; null if hidden from you).', resolve: (e, _a, rc) => visibleActor(e, rc) },
            record: {
              type: builder.getType<GraphQLObjectType>(gql),
              description: 'The record after the change (as it was, for a deletion).',
              resolve: (e, _a, rc, ri) => loadRecord(e, rc, ri),
            },
          },
        }),
        BY,
      );

      async function loadRecord(e: RecordEvent, rc: RequestContext, ri: GraphQLResolveInfo): Promise<unknown> {
        const concrete = graph.byName.get(e.recordType);
        if (!concrete) return null;
        const compile = new CompileContext(graph, limits, 'resolve', deliveredTo.get(e) ?? actorScope(rc, graph));
        const tree: ResolveTree = rootTree(ri);
        const typed: [string, ReturnType<typeof sql>][] = [[TYPE_KEY, sql`${concrete.type.name}::text`]];
        if (e.snapshot) {
          const [row] = await readRows<{ data: Record<string, unknown> }>(rc.db, snapshotRecordStatement(compile, concrete, e.snapshot, tree));
          return row ? { ...row.data, [TYPE_KEY]: concrete.type.name } : null;
        }
        const a = compile.alias();
        const [row] = await readRows<{ data: unknown }>(
          rc.db,
          sql`SELECT ${anyRecordJson(compile, concrete, a, tree, typed)} AS data FROM ${tableRef(concrete.type.name)} ${a} WHERE ${a}."id" = ${e.recordId}::bigint AND ${readableWhere(compile, concrete, a)}`,
        );
        return row?.data ?? null;
      }

      /** The event's actor (a user name) as the subscriber may see it: `visibleUserName`, as createdBy/updatedBy. */
      async function visibleActor(e: RecordEvent, rc: RequestContext): Promise<string | null> {
        const scope = deliveredTo.get(e) ?? actorScope(rc, graph);
        if (scope.unrestricted) return e.actor;
        const compile = new CompileContext(graph, limits, 'resolve', scope);
        const [row] = await readRows<{ name: string | null }>(rc.db, sql`SELECT ${visibleUserName(compile, sql`${e.actor}::text`)} AS name`);
        return row?.name ?? null;
      }

      /** The subscriber's scope when it may read the record as this change left it; null when it may not. */
      async function visibleTo(rc: RequestContext, e: RecordEvent): Promise<AccessScope | null> {
        const actor = rc.identities ? await rc.identities.actorFor(rc.actor!.principal) : rc.actor!;
        const scope = accessScope(actor, graph.model);
        const concrete = graph.byName.get(e.recordType);
        if (scope.unrestricted || !concrete) return scope;
        const compile = new CompileContext(graph, limits, 'resolve', scope);
        const a = compile.alias();
        const row = e.snapshot ? snapshotRow(concrete, e.snapshot) : sql`(SELECT * FROM ${tableRef(concrete.type.name)} WHERE "id" = ${e.recordId}::bigint)`;
        const rows = await readRows(rc.db, sql`SELECT 1 AS visible FROM ${row} ${a} WHERE ${readableWhere(compile, concrete, a)}`);
        return rows.length ? scope : null;
      }

      builder.addRootField('Subscription', `${t.gqlPlural}Events`, {
        type: new GraphQLNonNull(eventType),
        description: `Changes to ${t.doc.pluralLabel ?? t.doc.label} records${t.abstract ? ' of every kind' : ''}, as they commit.`,
        args: { kinds: { type: new GraphQLList(new GraphQLNonNull(RecordEventKindEnum)), description: 'Only these kinds of change (default: all).' } },
        subscribe(_s: unknown, args: { kinds?: string[] | null }, rc: RequestContext) {
          actorScope(rc, graph);
          const queue = rc.events.subscribe(new Set(t.concreteTypes));
          const kinds = args.kinds?.length ? new Set(args.kinds) : null;
          return endingPromptly(visibleEvents(queue, (e) => !kinds || kinds.has(e.kind), (e) => visibleTo(rc, e)), queue);
        },
        resolve: (e: RecordEvent) => e,
      }, BY);
    }
  },
};

/** The scope an event was checked under, for the record it carries (one copy of the event per subscriber). */
const deliveredTo = new WeakMap<RecordEvent, AccessScope>();

/**
 * Access is checked per event, with the subscriber's rights as they are now (profiles are dropped on identity
 * changes): losing access stops the events, and a subscriber whose user is gone or deactivated is ended.
 */
async function* visibleEvents(
  source: AsyncIterableIterator<RecordEvent>,
  wanted: (e: RecordEvent) => boolean,
  check: (e: RecordEvent) => Promise<AccessScope | null>,
): AsyncGenerator<RecordEvent> {
  try {
    for await (const e of source) {
      if (!wanted(e)) continue;
      const scope = await check(e);
      if (!scope) continue;
      const copy = { ...e };
      deliveredTo.set(copy, scope);
      yield copy;
    }
  } finally {
    await source.return?.();
  }
}

/**
 * `events` whose end (the client completes, the connection closes, the sign-in expires) releases its queue at
 * once. Ending an async generator waits until it next yields, and this one waits for the next event of its types,
 * which may never come: until then the queue would stay registered and collect events for nobody. Closing the
 * queue first lets the generator finish now.
 */
function endingPromptly<T>(events: AsyncGenerator<T>, queue: { close(): void }): AsyncGenerator<T> {
  return {
    next: () => events.next(),
    return: (value) => {
      queue.close();
      return events.return(value);
    },
    throw: (err) => {
      queue.close();
      return events.throw(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
