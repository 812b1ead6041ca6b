import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES, type AclDoc, type ModelField, type ModelType } from '../../../schema/index.js';
import type { FieldOperation, RecordOperation } from '../../access/access-scope.js';
import { nameLiteral, tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import type { CompileContext } from './compile-context.js';
import { compileCondition } from './compile-condition.js';

type RulesOf = (type: ModelType) => readonly AclDoc[] | null;

/**
 * The SQL predicate under which the actor may `op` the row `alias` of `info`; null when nothing restricts it.
 * Rules OR together; a rule without a condition allows every record; no rule denies. On an abstract type (a
 * view over its kinds) each kind is decided by its own rules, read from the view when they only name the
 * abstract type's fields, else from the kind's table by id.
 */
export function recordAccess(ctx: CompileContext, info: TypeInfo, alias: SQL, op: RecordOperation = 'read'): SQL | null {
  return accessOf(ctx, info, alias, (t) => ctx.scope.recordRules(t, op));
}

/** `recordAccess` as a WHERE term (TRUE when unrestricted). */
export function readableWhere(ctx: CompileContext, info: TypeInfo, alias: SQL): SQL {
  return recordAccess(ctx, info, alias) ?? sql`TRUE`;
}

/** The predicate under which one field may be read or written on a record the actor may already see; null: no field rule. */
export function fieldAccess(ctx: CompileContext, info: TypeInfo, field: Pick<ModelField, 'name'>, alias: SQL, op: FieldOperation = 'read'): SQL | null {
  return accessOf(ctx, info, alias, (t) => ctx.scope.fieldRules(t, field.name, op));
}

/**
 * The predicate under which the actor may write one field on a row it may already write: the field's write rules
 * where it has any; otherwise its read rules, since writing a value one may not read lets one overwrite what one
 * was never shown (and probe it through the rules that test it). Null: nothing restricts it.
 */
export function fieldWriteAccess(ctx: CompileContext, info: TypeInfo, field: Pick<ModelField, 'name'>, alias: SQL): SQL | null {
  const op = ctx.scope.fieldRules(info.type, field.name, 'write') === null ? 'read' : 'write';
  return fieldAccess(ctx, info, field, alias, op);
}

/**
 * Fields the actor may not write on any record, decided by the rules alone (no row needed): a field with write
 * rules of which none applies to the actor, or one without write rules whose read rules none applies to.
 */
export function unwritableFields<F extends Pick<ModelField, 'name'>>(ctx: CompileContext, info: TypeInfo, fields: readonly F[]): F[] {
  if (ctx.scope.unrestricted) return [];
  return fields.filter((f) => {
    const write = ctx.scope.fieldRules(info.type, f.name, 'write');
    return write === null ? ctx.scope.fieldRules(info.type, f.name, 'read')?.length === 0 : write.length === 0;
  });
}

/**
 * A user name column (createdBy, updatedBy) as the actor sees it: the name where the actor may read the person
 * with that user name (and that person's user name), else NULL, like a reference to a hidden record. A name
 * with no person behind it (the development admin's writes, a user since deleted) reads as NULL to all but
 * admins. One index probe on the unique user name per value.
 */
export function visibleUserName(ctx: CompileContext, column: SQL): SQL {
  if (ctx.scope.unrestricted) return column;
  const person = ctx.graph.byName.get(IDENTITY_TYPES.user);
  if (!person) return sql`NULL::text`;
  const p = ctx.alias();
  const conditions = [sql`${p}."user_name" = ${column}`];
  const readable = recordAccess(ctx, person, p);
  if (readable) conditions.push(readable);
  const name = fieldAccess(ctx, person, { name: 'user_name' }, p);
  if (name) conditions.push(name);
  return sql`(SELECT ${p}."user_name"::text FROM ${tableRef(person.type.name)} ${p} WHERE ${sql.join(conditions, sql` AND `)})`;
}

/**
 * Filtering, sorting or grouping by a field the actor cannot read on every record would reveal it through
 * which rows match or how they are ordered: refused with an error naming the field, never ignored.
 */
export function assertReadable(ctx: CompileContext, info: TypeInfo, field: Pick<ModelField, 'name' | 'gqlName'>, use: 'filter' | 'sort' | 'group'): void {
  if (ctx.scope.unrestricted) return;
  for (const name of kinds(ctx, info)) {
    const rules = ctx.scope.fieldRules(ctx.graph.byName.get(name)!.type, field.name, 'read');
    if (rules === null || rules.some((r) => !r.condition)) continue;
    const verb = use === 'filter' ? 'filter' : use === 'sort' ? 'sort' : 'group';
    throw new DomainError(ErrorCode.FORBIDDEN, `you may not ${verb} ${info.type.gqlName} records by ${field.gqlName}: your access rules do not let you read it on every record`, {
      field: field.gqlName,
    });
  }
}

/**
 * A reference column as the actor sees it: the id where the actor may read the record it points at, else NULL
 * (as the reference reads in the response). Filters by id, null tests and grouping use it, so none of them
 * tells hidden targets apart.
 */
export function visibleReference(ctx: CompileContext, target: TypeInfo, column: SQL): SQL {
  const r = ctx.alias();
  const readable = recordAccess(ctx, target, r);
  return readable ? sql`(SELECT ${r}."id" FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${column} AND ${readable})` : column;
}

function kinds(ctx: CompileContext, info: TypeInfo): string[] {
  return info.type.abstract ? info.type.concreteTypes : [info.type.name];
}

function accessOf(ctx: CompileContext, info: TypeInfo, alias: SQL, rulesOf: RulesOf): SQL | null {
  if (ctx.scope.unrestricted) return null;
  if (!info.type.abstract) return rulesPredicate(ctx, info, alias, rulesOf(info.type));
  const own = new Set([info.type.name, ...info.type.ancestors]);
  const perKind = info.type.concreteTypes.map((name) => ({ kind: ctx.graph.byName.get(name)!, rules: rulesOf(ctx.graph.byName.get(name)!.type) }));
  if (!perKind.length) return sql`FALSE`;
  // Rules the view's row can decide: none, or all written for this type or an ancestor (their fields are on the view).
  const onView = (rules: readonly AclDoc[] | null) => rules === null || rules.every((r) => own.has(r.recordType));
  const signature = (rules: readonly AclDoc[] | null) => (rules === null ? '*' : rules.map((r) => r.name).join(','));
  const first = signature(perKind[0].rules);
  if (perKind.every((k) => signature(k.rules) === first && onView(k.rules))) return rulesPredicate(ctx, info, alias, perKind[0].rules);
  const branches = perKind.map(({ kind, rules }) => {
    let p: SQL | null;
    if (onView(rules)) p = rulesPredicate(ctx, info, alias, rules);
    else {
      const c = ctx.alias();
      const inner = rulesPredicate(ctx, kind, c, rules);
      p = inner ? sql`EXISTS (SELECT 1 FROM ${tableRef(kind.type.name)} ${c} WHERE ${c}."id" = ${alias}."id" AND ${inner})` : null;
    }
    return sql`WHEN ${nameLiteral(kind.type.name)} THEN ${p ?? sql`TRUE`}`;
  });
  return sql`(CASE ${alias}."typename" ${sql.join(branches, sql` `)} ELSE FALSE END)`;
}

function rulesPredicate(ctx: CompileContext, info: TypeInfo, alias: SQL, rules: readonly AclDoc[] | null): SQL | null {
  if (rules === null) return null;
  if (!rules.length) return sql`FALSE`;
  const parts: SQL[] = [];
  for (const rule of rules) {
    const p = rulePredicate(ctx, info, alias, rule);
    if (p === null) return null;
    parts.push(sql`(${p})`);
  }
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * What one rule asks of the row `alias` (it applies to the actor already): its condition and, with `through`,
 * that the actor may read the record the reference points at. Null when it asks nothing.
 */
export function rulePredicate(ctx: CompileContext, info: TypeInfo, alias: SQL, rule: AclDoc): SQL | null {
  const parts: SQL[] = [];
  if (rule.through) parts.push(throughReadable(ctx, info, alias, rule.through));
  if (rule.condition) parts.push(compileCondition(ctx, info, alias, rule.condition, ctx.scope.dyn));
  return parts.length ? sql.join(parts, sql` AND `) : null;
}

/**
 * The record that reference `field` of row `alias` points at is readable by the actor: EXISTS over the target
 * (a view when the target is abstract) under the target's own read predicate. Under a reverse connection the
 * parent row is already in the statement, read under the actor's access at its own level, so nothing more is
 * asked. Rules that go through each other in a cycle deny at the repeat rather than recurse without end.
 */
function throughReadable(ctx: CompileContext, info: TypeInfo, alias: SQL, field: string): SQL {
  if (ctx.boundReference(alias, field)) return sql`TRUE`;
  const ref = info.type.activeFields.find((f) => f.name === field);
  const target = ref?.type === 'reference' ? ctx.graph.byName.get(ref.reference!) : undefined;
  if (!target) return sql`FALSE`;
  const column = sql`${alias}.${sql.identifier(field)}`;
  const key = `${info.type.name}.${field}`;
  if (ctx.throughStack.has(key)) return sql`FALSE`;
  ctx.throughStack.add(key);
  try {
    const r = ctx.alias();
    const readable = recordAccess(ctx, target, r);
    return sql`EXISTS (SELECT 1 FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${column}${readable ? sql` AND ${readable}` : sql``})`;
  } finally {
    ctx.throughStack.delete(key);
  }
}
