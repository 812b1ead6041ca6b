import { DomainError, ErrorCode } from '../../../domain-error.js';

/**
 * A cursor carries the order it was made for and the row's order key (readable sort values and the id), so a
 * page continues by keyset from exactly that row. The statement makes it in SQL (base64url of the JSON array
 * `[signature, ...values]`, see compile-connection.ts); it is opaque to clients and checked on the way back in.
 */
export function decodeCursor(cursor: string, orderSignature: string, arity: number): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  } catch {
    throw new DomainError(ErrorCode.INVALID_CURSOR, `"${cursor}" is not a cursor this API issued`);
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || typeof parsed[0] !== 'string')
    throw new DomainError(ErrorCode.INVALID_CURSOR, `"${cursor}" is not a cursor this API issued`);
  if (parsed[0] !== orderSignature)
    throw new DomainError(ErrorCode.INVALID_CURSOR, `this cursor was issued for a different orderBy (${parsed[0] || 'default'}); use the same orderBy to continue paging`);
  return parsed.slice(1);
}
