import { sql } from 'drizzle-orm';
import type { AccessScope } from '../../access/access-scope.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, readableWhere, type RecordValues } from '../compile/index.js';
import { readRows } from '../database-error.js';
import type { TypeInfo } from '../record-info.js';
import type { WriteContext } from './write-context.js';
import { toGlobalId } from '../global-id.js';
import type { WriteRequest } from './write-request.js';

/** A stored row by column name, as JSON (ids as numbers, times as ISO strings). */
export type StoredRow = Record<string, unknown>;

/**
 * One write on its way through the stages. Stages read the request and the record as it is now, may add to the
 * values written (a transition sets the state), and refuse with a DomainError naming what is wrong.
 */
export class WriteState {
  /** The values the statement writes, keyed by GraphQL field name; stages may add to them. */
  readonly values: RecordValues;
  /**
   * Fields a stage vouches for: set by the platform on the client's behalf (the state of a transition), so
   * checks that refuse them when a client sends them directly let them pass.
   */
  readonly vouched = new Set<string>();
  private loaded: Promise<StoredRow | null> | null = null;

  constructor(
    readonly wc: WriteContext,
    readonly info: TypeInfo,
    readonly request: WriteRequest,
    readonly scope: AccessScope,
  ) {
    this.values = request.op === 'delete' ? {} : { ...request.values };
  }

  get op(): WriteRequest['op'] {
    return this.request.op;
  }

  /**
   * The record as it is now, by column name (null on create). Read once, as the actor may read it: a record it
   * may not read is NOT_FOUND, like one that does not exist; one at another version than the request's is a
   * CONFLICT before any stage judges a state the client has not seen.
   */
  current(): Promise<StoredRow | null> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<StoredRow | null> {
    const r = this.request;
    if (r.op === 'create') return null;
    const ctx = new CompileContext(this.wc.graph, this.wc.limits, 'resolve', this.scope);
    const a = ctx.alias();
    const [row] = await readRows<{ row: StoredRow | string }>(
      this.wc.db,
      sql`SELECT to_jsonb(${a}) AS "row" FROM ${tableRef(this.info.type.name)} ${a} WHERE ${a}."id" = ${r.id}::bigint AND ${readableWhere(ctx, this.info, a)}`,
    );
    const label = this.info.type.doc.label;
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${label} record with id ${toGlobalId(this.info.type.gqlName, r.id)}`);
    const stored = (typeof row.row === 'string' ? JSON.parse(row.row) : row.row) as StoredRow;
    const at = Number(stored.sys_version);
    if (r.version !== null && at !== r.version)
      throw new DomainError(ErrorCode.CONFLICT, `this ${label} record was changed by someone else (it is at version ${at}, you sent ${r.version}); reload it and apply your change again`, {
        currentVersion: at,
      });
    return stored;
  }
}
