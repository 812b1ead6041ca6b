import { GraphQLEnumType, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { sql } from 'drizzle-orm';
import { tableRef } from '../../../ddl/index.js';
import type { RecordEvent } from '../../../events/record-event-bus.js';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../global-id.js';
import { anyRecordJson, CompileContext, snapshotRecordStatement, rootTree, TYPE_KEY, type ResolveTree } from '../compile/index.js';
import { signedIn, type RecordPlugin } from '../plugin.js';
import { readRows } from '../database-error.js';

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
            actor: { type: GraphQLString, resolve: (e) => e.actor },
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
        const compile = new CompileContext(graph, limits);
        const tree: ResolveTree = rootTree(ri);
        const typed: [string, ReturnType<typeof sql>][] = [[TYPE_KEY, sql`${concrete.type.name}::text`]];
        if (e.snapshot) {
          const [row] = await readRows<{ data: Record<string, unknown> }>(rc.db, snapshotRecordStatement(compile, concrete, e.snapshot, tree));
          return row ? { ...row.data, [TYPE_KEY]: concrete.type.name } : null;
        }
        const a = compile.alias();
        const [row] = await readRows<{ data: unknown }>(rc.db, sql`SELECT ${anyRecordJson(compile, concrete, a, tree, typed)} AS data FROM ${tableRef(concrete.type.name)} ${a} WHERE ${a}."id" = ${e.recordId}::bigint`);
        return row?.data ?? null;
      }

      builder.addRootField('Subscription', `${t.gqlPlural}Events`, {
        type: new GraphQLNonNull(eventType),
        description: `Changes to ${t.doc.pluralLabel ?? t.doc.label} records${t.abstract ? ' of every kind' : ''}, as they commit.`,
        args: { kinds: { type: new GraphQLList(new GraphQLNonNull(RecordEventKindEnum)), description: 'Only these kinds of change (default: all).' } },
        subscribe(_s: unknown, args: { kinds?: string[] | null }, rc: RequestContext) {
          signedIn(rc);
          const queue = rc.events.subscribe(new Set(t.concreteTypes));
          if (!args.kinds?.length) return queue;
          const kinds = new Set(args.kinds);
          return filtered(queue, (e) => kinds.has(e.kind));
        },
        resolve: (e: RecordEvent) => e,
      }, BY);
    }
  },
};

async function* filtered<T>(source: AsyncIterableIterator<T>, keep: (v: T) => boolean): AsyncGenerator<T> {
  try {
    for await (const v of source) if (keep(v)) yield v;
  } finally {
    await source.return?.();
  }
}
