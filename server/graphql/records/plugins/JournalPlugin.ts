import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { DomainError, ErrorCode } from '../../../domain-error.js';
import { recordIdOf, runWrite, type ResolveTree } from '../../../records/index.js';
import type { RequestContext } from '../../context.js';
import { rootTree } from '../root-tree.js';
import { signedIn, type RecordPlugin } from '../plugin.js';

const BY = 'JournalPlugin';

/** The journal as metadata names it: entries of this type, on the record `record` points at, of a `kind`. */
const JOURNAL = { type: 'journal_entry', record: 'record', kind: 'kind', body: 'body' } as const;
type JournalKind = 'comment' | 'work_note';

/**
 * `addComment` and `addWorkNote`: a journal entry on any record its `record` reference may point at (every task
 * type), written through the one write pipeline as a create of `journal_entry`. Who may is the journal's
 * create rules' to say (comments: whoever may read the record; work notes: fulfillers); this adapter only names
 * the refusals in the terms of the mutation. Present when the metadata has the journal.
 */
export const JournalPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    const info = graph.byName.get(JOURNAL.type);
    const record = info?.type.activeFields.find((f) => f.name === JOURNAL.record);
    const kind = info?.type.activeFields.find((f) => f.name === JOURNAL.kind);
    if (!info || info.type.abstract || record?.type !== 'reference' || kind?.type !== 'choice' || !info.type.activeFields.some((f) => f.name === JOURNAL.body)) return;
    const gql = info.type.gqlName;
    const entryField = gql.charAt(0).toLowerCase() + gql.slice(1);
    const payload = builder.addType(
      new GraphQLObjectType<Record<string, unknown>>({
        name: 'AddJournalEntryPayload',
        fields: { [entryField]: { type: builder.getType<GraphQLObjectType>(gql), resolve: (p) => p.record } },
      }),
      BY,
    );
    const recordField = record.gqlName;
    const kindField = kind.gqlName;
    const bodyField = info.type.activeFields.find((f) => f.name === JOURNAL.body)!.gqlName;
    const add = (entryKind: JournalKind) =>
      async function resolve(_s: unknown, args: { recordId: string; body: string }, rc: RequestContext, ri: GraphQLResolveInfo) {
        signedIn(rc);
        // Checks the id names a record of the reference's target type (any task kind) before anything is written.
        recordIdOf(graph, args.recordId, record.reference!, 'recordId');
        const tree = rootTree(ri);
        const select = Object.values(tree.fieldsByTypeName[payload.name] ?? {}).find((f) => f.name === entryField) as ResolveTree | undefined;
        const values = { [recordField]: args.recordId, [kindField]: entryKind.toUpperCase(), [bodyField]: args.body };
        try {
          const { record: entry } = await runWrite(
            { db: rc.db, graph, limits: ctx.limits, actor: rc.actor!, schemas: rc.schemas },
            { op: 'create', type: info.type.name, values, select },
          );
          return { record: entry };
        } catch (err) {
          throw refusal(err, entryKind, args.recordId);
        }
      };
    builder.addRootField('Mutation', 'addComment', {
      type: new GraphQLNonNull(payload),
      description: 'Comment on a record: seen by whoever may read it. Allowed when you may read the record.',
      args: { recordId: { type: new GraphQLNonNull(GraphQLID) }, body: { type: new GraphQLNonNull(GraphQLString) } },
      resolve: add('comment'),
    }, BY);
    builder.addRootField('Mutation', 'addWorkNote', {
      type: new GraphQLNonNull(payload),
      description: 'Add a work note to a record: seen by fulfillers only. Allowed to fulfillers who may read the record.',
      args: { recordId: { type: new GraphQLNonNull(GraphQLID) }, body: { type: new GraphQLNonNull(GraphQLString) } },
      resolve: add('work_note'),
    }, BY);
  },
};

/**
 * A record the writer may not read is answered as one that does not exist (the pipeline reports the reference as
 * hidden); a refusal by the rules is put in terms of what was asked.
 */
function refusal(err: unknown, kind: JournalKind, recordId: string): unknown {
  if (!(err instanceof DomainError)) return err;
  if (err.code === ErrorCode.REFERENCE_NOT_FOUND) return new DomainError(ErrorCode.NOT_FOUND, `there is no record with id ${recordId} that you may read`);
  if (err.code === ErrorCode.FORBIDDEN && !err.details.fields)
    return new DomainError(
      ErrorCode.FORBIDDEN,
      kind === 'work_note'
        ? `only fulfillers may add work notes, and your access rules do not let you add one to ${recordId}; add a comment instead`
        : `your access rules do not let you comment on ${recordId}`,
    );
  return err;
}
