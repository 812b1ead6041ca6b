import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, currentVersionStatement, type WriteRow } from '../compile/index.js';
import { readRows } from '../database-error.js';
import type { TypeInfo } from '../record-info.js';
import type { AccessScope } from '../../access/access-scope.js';
import type { WriteContext } from './write-context.js';
import { toGlobalId } from '../global-id.js';

/** The answer for a reference to a record the actor may not read is the one for a record that does not exist. */
export function assertNoHiddenReference(row: WriteRow): void {
  if (row.hidden_reference) throw new DomainError(ErrorCode.REFERENCE_NOT_FOUND, `a referenced record does not exist (field ${row.hidden_reference})`);
}

/** A refused write: the field to blame when the record rules allow it but a field rule does not. */
export function refusal(info: TypeInfo, row: WriteRow, op: string): DomainError {
  if (row.forbidden_field)
    return new DomainError(ErrorCode.FORBIDDEN, `your access rules do not let you set ${row.forbidden_field} on this ${info.type.doc.label} record`, { fields: [row.forbidden_field] });
  return new DomainError(ErrorCode.FORBIDDEN, `your access rules do not let you ${op} this ${info.type.doc.label} record`);
}

/**
 * Why an update or delete changed nothing: not allowed, not there (or hidden), or at another version. The
 * statement read the version before it waited for the row; when that is the version sent, the row changed under
 * the wait — deleted (NOT_FOUND) or updated (CONFLICT) — and a fresh read tells which.
 */
export async function versionProblem(wc: WriteContext, scope: AccessScope, info: TypeInfo, id: number, row: WriteRow, sent: number | null, op: string): Promise<never> {
  if (row.forbidden) throw refusal(info, row, op);
  let current = row.current_version;
  if (current !== null && current === sent) {
    const compile = new CompileContext(wc.graph, wc.limits, 'resolve', scope);
    const [now] = await readRows<{ sys_version: number }>(wc.db, currentVersionStatement(compile, info, id));
    current = now ? Number(now.sys_version) : null;
  }
  if (current === null) throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${info.type.doc.label} record with id ${toGlobalId(info.type.gqlName, id)}${row.current_version !== null ? ' (it was deleted meanwhile)' : ''}`);
  throw new DomainError(
    ErrorCode.CONFLICT,
    `this ${info.type.doc.label} record was changed by someone else (it is at version ${current}, you sent ${sent}); reload it and apply your change again`,
    { currentVersion: current },
  );
}
