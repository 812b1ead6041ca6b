import type { FieldType } from './field-types.js';
import type { ChoiceDoc } from './record-type.js';

/** The parts of a field definition a change of its column depends on. */
export interface ConvertibleField {
  type: FieldType;
  maxLength?: number;
  scale?: number;
  choices?: readonly ChoiceDoc[];
}

/**
 * How each stored value becomes the new type: `cast` casts the column, `via_text` casts through text first,
 * `trim_cast` trims surrounding blanks and casts, `wrap_in_array` makes a one-value list of a choice.
 */
export type ConversionMethod = 'cast' | 'via_text' | 'trim_cast' | 'wrap_in_array';

/** Which stored values would not convert: a publish counts them first and refuses with the count. */
export type ConversionCheck =
  | { kind: 'max_length'; maxLength: number }
  | { kind: 'email'; maxLength: number }
  | { kind: 'url'; maxLength: number }
  | { kind: 'decimal_scale'; scale: number }
  | { kind: 'integer_range' }
  | { kind: 'whole_number_text' }
  | { kind: 'decimal_text' }
  | { kind: 'choices'; values: string[]; array: boolean };

/** A change of a field's column that keeps its data. */
export interface FieldConversion {
  method: ConversionMethod;
  /** Null: every value converts. */
  check: ConversionCheck | null;
  /** What the values a check finds are, for "n record(s) …" (null without a check). */
  why: string | null;
}

const TEXTUAL = new Set<FieldType>(['string', 'text', 'email', 'url', 'choice']);
const PRINTABLE = new Set<FieldType>(['integer', 'decimal', 'boolean', 'date', 'datetime', 'duration']);

/** The longest text a field of this definition holds, or null when text of any length fits. */
export function maxTextLength(f: ConvertibleField): number | null {
  switch (f.type) {
    case 'string':
      return f.maxLength ?? 255;
    case 'email':
      return 254;
    case 'url':
      return 2048;
    case 'choice':
      return 64;
    default:
      return null;
  }
}

/**
 * Whether the column of a field defined as `from` can become one defined as `to` without losing data, and how;
 * null when there is no safe conversion (the publish refuses it: add a new field and move the data instead). The
 * server's DDL planner turns this into SQL and the studio offers exactly these, so both agree on every pair.
 */
export function fieldConversion(from: ConvertibleField, to: ConvertibleField): FieldConversion | null {
  const maxLen = maxTextLength(to);
  const lengthCheck = (method: ConversionMethod): FieldConversion =>
    maxLen === null ? { method, check: null, why: null } : { method, check: { kind: 'max_length', maxLength: maxLen }, why: `are longer than ${maxLen} characters` };

  if (from.type === to.type) {
    if (from.type === 'decimal' && (to.scale ?? 2) < (from.scale ?? 2))
      return { method: 'cast', check: { kind: 'decimal_scale', scale: to.scale ?? 2 }, why: `have more than ${to.scale ?? 2} decimal places` };
    if (from.type === 'choice' || from.type === 'multi_choice') return choiceCheck(to, 'cast', from.type === 'multi_choice');
    return lengthCheck('cast');
  }
  if (TEXTUAL.has(from.type) && TEXTUAL.has(to.type)) {
    if (to.type === 'choice') return choiceCheck(to, 'cast', false);
    if (to.type === 'email') return { method: 'cast', check: { kind: 'email', maxLength: 254 }, why: 'are not e-mail addresses' };
    if (to.type === 'url') return { method: 'cast', check: { kind: 'url', maxLength: 2048 }, why: 'are not URLs' };
    return lengthCheck('cast');
  }
  if (PRINTABLE.has(from.type) && (to.type === 'text' || to.type === 'string')) return lengthCheck('via_text');
  if (from.type === 'integer' && to.type === 'decimal') return { method: 'cast', check: null, why: null };
  if (from.type === 'decimal' && to.type === 'integer') return { method: 'cast', check: { kind: 'integer_range' }, why: 'are not whole numbers within the integer range' };
  if ((from.type === 'string' || from.type === 'text') && to.type === 'integer') return { method: 'trim_cast', check: { kind: 'whole_number_text' }, why: 'are not whole numbers' };
  if ((from.type === 'string' || from.type === 'text') && to.type === 'decimal') return { method: 'trim_cast', check: { kind: 'decimal_text' }, why: 'are not decimal numbers' };
  if (from.type === 'date' && to.type === 'datetime') return { method: 'cast', check: null, why: null };
  if (from.type === 'choice' && to.type === 'multi_choice') return choiceCheck(to, 'wrap_in_array', false);
  return null;
}

function choiceCheck(to: ConvertibleField, method: ConversionMethod, array: boolean): FieldConversion {
  return { method, check: { kind: 'choices', values: (to.choices ?? []).map((c) => c.value), array }, why: 'are not among the choices' };
}
