import { DomainError, ErrorCode } from '../../domain-error.js';
import { orderSignature, type OrderTerm } from './compile-order.js';

/**
 * A cursor carries the order it was made for and the row's order key (readable sort values and the id), so a
 * page continues by keyset from exactly that row. The statement makes it in SQL (base64url of the JSON array
 * `[signature, ...values]`, see compile-connection.ts); it is opaque to clients and checked on the way back in:
 * every value must be one the term's column could have produced, so a crafted cursor is refused as
 * INVALID_CURSOR before any SQL is built, never sent to the database to fail there.
 */
export function decodeCursor(cursor: string, terms: readonly OrderTerm[]): unknown[] {
  const notOurs = () => new DomainError(ErrorCode.INVALID_CURSOR, `"${shorten(cursor)}" is not a cursor this API issued`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(parsed) || parsed.length !== terms.length + 1 || typeof parsed[0] !== 'string') throw notOurs();
  const signature = orderSignature([...terms]);
  if (parsed[0] !== signature)
    throw new DomainError(ErrorCode.INVALID_CURSOR, `this cursor was issued for a different orderBy (${shorten(parsed[0]) || 'default'}); use the same orderBy to continue paging`);
  const values = parsed.slice(1);
  terms.forEach((t, i) => {
    if (!fitsColumn(values[i], t)) throw notOurs();
  });
  return values;
}

const INTEGER = /^-?\d+$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2}(:\d{2})?)?)?$/;
/** An interval as PostgreSQL writes it: `1 year 2 mons -3 days +04:05:06.5` (IntervalStyle postgres) or ISO 8601. */
const INTERVAL = /^(?=.*\d)(?:[+-]?\d{1,6} (?:years?|mons?|days?)(?: |$))*(?:[+-]?\d{1,9}:\d{2}:\d{2}(?:\.\d{1,6})?)?$/;
const ISO_INTERVAL = /^-?P(?=.*\d)(?:-?\d{1,9}(?:\.\d{1,6})?[YMWD])*(?:T(?:-?\d{1,9}(?:\.\d{1,6})?[HMS])+)?$/;
const INT4 = 2n ** 31n;
const INT8 = 2n ** 63n;

/** Whether `value` is a value of the term's column as its JSON (json_build_array) renders it. */
function fitsColumn(value: unknown, term: OrderTerm): boolean {
  if (value === null) return !term.notNull;
  const type = term.columnType;
  if (type === 'bigint' || type === 'integer') {
    const range = type === 'bigint' ? INT8 : INT4;
    const n = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : typeof value === 'string' && INTEGER.test(value) && value.length <= 20 ? BigInt(value) : null;
    return n !== null && n >= -range && n < range;
  }
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(type);
  if (numeric) {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' && NUMERIC.test(value) ? value : null;
    // Digits before the point must fit the column, or the cast back to numeric(p,s) overflows.
    const whole = text !== null && !/e/i.test(text) ? text.replace(/^-/, '').split('.')[0].replace(/^0+(?=\d)/, '') : null;
    return whole !== null && whole.length <= Number(numeric[1]) - Number(numeric[2]);
  }
  const varchar = /^varchar\((\d+)\)$/.exec(type);
  if (varchar || type === 'text') return typeof value === 'string' && !value.includes('\u0000') && (!varchar || [...value].length <= Number(varchar[1]));
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'date' || type === 'timestamptz') return typeof value === 'string' && (value === 'infinity' || value === '-infinity' || isTimestamp(value, type === 'date'));
  if (type === 'interval') return typeof value === 'string' && (INTERVAL.test(value) || ISO_INTERVAL.test(value));
  return false;
}

/** An ISO date or timestamp whose day exists (JS's Date would roll 2026-02-30 over to March; PostgreSQL refuses it). */
function isTimestamp(text: string, dateOnly: boolean): boolean {
  if (dateOnly ? !/^\d{4}-\d{2}-\d{2}$/.test(text) : !TIMESTAMP.test(text)) return false;
  const [, y, m, d] = DATE.exec(text)!.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return false;
  const time = /[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  return !time || (Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60);
}

/** A long crafted cursor is not echoed back in full. */
function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
