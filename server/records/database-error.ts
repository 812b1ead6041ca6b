import type { SQL } from 'drizzle-orm';
import { STATEMENT_TIMEOUT_SQLSTATE, StatementTimeoutError, type Executor, type Row, type Statement } from '../db/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { TypeInfo } from './record-info.js';

interface PgError {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  column?: string;
  column_name?: string;
  detail?: string;
  message?: string;
}

/** PostgreSQL constraint errors of a write → domain errors a person can act on. Anything else passes through. */
export function mapWriteError(err: unknown, info: TypeInfo, deleting = false): unknown {
  const e = err as PgError;
  const label = info.type.doc.label;
  switch (e?.code) {
    case '23505':
      return new DomainError(ErrorCode.UNIQUE_VIOLATION, `another ${label} record already has this value${fieldHint(e, info)}`, { detail: 'unique' });
    case '23001':
    case '23503':
      return deleting
        ? new DomainError(ErrorCode.REFERENCED, `this ${label} record is still referenced by other records; clear those references first`)
        : new DomainError(ErrorCode.REFERENCE_NOT_FOUND, `a referenced record does not exist${fieldHint(e, info)}`);
    case '23502':
      return new DomainError(ErrorCode.REQUIRED_FIELD, `${label} needs a value${fieldHint(e, info)}`);
    case '22001':
      return new DomainError(ErrorCode.BAD_USER_INPUT, `a value is longer than its field allows on ${label}`);
    case '22003':
      return new DomainError(ErrorCode.BAD_USER_INPUT, `a number is out of range for its field on ${label}`);
    case '22007':
    case '22008':
    case '22P02':
      return new DomainError(ErrorCode.BAD_USER_INPUT, `a value is not valid for its field on ${label}`);
    default:
      return mapReadError(err);
  }
}

function fieldHint(e: PgError, info: TypeInfo): string {
  const column = e.column ?? e.column_name;
  const byColumn = column ? info.type.fields.find((f) => f.name === column) : undefined;
  if (byColumn) return ` (field ${byColumn.gqlName})`;
  // A column this version does not know yet (a field published meanwhile) is still named, as it is stored.
  if (column) return ` (field ${column})`;
  const detail = /Key \(([a-z0-9_]+)\)/.exec(e.detail ?? '');
  const f = detail ? info.type.activeFields.find((x) => x.name === detail[1]) : undefined;
  return f ? ` (field ${f.gqlName})` : '';
}

/**
 * A value PostgreSQL could not take in a read (a filter's duration or number out of range, a malformed date):
 * the caller's input, so BAD_USER_INPUT. A statement stopped past its time budget: TIMEOUT, saying how to ask for
 * less. Anything else passes through to be masked and logged.
 */
export function mapReadError(err: unknown): unknown {
  const code = (err as PgError)?.code;
  if (code === STATEMENT_TIMEOUT_SQLSTATE) return timeoutError(err instanceof StatementTimeoutError ? err.budgetMs : null);
  if (typeof code === 'string' && code.startsWith('22'))
    return new DomainError(ErrorCode.BAD_USER_INPUT, 'a value in the arguments is out of range or not valid for its field');
  return err;
}

function timeoutError(budgetMs: number | null): DomainError {
  const budget = budgetMs === null ? 'its time budget' : `its time budget of ${formatMs(budgetMs)}`;
  return new DomainError(
    ErrorCode.TIMEOUT,
    `the database statement ran past ${budget} and was stopped; narrow the filter (fewer or more selective conditions) or ask for a smaller page`,
    budgetMs === null ? {} : { timeoutMs: budgetMs },
  );
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

/** Runs a read statement, with bad input values reported as BAD_USER_INPUT and a stopped statement as TIMEOUT. */
export async function readRows<T extends Row>(db: Executor, statement: SQL | Statement): Promise<T[]> {
  try {
    return await db.run<T>(statement);
  } catch (err) {
    throw mapReadError(err);
  }
}
