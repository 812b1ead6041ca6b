import { sql, type SQL } from 'drizzle-orm';
import {
  resolveOperand,
  type ResolvedOperand,
  planFieldTest,
  IDENTITY_TYPES,
  UnreachableCaseError,
  type Condition,
  type ConditionLiteral,
  type DynamicContext,
  type FieldTest,
  type FieldTestPlan,
  type ModelField,
  type ModelType,
} from '../../../schema/index.js';
import { columnType, tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import type { CompileContext } from './compile-context.js';
import { arrayParam } from './field-value.js';


/**
 * A condition → an SQL predicate over the row `alias` of `info`, true exactly for the rows `evaluateCondition`
 * accepts. Every test is two-valued (never NULL), so NOT means what it does in TS. Values are parameters;
 * dynamic values are resolved from `dyn` here (`now` included, so SQL and TS see the same time).
 * Throws VALIDATION_FAILED for a condition that fails `checkCondition` in a way that leaves a test without meaning.
 */
export function compileCondition(ctx: CompileContext, info: TypeInfo, alias: SQL, condition: Condition, dyn: DynamicContext): SQL {
  const walk = (c: Condition): SQL => {
    if ('and' in c) return c.and.length ? sql`(${sql.join(c.and.map(walk), sql` AND `)})` : sql`TRUE`;
    if ('or' in c) return c.or.length ? sql`(${sql.join(c.or.map(walk), sql` OR `)})` : sql`FALSE`;
    if ('not' in c) return sql`(NOT ${walk(c.not)})`;
    return testSql(ctx, alias, planOf(ctx, info, c), dyn);
  };
  return walk(condition);
}

function planOf(ctx: CompileContext, info: TypeInfo, test: FieldTest): FieldTestPlan {
  const { plan, problems } = planFieldTest(ctx.graph.model, info.type.name, test);
  if (plan) return plan;
  const reasons = problems.filter((p) => p.fatal).map((p) => p.message);
  throw new DomainError(ErrorCode.VALIDATION_FAILED, `a condition on ${info.type.gqlName} cannot be applied: ${reasons.join('; ')}`, { field: test.field });
}


function testSql(ctx: CompileContext, alias: SQL, plan: FieldTestPlan, dyn: DynamicContext): SQL {
  const operand = resolveOperand(plan, dyn);
  // An unresolved dynamic value matches nothing, whatever the operator (as in evaluateCondition).
  if (!operand) return sql`FALSE`;
  const pushed = setSteps(plan, operand);
  if (pushed > 0) return membershipSql(ctx, alias, plan, operand, pushed);
  const { value, direct } = valueSql(ctx, alias, plan);
  return predicateSql(plan, operand, value, direct);
}

/**
 * How many trailing steps of a path to test as membership of a set built once per statement, instead of one
 * lookup per row: `caller.account in my_account_tree` becomes `caller IN (SELECT id FROM person WHERE account =
 * ANY(…))`, which PostgreSQL hashes once. Only through identity records (people, groups, accounts, …: sets the
 * size of an organisation's directory, and here cut down by the test), never through work records (the incidents
 * of my groups can be most of a table), and only for tests that a missing link makes false (a NULL path value
 * never satisfies them, so membership means the same).
 */
function setSteps(plan: FieldTestPlan, operand: ResolvedOperand): number {
  const nullRejecting =
    (plan.op === 'eq' && operand.kind !== 'null') ||
    (plan.op === 'in' && operand.kind === 'many' && operand.values.length > 0) ||
    ['lt', 'lte', 'gt', 'gte', 'contains', 'starts_with', 'ends_with', 'is_not_empty'].includes(plan.op);
  if (!nullRejecting) return 0;
  let n = 0;
  for (let i = plan.steps.length - 1; i >= 0 && IDENTITY_NAMES.has(plan.steps[i].target.name); i--) n++;
  return n;
}

const IDENTITY_NAMES = new Set<string>(Object.values(IDENTITY_TYPES));

/** The test on the last type reached, then one `IN (SELECT id …)` per pushed step, outermost on the path value before them. */
function membershipSql(ctx: CompileContext, alias: SQL, plan: FieldTestPlan, operand: ResolvedOperand, pushed: number): SQL {
  const { steps, field } = plan;
  const first = steps.length - pushed;
  let r = ctx.alias();
  let set = sql`SELECT ${r}."id" FROM ${tableRef(liveType(ctx, steps[steps.length - 1].target).name)} ${r} WHERE ${predicateSql(plan, operand, sql`${r}.${sql.identifier(field.name)}`, true)}`;
  for (let i = steps.length - 2; i >= first; i--) {
    r = ctx.alias();
    set = sql`SELECT ${r}."id" FROM ${tableRef(liveType(ctx, steps[i].target).name)} ${r} WHERE ${r}.${sql.identifier(steps[i + 1].field.name)} IN (${set})`;
  }
  // The path's value just before the pushed steps: the reference column that leads into them.
  const { value } = valueSql(ctx, alias, { ...plan, steps: steps.slice(0, first), field: steps[first].field });
  return sql`COALESCE(${value} IN (${set}), FALSE)`;
}

/** A field test on a value (a column when `direct`, else a path expression that may be NULL). */
function predicateSql(plan: FieldTestPlan, operand: ResolvedOperand, value: SQL, direct: boolean): SQL {
  const { field } = plan;
  // `pred` is NULL only when the value is; make it FALSE then. A bare column keeps the indexable form.
  const holds = (pred: SQL) => (direct ? sql`(${value} IS NOT NULL AND ${pred})` : sql`COALESCE(${pred}, FALSE)`);
  const op = plan.op;
  switch (op) {
    case 'is_empty':
      return emptySql(field, value);
    case 'is_not_empty':
      return sql`(NOT ${emptySql(field, value)})`;
    case 'eq':
      if (operand.kind === 'null') return sql`(${value} IS NULL)`;
      return holds(sql`${value} = ${operandSql(field, operand)}`);
    case 'ne':
      if (operand.kind === 'null') return sql`(${value} IS NOT NULL)`;
      return sql`(${value} IS DISTINCT FROM ${operandSql(field, operand)})`;
    case 'in':
    case 'not_in': {
      const values = listOf(operand);
      if (!values.length) return op === 'in' ? sql`FALSE` : sql`TRUE`;
      const member = holds(sql`${value} = ANY(${listSql(field, values)})`);
      return op === 'in' ? member : sql`(NOT ${member})`;
    }
    case 'lt':
      return holds(sql`${value} < ${operandSql(field, operand)}`);
    case 'lte':
      return holds(sql`${value} <= ${operandSql(field, operand)}`);
    case 'gt':
      return holds(sql`${value} > ${operandSql(field, operand)}`);
    case 'gte':
      return holds(sql`${value} >= ${operandSql(field, operand)}`);
    case 'contains':
      if (field.type === 'multi_choice') return holds(sql`${value} @> ARRAY[${String(literalOf(operand))}::text]`);
      return holds(sql`${value} ILIKE ${likePattern(String(literalOf(operand)), 'contains')}::text`);
    case 'starts_with':
      return holds(sql`${value} ILIKE ${likePattern(String(literalOf(operand)), 'starts_with')}::text`);
    case 'ends_with':
      return holds(sql`${value} ILIKE ${likePattern(String(literalOf(operand)), 'ends_with')}::text`);
    default:
      throw new UnreachableCaseError(op);
  }
}

/**
 * The tested value: the column itself, or for a path one scalar subquery per reference,
 * `(SELECT r."next" FROM <table> r WHERE r."id" = <previous>)`, NULL as soon as a link is missing.
 */
function valueSql(ctx: CompileContext, alias: SQL, plan: FieldTestPlan): { value: SQL; direct: boolean } {
  const { field } = plan;
  let { steps } = plan;
  let from = alias;
  // The first reference's row may already be in the statement (the parent of a reverse connection).
  const parent = steps.length ? ctx.boundReference(alias, steps[0].field.name) : undefined;
  if (parent) {
    from = parent;
    steps = steps.slice(1);
  }
  if (!steps.length) return { value: sql`${from}.${sql.identifier(field.name)}`, direct: true };
  let value = sql`${from}.${sql.identifier(steps[0].field.name)}`;
  steps.forEach((step, i) => {
    const next = i + 1 < steps.length ? steps[i + 1].field.name : field.name;
    const r = ctx.alias();
    value = sql`(SELECT ${r}.${sql.identifier(next)} FROM ${tableRef(liveType(ctx, step.target).name)} ${r} WHERE ${r}."id" = ${value})`;
  });
  return { value, direct: false };
}

function liveType(ctx: CompileContext, type: ModelType): ModelType {
  const info = ctx.graph.byName.get(type.name);
  if (!info) throw new DomainError(ErrorCode.VALIDATION_FAILED, `a condition goes through record type "${type.name}", which is not available`);
  return info.type;
}

function literalOf(operand: ResolvedOperand): ConditionLiteral {
  if (operand.kind !== 'one') throw new Error(`a single value was expected, not ${operand.kind}`);
  return operand.value;
}

function listOf(operand: ResolvedOperand): readonly ConditionLiteral[] {
  if (operand.kind !== 'many') throw new Error(`a list was expected, not ${operand.kind}`);
  return operand.values;
}

function operandSql(field: ModelField, operand: ResolvedOperand): SQL {
  // `now` is a parameter, not SQL now(): the statement then sees the very instant the TS evaluator does.
  if (operand.kind === 'instant') return sql`${operand.at.toISOString()}::timestamptz`;
  return literalSql(field, literalOf(operand));
}

/**
 * A literal as a parameter cast to the column's type, except where that cast would change the literal: text goes
 * as text (a cast to varchar(n) cuts a longer literal, which could then equal a stored prefix), integers as bigint
 * (any literal compares instead of overflowing the column's type), decimals as unscaled numeric (numeric(20,2)
 * would round 1.005 to 1.01).
 */
function literalSql(field: ModelField, value: ConditionLiteral): SQL {
  const type = field.type;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'choice':
    case 'multi_choice':
      return sql`${value}::text`;
    case 'integer':
      return sql`${value}::bigint`;
    case 'decimal':
      return sql`${value}::numeric`;
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'reference':
      return sql`${value}::${columnType(field)}`;
    case 'json':
      throw new Error('json fields are not compared with values');
    default:
      throw new UnreachableCaseError(type);
  }
}

/** A list of literals as one array: ids and text as one JSON parameter, other types element by element. */
function listSql(field: ModelField, values: readonly ConditionLiteral[]): SQL {
  const type = field.type;
  switch (type) {
    case 'reference':
    case 'integer':
      return arrayParam(values, 'bigint');
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'choice':
      return arrayParam(values, 'text');
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
      return sql`ARRAY[${sql.join(
        values.map((v) => literalSql(field, v)),
        sql`, `,
      )}]`;
    case 'multi_choice':
    case 'json':
      throw new Error(`${type} fields are not compared with lists`);
    default:
      throw new UnreachableCaseError(type);
  }
}

/** Null, and also '' for text and [] for multi_choice (JSON null for json): what a person sees as "empty". */
function emptySql(field: ModelField, value: SQL): SQL {
  const type = field.type;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return sql`(COALESCE(${value}, '') = '')`;
    case 'multi_choice':
      return sql`(COALESCE(cardinality(${value}), 0) = 0)`;
    case 'json':
      return sql`(COALESCE(${value}, 'null'::jsonb) = 'null'::jsonb)`;
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'choice':
    case 'reference':
      return sql`(${value} IS NULL)`;
    default:
      throw new UnreachableCaseError(type);
  }
}

/** An ILIKE pattern matching `text` literally: its own %, _ and \ are escaped (\ is ILIKE's default escape). */
function likePattern(text: string, mode: 'contains' | 'starts_with' | 'ends_with'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'contains' ? `%${escaped}%` : mode === 'starts_with' ? `${escaped}%` : `%${escaped}`;
}
