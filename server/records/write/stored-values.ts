import type { ModelField } from '../../../schema/index.js';
import { paramValue } from '../compile/field-value.js';
import type { RecordValues } from '../compile/index.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';
import type { StoredRow } from './write-state.js';

/**
 * A parsed GraphQL value in the form the row stores and conditions compare (see `evaluateCondition`): references
 * as record ids (a global id of the wrong type is INVALID_ID, as the write would say), choices lower-case, times
 * as ISO text. JSON stays a value: conditions do not compare it and emptiness is all that matters of it.
 */
export function storedValue(graph: GraphInfo, field: ModelField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return field.type === 'json' ? value : paramValue(graph, field, value);
}

/** Values of a create or a patch (by GraphQL name) as stored values by column name; unknown names are left out. */
export function storedValues(graph: GraphInfo, info: TypeInfo, values: RecordValues): StoredRow {
  const out: StoredRow = {};
  for (const [key, value] of Object.entries(values)) {
    const field = info.fields.get(key);
    if (field) out[field.name] = storedValue(graph, field, value);
  }
  return out;
}

/**
 * A new record before anything is given: every field null but those with a default, which hold it (server-set
 * fields are null: the server fills them as it writes). What a form for a new record starts from, and what a
 * create's values are laid over.
 */
export function defaultRow(graph: GraphInfo, info: TypeInfo): StoredRow {
  const out: StoredRow = {};
  for (const field of info.fields.values()) out[field.name] = field.auto || field.default === undefined ? null : storedValue(graph, field, field.default);
  return out;
}

/** Whether two stored values of a field are the same value (ids, times and decimals compare by value, not by spelling). */
export function sameStoredValue(field: ModelField, a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined;
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  switch (field.type) {
    case 'reference':
    case 'integer':
      return String(a) === String(b);
    case 'decimal':
      return decimalText(a) === decimalText(b);
    case 'datetime':
      return Date.parse(String(a)) === Date.parse(String(b));
    case 'date':
      return String(a).slice(0, 10) === String(b).slice(0, 10);
    case 'multi_choice':
    case 'json':
      return JSON.stringify(a) === JSON.stringify(b);
    default:
      return a === b || String(a) === String(b);
  }
}

/** A decimal in one spelling (no leading or trailing zeros), so 1.50 and 1.5 are the same value. */
function decimalText(v: unknown): string {
  const s = String(v).trim().replace(/^\+/, '');
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return String(Number(s));
  const whole = m[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return text === '0' ? '0' : `${m[1]}${text}`;
}
