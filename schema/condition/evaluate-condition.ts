import { UnreachableCaseError } from '../metadata/field-types.js';
import type { Model, ModelField } from '../metadata/model.js';
import { planFieldTest, type ConditionLiteral, type FieldTestPlan } from './check-condition.js';
import type { Condition, DynamicContext, FieldTest } from './condition.js';
import { resolveOperand, type ResolvedOperand } from './resolve-operand.js';



/**
 * Whether a record matches a condition: the in-memory twin of `compileCondition`, with the same answer for the
 * same row. `row` holds stored values by column name (`id` included): references as ids (string, number or
 * bigint), choices lower-case, multi_choice arrays, datetimes as ISO strings or Dates, dates as `YYYY-MM-DD` or
 * Dates at UTC midnight, decimals as strings or numbers, durations as ISO 8601 text. A path through references
 * reads the rows it passes with `lookup`; without it, or when a row is missing, the value is null.
 * Throws when the condition fails `checkCondition` in a way that leaves a test without meaning.
 */
export function evaluateCondition(
  model: Model,
  typeName: string,
  condition: Condition,
  row: Record<string, unknown>,
  dyn: DynamicContext,
  lookup?: (typeName: string, id: string) => Record<string, unknown> | undefined,
): boolean {
  const test = (c: Condition): boolean => {
    if ('and' in c) return c.and.every(test);
    if ('or' in c) return c.or.some(test);
    if ('not' in c) return !test(c.not);
    return evaluateTest(planOf(model, typeName, c), row, dyn, lookup);
  };
  return test(condition);
}

function planOf(model: Model, typeName: string, test: FieldTest): FieldTestPlan {
  const { plan, problems } = planFieldTest(model, typeName, test);
  if (plan) return plan;
  const reasons = problems.filter((p) => p.fatal).map((p) => p.message);
  throw new Error(`cannot evaluate the test of "${test.field}" on "${typeName}": ${reasons.join('; ')}`);
}

function evaluateTest(
  plan: FieldTestPlan,
  row: Record<string, unknown>,
  dyn: DynamicContext,
  lookup: ((typeName: string, id: string) => Record<string, unknown> | undefined) | undefined,
): boolean {
  const operand = resolveOperand(plan, dyn);
  // An unresolved dynamic value matches nothing, whatever the operator: `caller eq me` for a user without a record.
  if (!operand) return false;
  const v = valueAt(plan, row, lookup);
  const { field } = plan;
  const op = plan.op;
  switch (op) {
    case 'is_empty':
      return isEmpty(field, v);
    case 'is_not_empty':
      return !isEmpty(field, v);
    case 'eq':
      if (operand.kind === 'null') return v === null;
      return v !== null && equals(field, v, operand);
    case 'ne':
      if (operand.kind === 'null') return v !== null;
      return v === null || !equals(field, v, operand);
    case 'in':
      return isIn(field, v, operand);
    case 'not_in':
      return !isIn(field, v, operand);
    case 'lt':
      return v !== null && compare(field, v, operand) < 0;
    case 'lte':
      return v !== null && compare(field, v, operand) <= 0;
    case 'gt':
      return v !== null && compare(field, v, operand) > 0;
    case 'gte':
      return v !== null && compare(field, v, operand) >= 0;
    case 'contains':
      if (v === null) return false;
      if (field.type === 'multi_choice') return Array.isArray(v) && v.includes(literal(operand));
      return foldCase(String(v)).includes(foldCase(String(literal(operand))));
    case 'starts_with':
      return v !== null && foldCase(String(v)).startsWith(foldCase(String(literal(operand))));
    case 'ends_with':
      return v !== null && foldCase(String(v)).endsWith(foldCase(String(literal(operand))));
    default:
      throw new UnreachableCaseError(op);
  }
}

/** The stored value at the end of the plan's path; null when any step along it is null or missing. */
function valueAt(
  plan: FieldTestPlan,
  row: Record<string, unknown>,
  lookup: ((typeName: string, id: string) => Record<string, unknown> | undefined) | undefined,
): unknown {
  let current: Record<string, unknown> | undefined = row;
  for (const step of plan.steps) {
    const id: unknown = current[step.field.name];
    if (id === null || id === undefined || !lookup) return null;
    current = lookup(step.target.name, idText(id));
    if (!current) return null;
  }
  return current[plan.field.name] ?? null;
}

function literal(operand: ResolvedOperand): ConditionLiteral {
  if (operand.kind !== 'one') throw new Error(`a single value was expected, not ${operand.kind}`);
  return operand.value;
}

/** Record ids as canonical digit strings, whichever way the driver handed them over. */
function idText(v: unknown): string {
  const s = String(v);
  return /^\d+$/.test(s) ? BigInt(s).toString() : s;
}

/**
 * Case folding for contains/starts_with/ends_with, as ILIKE does it. Per character, so a letter whose lower case
 * is longer (İ) does not shift what follows; the few such letters may still fold differently from PostgreSQL.
 */
function foldCase(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

function isEmpty(field: ModelField, v: unknown): boolean {
  if (v === null) return true;
  const type = field.type;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return v === '';
    case 'multi_choice':
      return Array.isArray(v) && v.length === 0;
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'choice':
    case 'reference':
    case 'json':
      return false;
    default:
      throw new UnreachableCaseError(type);
  }
}

function isIn(field: ModelField, v: unknown, operand: ResolvedOperand): boolean {
  if (operand.kind !== 'many') throw new Error(`a list was expected, not ${operand.kind}`);
  return v !== null && operand.values.some((x) => equals(field, v, { kind: 'one', value: x }));
}

function equals(field: ModelField, v: unknown, operand: ResolvedOperand): boolean {
  const type = field.type;
  switch (type) {
    case 'reference':
      return idText(v) === literal(operand);
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'choice':
      return String(v) === literal(operand);
    case 'boolean':
      return toBoolean(v) === literal(operand);
    case 'integer':
    case 'decimal':
    case 'date':
    case 'datetime':
    case 'duration':
      return compare(field, v, operand) === 0;
    case 'multi_choice':
    case 'json':
      throw new Error(`${type} fields are not compared for equality`);
    default:
      throw new UnreachableCaseError(type);
  }
}

function toBoolean(v: unknown): boolean {
  return v === true || v === 't' || v === 'true';
}

/** Order of a stored value against the operand, as PostgreSQL orders these types. */
function compare(field: ModelField, v: unknown, operand: ResolvedOperand): number {
  const type = field.type;
  if (operand.kind === 'instant') return sign(instantOf(type, v) - operand.at.getTime());
  const x = literal(operand);
  switch (type) {
    case 'integer':
      return sign(Number(v) - Number(x));
    case 'decimal':
      return compareDecimal(parseDecimal(String(v)), parseDecimal(String(x)));
    case 'duration':
      return compareBig(durationMicros(String(v)), durationMicros(String(x)));
    case 'date': {
      const a = dateText(v);
      const b = String(x);
      return a < b ? -1 : a > b ? 1 : 0;
    }
    case 'datetime':
      return sign(instantOf(type, v) - Date.parse(String(x)));
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'boolean':
    case 'choice':
    case 'multi_choice':
    case 'reference':
    case 'json':
      throw new Error(`${type} fields are not ordered`);
    default:
      throw new UnreachableCaseError(type);
  }
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateText(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/** Milliseconds since the epoch; a date is its midnight in UTC, the session time zone SQL compares it in. */
function instantOf(type: ModelField['type'], v: unknown): number {
  if (type === 'date') return Date.parse(`${dateText(v)}T00:00:00Z`);
  return v instanceof Date ? v.getTime() : Date.parse(String(v));
}

interface Decimal {
  coef: bigint;
  scale: number;
}

/** A decimal as an integer and a power of ten, so 0.1 + 0.2 questions never arise. */
function parseDecimal(text: string): Decimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m || m[2] + (m[3] ?? '') === '') throw new Error(`not a decimal: ${text}`);
  const fraction = m[3] ?? '';
  let coef = BigInt((m[2] || '0') + fraction);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    coef *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { coef: m[1] === '-' ? -coef : coef, scale };
}

function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  return compareBig(a.coef * 10n ** BigInt(scale - a.scale), b.coef * 10n ** BigInt(scale - b.scale));
}

const ISO_DURATION = /^P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?)(\d+)(?:\.(\d+))?S)?)?$/;
const MICROS_PER_DAY = 86_400_000_000n;

/**
 * An ISO 8601 duration (PostgreSQL's `iso_8601` interval style) as microseconds, the way PostgreSQL compares
 * intervals: a month is 30 days, a day 24 hours.
 */
function durationMicros(text: string): bigint {
  const m = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!m) throw new Error(`not an ISO 8601 duration: ${text}`);
  const n = (i: number) => BigInt(m[i] ?? 0);
  const months = n(1) * 12n + n(2);
  const days = n(3) * 7n + n(4) + months * 30n;
  const seconds = BigInt(m[8] ?? 0) * 1_000_000n + BigInt((m[9] ?? '').padEnd(6, '0').slice(0, 6));
  const micros = n(5) * 3_600_000_000n + n(6) * 60_000_000n + (m[7] === '-' ? -seconds : seconds);
  return days * MICROS_PER_DAY + micros;
}
