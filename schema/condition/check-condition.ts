import { IDENTITY_TYPES } from '../access/identity-types.js';
import { UnreachableCaseError, type FieldType } from '../metadata/field-types.js';
import type { Model, ModelField, ModelType } from '../metadata/model.js';
import { isDynamic, LIST_DYNAMIC_VALUES, type Condition, type ConditionOperator, type DynamicValueName, type FieldTest } from './condition.js';

/**
 * A literal in the one form both backends compare with: text (choices lower-cased), integers as numbers,
 * decimals as decimal text, booleans, dates as `YYYY-MM-DD`, datetimes as `toISOString()` text, durations as
 * ISO 8601 text (`P1DT2H`), record ids as digit strings.
 */
export type ConditionLiteral = string | number | boolean;

/** What a test compares with, after checking. */
export type ConditionOperand =
  | { kind: 'none' }
  | { kind: 'null' }
  | { kind: 'value'; value: ConditionLiteral }
  | { kind: 'list'; values: ConditionLiteral[] }
  | { kind: 'dynamic'; name: DynamicValueName };

/** One reference followed by a path: `field` on the type reached so far, `target` the type it points at. */
export interface ConditionStep {
  field: ModelField;
  target: ModelType;
}

/**
 * A field test resolved against the model. Both backends (the TS evaluator and the SQL compiler) work from this
 * plan only, so what a test means is decided once, here.
 */
export interface FieldTestPlan {
  /** References walked before the tested field, in path order. */
  steps: ConditionStep[];
  /** The tested field on the last type reached; `id` and `number` appear as fields of their own. */
  field: ModelField;
  op: ConditionOperator;
  operand: ConditionOperand;
}

/** A problem with one field test; `at` is the key of the test it is about. */
export interface FieldTestProblem {
  at: 'field' | 'op' | 'value';
  message: string;
  /** True when the test has no meaning (no plan). A choice that does not exist is not fatal: it never matches. */
  fatal: boolean;
}

/** The record type each dynamic value stands for; null for `now`, which is a point in time. */
export function dynamicTarget(name: DynamicValueName): string | null {
  switch (name) {
    case 'me':
      return IDENTITY_TYPES.user;
    case 'my_groups':
      return IDENTITY_TYPES.group;
    case 'my_account':
    case 'my_account_tree':
    case 'my_partner_customers':
      return IDENTITY_TYPES.account;
    case 'my_department':
      return IDENTITY_TYPES.department;
    case 'my_location':
      return IDENTITY_TYPES.location;
    case 'now':
      return null;
    default:
      throw new UnreachableCaseError(name);
  }
}

const TEXT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['string', 'text', 'email', 'url']);

/**
 * Types lt/gt accept. Text and choices are left out on purpose: their order depends on the database's
 * collation, which the TS evaluator cannot reproduce.
 */
const ORDERED_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['integer', 'decimal', 'duration', 'date', 'datetime']);

function operatorFits(type: FieldType, op: ConditionOperator): boolean {
  switch (op) {
    case 'eq':
    case 'ne':
    case 'in':
    case 'not_in':
      return type !== 'multi_choice' && type !== 'json';
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return ORDERED_TYPES.has(type);
    case 'contains':
      return TEXT_TYPES.has(type) || type === 'multi_choice';
    case 'starts_with':
    case 'ends_with':
      return TEXT_TYPES.has(type);
    case 'is_empty':
    case 'is_not_empty':
      return true;
    default:
      throw new UnreachableCaseError(op);
  }
}

function operatorHint(type: FieldType, op: ConditionOperator): string {
  if (type === 'json') return 'json fields can only be tested with is_empty or is_not_empty';
  if (type === 'multi_choice') return 'test multi_choice fields with contains, is_empty or is_not_empty';
  if (op === 'contains') return 'contains works on text fields (string, text, email, url) and multi_choice fields';
  if (op === 'starts_with' || op === 'ends_with') return `${op} works on text fields (string, text, email, url)`;
  if (type === 'choice' || type === 'boolean')
    return `${op} works on integer, decimal, duration, date and datetime fields; test ${type} fields with eq, ne, in or not_in`;
  return `${op} works on integer, decimal, duration, date and datetime fields`;
}

/** Fields a test may end on: active fields, plus the record's own `id` and its `number`. */
function testableField(type: ModelType, name: string): ModelField | undefined {
  if (name === 'id') return systemField(type, 'id', 'reference', { reference: type.name });
  if (name === 'number') return systemField(type, 'number', 'string', { maxLength: 20 });
  return type.activeFields.find((f) => f.name === name);
}

function systemField(type: ModelType, name: string, fieldType: FieldType, extra: Partial<ModelField>): ModelField {
  return {
    id: `${type.name}.${name}`,
    name,
    label: name,
    type: fieldType,
    owner: type.name,
    gqlName: name,
    required: false,
    unique: false,
    archived: false,
    ...extra,
  };
}

/** `an integer`, `a string`: field types in messages. */
function aType(type: FieldType): string {
  return /^[aeio]/.test(type) ? `an ${type}` : `a ${type}`;
}

function missingField(type: ModelType, name: string, through: string): string {
  const where = through ? `record type "${type.name}" (reached through ${through})` : `record type "${type.name}"`;
  if (name === '') return `the path has an empty segment; ${where} needs a field name there`;
  if (type.fields.some((f) => f.name === name)) return `field "${name}" of ${where} is archived`;
  return `${where} has no field "${name}"`;
}

/**
 * Resolve one field test: its path, whether its operator fits the field, and its value in canonical form.
 * `plan` is null exactly when some problem is fatal.
 */
export function planFieldTest(model: Model, typeName: string, test: FieldTest): { plan: FieldTestPlan | null; problems: FieldTestProblem[] } {
  const problems: FieldTestProblem[] = [];
  const fail = (at: FieldTestProblem['at'], message: string) => {
    problems.push({ at, message, fatal: true });
    return { plan: null, problems };
  };
  let type = model.types.get(typeName);
  if (!type || type.archived) return fail('field', `record type "${typeName}" ${type ? 'is archived' : 'does not exist'}`);

  const segments = test.field.split('.');
  const steps: ConditionStep[] = [];
  for (const [i, name] of segments.slice(0, -1).entries()) {
    const through = segments.slice(0, i).join('.');
    const field = type.activeFields.find((f) => f.name === name);
    if (!field) return fail('field', name === 'id' ? `"id" is the record itself; name the next field directly` : missingField(type, name, through));
    if (field.type !== 'reference')
      return fail(
        'field',
        `"${segments.slice(0, i + 1).join('.')}" is ${aType(field.type)} field, not a reference; a path goes on only through reference fields`,
      );
    const target = model.types.get(field.reference ?? '');
    if (!target || target.archived)
      return fail('field', `"${segments.slice(0, i + 1).join('.')}" points to "${field.reference}", which is not an available record type`);
    steps.push({ field, target });
    type = target;
  }
  const last = segments[segments.length - 1];
  const field = testableField(type, last);
  if (!field) return fail('field', missingField(type, last, segments.slice(0, -1).join('.')));
  if (!operatorFits(field.type, test.op))
    return fail('op', `${test.op} does not apply to "${test.field}", ${aType(field.type)} field: ${operatorHint(field.type, test.op)}`);

  const operand = operandOf(field, test, problems);
  if (!operand || problems.some((p) => p.fatal)) return { plan: null, problems };
  return { plan: { steps, field, op: test.op, operand }, problems };
}

function operandOf(field: ModelField, test: FieldTest, problems: FieldTestProblem[]): ConditionOperand | null {
  const { op, value } = test;
  const fail = (message: string): null => {
    problems.push({ at: 'value', message, fatal: true });
    return null;
  };
  switch (op) {
    case 'is_empty':
    case 'is_not_empty':
      if (value !== undefined && value !== null) problems.push({ at: 'value', message: `${op} takes no value; the value given is ignored`, fatal: false });
      return { kind: 'none' };
    case 'eq':
    case 'ne':
      if (value === undefined) return fail(`${op} needs a value; to test for no value use is_empty, or a value of null`);
      if (value === null) return { kind: 'null' };
      if (Array.isArray(value)) return fail(`${op} compares with one value, not a list; use ${op === 'eq' ? 'in' : 'not_in'} for a list`);
      if (isDynamic(value)) return dynamicOperand(field, test, value.dynamic, fail);
      return literalOperand(field, test.field, value, problems);
    case 'in':
    case 'not_in': {
      const single = op === 'in' ? 'eq' : 'ne';
      if (value === undefined || value === null) return fail(`${op} needs a list of values, or one of ${[...LIST_DYNAMIC_VALUES].join(', ')}`);
      if (isDynamic(value)) {
        if (!LIST_DYNAMIC_VALUES.has(value.dynamic)) return fail(`${value.dynamic} is one value, not a list; use ${single}`);
        return dynamicOperand(field, test, value.dynamic, fail);
      }
      if (!Array.isArray(value)) return fail(`${op} needs a list of values; use ${single} to compare with one value`);
      const values: ConditionLiteral[] = [];
      for (const v of value) {
        if (v === null) {
          problems.push({ at: 'value', message: `a null in the list of ${op} matches nothing and is ignored; test for no value with is_empty`, fatal: false });
          continue;
        }
        const lit = literalOperand(field, test.field, v, problems);
        if (lit) values.push(lit.value);
      }
      return { kind: 'list', values };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      if (value === undefined || value === null) return fail(`${op} needs a value`);
      if (Array.isArray(value)) return fail(`${op} compares with one value, not a list`);
      if (isDynamic(value)) {
        if (op === 'contains' || op === 'starts_with' || op === 'ends_with') return fail(`${op} compares with text; ${value.dynamic} is not text`);
        return dynamicOperand(field, test, value.dynamic, fail);
      }
      return literalOperand(field, test.field, value, problems);
    default:
      throw new UnreachableCaseError(op);
  }
}

function dynamicOperand(field: ModelField, test: FieldTest, name: DynamicValueName, fail: (message: string) => null): ConditionOperand | null {
  const list = LIST_DYNAMIC_VALUES.has(name);
  if (list && test.op !== 'in' && test.op !== 'not_in') return fail(`${name} is a list of records; use in or not_in`);
  const target = dynamicTarget(name);
  if (target === null) {
    if (field.type !== 'date' && field.type !== 'datetime')
      return fail(`now is a point in time; "${test.field}" is ${aType(field.type)} field, not a date or datetime`);
  } else if (field.type !== 'reference' || field.reference !== target) {
    const what = field.type === 'reference' ? `points to "${field.reference}"` : `is ${aType(field.type)} field`;
    return fail(`${name} stands for ${list ? 'records' : 'a record'} of "${target}"; "${test.field}" ${what}`);
  }
  return { kind: 'dynamic', name };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
// Integer components (fractions of days or months are resolved differently by PostgreSQL), seconds to microseconds.
const DURATION = /^P(?=\d|T\d)(\d{1,6}Y)?(\d{1,6}M)?(\d{1,6}W)?(\d{1,6}D)?(T(?=\d)(\d{1,6}H)?(\d{1,6}M)?(\d{1,9}(\.\d{1,6})?S)?)?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_BIGINT = 2n ** 63n - 1n;

function literalOperand(
  field: ModelField,
  path: string,
  value: string | number | boolean,
  problems: FieldTestProblem[],
): { kind: 'value'; value: ConditionLiteral } | null {
  const ok = (v: ConditionLiteral) => ({ kind: 'value' as const, value: v });
  const fail = (message: string) => {
    problems.push({ at: 'value', message: `${JSON.stringify(value)} ${message}`, fatal: true });
    return null;
  };
  const type = field.type;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      if (typeof value === 'boolean') return fail(`is not text; "${path}" is ${aType(type)} field`);
      return ok(String(value));
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return ok(value);
      if (typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value)) return ok(Number(value));
      return fail(`is not a whole number; "${path}" is an integer field`);
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
      if (typeof value === 'string' && DECIMAL.test(value)) return ok(value);
      return fail(`is not a number; "${path}" is a decimal field`);
    case 'boolean':
      if (typeof value === 'boolean') return ok(value);
      return fail(`is not true or false; "${path}" is a boolean field`);
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
        return fail(`is not a date (YYYY-MM-DD); "${path}" is a date field`);
      return ok(value as string);
    }
    case 'datetime': {
      // A time without an offset would be read in the server's time zone by SQL and the local one by JS.
      const ms = typeof value === 'string' && DATETIME.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(ms)) return fail(`is not a date and time with an offset (2026-01-31T09:00:00Z); "${path}" is a datetime field`);
      return ok(new Date(ms).toISOString());
    }
    case 'duration': {
      const text = typeof value === 'string' ? value.toUpperCase() : '';
      if (!DURATION.test(text)) return fail(`is not an ISO 8601 duration (P1DT2H30M); "${path}" is a duration field`);
      return ok(text);
    }
    case 'choice':
    case 'multi_choice': {
      if (typeof value !== 'string') return fail(`is not a choice; "${path}" is ${aType(type)} field`);
      const lower = value.toLowerCase();
      const choices = field.choices ?? [];
      if (!choices.some((c) => c.value === lower))
        problems.push({
          at: 'value',
          message: `"${value}" is not a choice of "${path}" (${choices.map((c) => c.value).join(', ')}); it never matches`,
          fatal: false,
        });
      return ok(lower);
    }
    case 'reference': {
      const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : typeof value === 'string' ? value : '';
      if (!/^\d{1,19}$/.test(text) || BigInt(text) > MAX_BIGINT) return fail(`is not a record id (a string of digits); "${path}" is a reference`);
      return ok(BigInt(text).toString());
    }
    case 'json':
      return fail(`cannot be compared with a json field`);
    default:
      throw new UnreachableCaseError(type);
  }
}

/**
 * Static problems of a condition on records of `typeName`, each with a path below `path` (`….and.1.field`) and a
 * message a person can act on: unknown fields, paths through non-references, operators that do not fit the
 * field, values of the wrong shape or kind, dynamic values that stand for another type, choices that do not exist.
 */
export function checkCondition(model: Model, typeName: string, condition: Condition, path: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const type = model.types.get(typeName);
  if (!type || type.archived) return [{ path, message: `record type "${typeName}" ${type ? 'is archived' : 'does not exist'}` }];
  const walk = (c: Condition, at: string): void => {
    if ('and' in c) c.and.forEach((x, i) => walk(x, `${at}.and.${i}`));
    else if ('or' in c) c.or.forEach((x, i) => walk(x, `${at}.or.${i}`));
    else if ('not' in c) walk(c.not, `${at}.not`);
    else for (const p of planFieldTest(model, typeName, c).problems) out.push({ path: `${at}.${p.at}`, message: p.message });
  };
  walk(condition, path);
  return out;
}
