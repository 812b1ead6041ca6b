import { UnreachableCaseError } from './field-types.js';
import type { FieldDoc } from './record-type.js';

// The column each type is stored in bounds its values (see server/ddl/column-type.ts): these mirror it.
const DEFAULT_STRING_LENGTH = 255;
const EMAIL_LENGTH = 254;
const URL_LENGTH = 2048;
const DECIMAL_PRECISION = 20;
const DEFAULT_SCALE = 2;
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

const DECIMAL = /^-?(\d{1,18})(\.\d{1,12})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
// ISO 8601 durations with designators, the form PostgreSQL reads and answers with (IntervalStyle iso_8601).
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,6})?S)?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The default of a date or datetime field that is the time of the create (the day, for a date), not a fixed
 * value: the column's `DEFAULT now()`. Unlike `auto: now` a writer may still give a value (an importer backdates).
 */
export const NOW_DEFAULT = 'now';

/**
 * Why a field's default cannot be stored in the field's column, or null when it can (or there is none). Pure,
 * so the studio shows the same answer; every message says what the default is and what would fit.
 */
export function defaultProblem(f: FieldDoc): string | null {
  const v = f.default;
  if (v === undefined) return null;
  const shown = show(v);
  if (v === null) return `the default of "${f.name}" is null: leave the default out instead`;
  const type = f.type;
  switch (type) {
    case 'string':
    case 'text':
      if (typeof v !== 'string') return `default ${shown} of ${type} field "${f.name}" is not text; write it in quotes`;
      if (type === 'string' && v.length > (f.maxLength ?? DEFAULT_STRING_LENGTH))
        return `default of "${f.name}" is ${v.length} characters long, more than its maximum length ${f.maxLength ?? DEFAULT_STRING_LENGTH}`;
      return null;
    case 'email':
      if (typeof v !== 'string' || !EMAIL.test(v) || v.length > EMAIL_LENGTH) return `default ${shown} of "${f.name}" is not an e-mail address (such as "desk@example.com")`;
      return null;
    case 'url':
      if (typeof v !== 'string' || v.length > URL_LENGTH || !isUrl(v)) return `default ${shown} of "${f.name}" is not an absolute URL of at most ${URL_LENGTH} characters (such as "https://example.com/")`;
      return null;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < INT_MIN || v > INT_MAX) return `default ${shown} of integer field "${f.name}" is not a whole number between ${INT_MIN} and ${INT_MAX}`;
      return null;
    case 'decimal':
      return decimalProblem(f, v, shown);
    case 'boolean':
      if (typeof v !== 'boolean') return `default ${shown} of boolean field "${f.name}" is neither true nor false`;
      return null;
    case 'date':
      if (v === NOW_DEFAULT) return null;
      if (typeof v !== 'string' || !isDate(v)) return `default ${shown} of date field "${f.name}" is neither "${NOW_DEFAULT}" nor a date written as YYYY-MM-DD (such as "2026-01-31")`;
      return null;
    case 'datetime':
      if (v === NOW_DEFAULT) return null;
      if (typeof v !== 'string' || !isDateTime(v))
        return `default ${shown} of datetime field "${f.name}" is neither "${NOW_DEFAULT}" nor an RFC 3339 date-time with a time zone (such as "2026-01-31T09:00:00Z")`;
      return null;
    case 'duration':
      if (typeof v !== 'string' || !DURATION.test(v)) return `default ${shown} of duration field "${f.name}" is not an ISO 8601 duration (such as "PT4H" or "P1DT2H")`;
      return null;
    case 'choice': {
      const values = (f.choices ?? []).map((c) => c.value);
      if (typeof v !== 'string' || !values.includes(v)) return `default ${shown} of "${f.name}" is not one of its choices (${values.join(', ') || 'none'})`;
      return null;
    }
    case 'multi_choice': {
      const values = new Set((f.choices ?? []).map((c) => c.value));
      if (!Array.isArray(v)) return `default ${shown} of multi-choice field "${f.name}" is not a list of its choices`;
      const stray = v.filter((x) => typeof x !== 'string' || !values.has(x));
      if (stray.length) return `default of "${f.name}" has ${stray.map(show).join(', ')}, not among its choices (${[...values].join(', ') || 'none'})`;
      return null;
    }
    case 'reference':
      // Record ids belong to one installation; metadata travels between installations as files.
      return `reference field "${f.name}" cannot have a default: metadata cannot name a record; leave the default out`;
    case 'json':
      return isJson(v) ? null : `default of json field "${f.name}" is not a JSON value (numbers must be finite)`;
    default:
      throw new UnreachableCaseError(type);
  }
}

function decimalProblem(f: FieldDoc, v: unknown, shown: string): string | null {
  const scale = f.scale ?? DEFAULT_SCALE;
  const text = typeof v === 'number' ? String(v) : v;
  const m = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!m) return `default ${shown} of decimal field "${f.name}" is not a decimal number (such as "12.50")`;
  const digits = m[1].replace(/^0+(?=\d)/, '').length;
  if (digits > DECIMAL_PRECISION - scale)
    return `default ${shown} of "${f.name}" has ${digits} digits before the point; with scale ${scale} at most ${DECIMAL_PRECISION - scale} fit`;
  return null;
}

function isDate(v: string): boolean {
  const m = DATE.exec(v);
  return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isDateTime(v: string): boolean {
  const m = DATETIME.exec(v);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  return !m[9] || (Number(m[10]) <= 15 && Number(m[11]) <= 59);
}

/** A real calendar day; year 0 does not exist in PostgreSQL's calendar. */
function validDay(y: number, mo: number, d: number): boolean {
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(2000, mo, 0)).getUTCDate();
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : days);
}

function isUrl(v: string): boolean {
  try {
    return new URL(v).href.length > 0;
  } catch {
    return false;
  }
}

function isJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(isJson);
  return false;
}

function show(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
