import type { SQL } from 'drizzle-orm';
import { PROFILE_TYPES } from '../../../schema/index.js';
import { accessScope, type AccessScope } from '../../access/access-scope.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, createStatement, deleteStatement, updateStatement, type WriteRow, type Writer } from '../compile/index.js';
import { mapWriteError } from '../database-error.js';
import type { TypeInfo } from '../record-info.js';
import type { SchemaMove } from '../schema-move.js';
import type { WriteContext } from './write-context.js';
import { assertNoHiddenReference, refusal, versionProblem } from './write-refusals.js';
import type { WriteRequest, WriteResult } from './write-request.js';
import { WRITE_STAGES } from './write-stages.js';
import { WriteState } from './write-state.js';

/**
 * The one record write: every caller — the generated mutations, registrations, transitions, the engines' actions —
 * comes through here. The stages run first (access → state model → UI policies), then one statement writes the
 * row with its server-set values and defaults, its history rows and its outbox event, and applies the access
 * rules to the row it writes. Database errors become domain errors a person can act on.
 */
export async function runWrite(wc: WriteContext, request: WriteRequest): Promise<WriteResult> {
  const info = wc.graph.byName.get(request.type);
  if (!info || info.type.abstract) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record type "${request.type}" to write`);
  const scope = accessScope(wc.actor, wc.graph.model);
  const ws = new WriteState(wc, info, request, scope);
  for (const stage of WRITE_STAGES) await stage.run(ws);
  const row = await execute(wc, ws, scope);
  if (row.id === null) {
    // Only for a record the actor may see and delete: otherwise the answer must not differ from a missing one.
    if (row.referenced_by && row.current_version !== null && !row.forbidden)
      throw new DomainError(ErrorCode.REFERENCED, `this ${info.type.doc.label} record is still referenced by other records (${row.referenced_by}); clear those references first`);
    if (request.op === 'create') throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `the ${info.type.doc.label} record was not created`);
    await versionProblem(wc, scope, info, request.id, row, request.version, request.op === 'transition' ? 'update' : request.op);
  }
  return { record: row.data, id: Number(row.id), row };
}

/** Who writes, for createdBy/updatedBy and the `auto: me` fields. */
function writerOf(wc: WriteContext): Writer {
  return { userName: wc.actor.id, personId: wc.actor.profile?.userId ?? null };
}

/** The statement of a write against a graph; `move` renames what the request said when it was built for an older one. */
function statementFor(wc: WriteContext, ws: WriteState, compile: CompileContext, info: TypeInfo, move: SchemaMove | null): SQL {
  const r = ws.request;
  const name = info.type.name;
  const tree = move && r.select ? move.tree(r.select) : r.select;
  const values = move ? move.values(name, ws.values) : ws.values;
  switch (r.op) {
    case 'create':
      return createStatement(compile, info, values, writerOf(wc), tree);
    case 'update':
    case 'transition':
      return updateStatement(compile, info, r.id, r.version, values, wc.actor.id, tree);
    case 'delete':
      return deleteStatement(compile, info, r.id, r.version, wc.actor.id, tree);
  }
}

/**
 * Runs the statement, built for the graph the request was validated against. When it fails because a publish has
 * replaced that graph meanwhile (a renamed or converted column — here, or on a process that has not heard of it
 * yet), it is built again for the newest graph and run once more: a request in flight during a publish succeeds.
 */
async function execute(wc: WriteContext, ws: WriteState, scope: AccessScope): Promise<WriteRow> {
  const { graph, limits } = wc;
  try {
    return await attempt(wc, ws.info, scope, statementFor(wc, ws, new CompileContext(graph, limits, 'resolve', scope), ws.info, null), ws.op);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const deleting = ws.op === 'delete';
    const move = await wc.schemas?.movedFrom(graph);
    const moved = move?.typeInfo(ws.info.type.name);
    if (!move || !moved) throw mapWriteError(err, ws.info, deleting);
    const movedScope = accessScope(wc.actor, move.to.model);
    try {
      return await attempt(wc, moved, movedScope, statementFor(wc, ws, new CompileContext(move.to, limits, 'resolve', movedScope), moved, move), ws.op);
    } catch (retryErr) {
      throw retryErr instanceof DomainError ? retryErr : mapWriteError(retryErr, moved, deleting);
    }
  }
}

/**
 * A refused create has already inserted its row and event when the statement reports it: only then is a
 * transaction needed, to take both back. Writes to identity records drop cached profiles.
 */
async function attempt(wc: WriteContext, info: TypeInfo, scope: AccessScope, statement: SQL, op: WriteRequest['op']): Promise<WriteRow> {
  const db = wc.db;
  const row =
    op === 'create' && !scope.unrestricted && 'transaction' in db
      ? await db.transaction(async (tx) => {
          const [r] = await tx.run<WriteRow>(statement);
          // A hidden reference inserted nothing (checked below); a refused create must be taken back here.
          if (r.forbidden) throw refusal(info, r, 'create');
          return r;
        })
      : (await db.run<WriteRow>(statement))[0];
  // Inside the caller's transaction, a refused create is taken back by throwing: the caller rolls back.
  if (op === 'create' && !scope.unrestricted && !('transaction' in db) && row.forbidden) throw refusal(info, row, 'create');
  assertNoHiddenReference(row);
  if (row.id !== null && PROFILE_TYPES.has(info.type.name)) wc.onIdentityWrite?.();
  return row;
}
