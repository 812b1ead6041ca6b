import type { RecordValues, ResolveTree, WriteRow } from '../compile/index.js';

/**
 * One record write, as any caller asks for it (the generated mutations, registrations, transitions, the engines'
 * actions). Values are keyed by GraphQL field name, as parsed input (references as global ids). `select` is what
 * to return of the record afterwards (none: only its id).
 */
export type WriteRequest =
  | { op: 'create'; type: string; values: RecordValues; select?: ResolveTree }
  | { op: 'update'; type: string; id: number; version: number; values: RecordValues; select?: ResolveTree }
  | { op: 'delete'; type: string; id: number; version: number | null; select?: ResolveTree }
  /** A state change through the type's state model: `to` is the target state, `values` what changes with it. */
  | { op: 'transition'; type: string; id: number; version: number; to: string; values: RecordValues; select?: ResolveTree };

export type WriteOp = WriteRequest['op'];

/** What a write gives back: the record as selected (null where the actor may not read it) and its row id. */
export interface WriteResult {
  record: Record<string, unknown> | null;
  id: number;
  row: WriteRow;
}
