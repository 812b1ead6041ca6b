import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { TypeInfo } from '../record-info.js';
import { assertReadable, readableWhere, visibleReference } from './compile-access.js';
import type { CompileContext } from './compile-context.js';
import { checkFilter } from './check-filter.js';
import { arrayParam, comparableParam, listParam, recordIdOf } from './field-value.js';
import { SYSTEM_FIELDS, systemValue } from './system-fields.js';

type FilterInput = Record<string, unknown>;
type Ops = Record<string, unknown>;

/**
 * A GraphQL filter object → an SQL predicate over `alias`. An empty filter is TRUE. The filter is first checked
 * against the input limits (depth, conditions shared by the root field, list lengths), so the recursion below is
 * bounded whatever the input.
 */
export function compileFilter(ctx: CompileContext, info: TypeInfo, alias: SQL, filter: FilterInput | null | undefined): SQL {
  if (!filter) return sql`TRUE`;
  if (!ctx.checkedFilters.has(filter)) {
    checkFilter(ctx.graph, info, filter, ctx.inputLimits, ctx.conditions);
    ctx.checkedFilters.add(filter);
  }
  return filterPredicate(ctx, info, alias, filter);
}

function filterPredicate(ctx: CompileContext, info: TypeInfo, alias: SQL, filter: FilterInput | null | undefined): SQL {
  if (!filter) return sql`TRUE`;
  const parts: SQL[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const list = (value as FilterInput[] | null) ?? [];
      if (!list.length) continue;
      const inner = list.map((f) => sql`(${filterPredicate(ctx, info, alias, f)})`);
      parts.push(sql`(${sql.join(inner, key === 'and' ? sql` AND ` : sql` OR `)})`);
    } else if (key === 'not') {
      if (value) parts.push(sql`NOT (${filterPredicate(ctx, info, alias, value as FilterInput)})`);
    } else if (key === 'id') {
      parts.push(idPredicate(ctx, info, sql`${alias}."id"`, value as Ops, 'id'));
    } else if (SYSTEM_FIELDS[key]) {
      // On the value as the actor sees it: a hidden user name must not be found by its value.
      parts.push(scalarPredicate(ctx, SYSTEM_FIELDS[key], systemValue(ctx, alias, key), value as Ops));
    } else {
      parts.push(fieldPredicate(ctx, info, alias, key, value));
    }
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

function fieldPredicate(ctx: CompileContext, info: TypeInfo, alias: SQL, key: string, value: unknown): SQL {
  const direct = info.fields.get(key);
  if (direct?.type === 'reference') {
    const target = ctx.graph.byName.get(direct.reference!);
    if (!target) throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName}.${key} points to a type that is not available`);
    assertReadable(ctx, info, direct, 'filter');
    if (value === null) return sql`${visibleReference(ctx, target, sql`${alias}.${sql.identifier(direct.name)}`)} IS NULL`;
    const r = ctx.alias();
    // Traversal only reaches records the actor may see: a filter cannot probe hidden ones.
    return sql`EXISTS (SELECT 1 FROM ${tableRef(target.type.name)} ${r} WHERE ${r}."id" = ${alias}.${sql.identifier(direct.name)} AND ${readableWhere(ctx, target, r)} AND ${filterPredicate(ctx, target, r, value as FilterInput)})`;
  }
  if (direct) {
    assertReadable(ctx, info, direct, 'filter');
    return scalarPredicate(ctx, direct, sql`${alias}.${sql.identifier(direct.name)}`, value as Ops);
  }
  if (key.endsWith('Id')) {
    const ref = info.fields.get(key.slice(0, -2));
    if (ref?.type === 'reference') {
      assertReadable(ctx, info, ref, 'filter');
      const target = ctx.graph.byName.get(ref.reference!)!;
      return idPredicate(ctx, target, visibleReference(ctx, target, sql`${alias}.${sql.identifier(ref.name)}`), value as Ops, key);
    }
  }
  throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${info.type.gqlName} has no field "${key}" to filter on`);
}

function idPredicate(ctx: CompileContext, target: TypeInfo, column: SQL, ops: Ops, what: string): SQL {
  const id = (v: unknown) => recordIdOf(ctx.graph, String(v), target.type.name, what);
  const parts: SQL[] = [];
  for (const [op, v] of Object.entries(ops ?? {})) {
    if (v === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(v === null ? sql`${column} IS NULL` : sql`${column} = ${id(v)}::bigint`);
        break;
      case 'ne':
        parts.push(v === null ? sql`${column} IS NOT NULL` : sql`${column} IS DISTINCT FROM ${id(v)}::bigint`);
        break;
      case 'in':
        parts.push(sql`${column} = ANY(${arrayParam((v as unknown[]).map(id), 'bigint')})`);
        break;
      case 'notIn':
        parts.push(sql`NOT (${column} = ANY(${arrayParam((v as unknown[]).map(id), 'bigint')}))`);
        break;
      case 'isNull':
        parts.push(v ? sql`${column} IS NULL` : sql`${column} IS NOT NULL`);
        break;
      default:
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `unknown id filter operator "${op}"`);
    }
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

function likePattern(text: string, mode: 'contains' | 'startsWith' | 'endsWith'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'contains' ? `%${escaped}%` : mode === 'startsWith' ? `${escaped}%` : `%${escaped}`;
}

function scalarPredicate(ctx: CompileContext, field: ModelField, column: SQL, ops: Ops): SQL {
  // Compared as the unbounded type: a cast to varchar(n) or numeric(p,s) would cut or overflow the value.
  const p = (v: unknown) => comparableParam(ctx.graph, field, v);
  const parts: SQL[] = [];
  for (const [op, v] of Object.entries(ops ?? {})) {
    if (v === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(v === null ? sql`${column} IS NULL` : sql`${column} = ${p(v)}`);
        break;
      case 'ne':
        parts.push(v === null ? sql`${column} IS NOT NULL` : sql`${column} IS DISTINCT FROM ${p(v)}`);
        break;
      case 'in':
      case 'notIn': {
        // One parameter for the whole list: a long list would otherwise approach the protocol's parameter limit.
        const inList = sql`${column} = ANY(${listParam(ctx.graph, field, v as unknown[])})`;
        parts.push(op === 'in' ? inList : sql`NOT (${inList})`);
        break;
      }
      case 'lt':
        parts.push(sql`${column} < ${p(v)}`);
        break;
      case 'lte':
        parts.push(sql`${column} <= ${p(v)}`);
        break;
      case 'gt':
        parts.push(sql`${column} > ${p(v)}`);
        break;
      case 'gte':
        parts.push(sql`${column} >= ${p(v)}`);
        break;
      case 'contains':
        if (field.type === 'json') parts.push(sql`${column} @> ${JSON.stringify(v)}::jsonb`);
        else parts.push(sql`${column} ILIKE ${likePattern(String(v), 'contains')}`);
        break;
      case 'startsWith':
        parts.push(sql`${column} ILIKE ${likePattern(String(v), 'startsWith')}`);
        break;
      case 'endsWith':
        parts.push(sql`${column} ILIKE ${likePattern(String(v), 'endsWith')}`);
        break;
      case 'containsAll':
        parts.push(sql`${column} @> ${arrayParam((v as string[]).map((x) => x.toLowerCase()), 'text')}`);
        break;
      case 'containsAny':
        parts.push(sql`${column} && ${arrayParam((v as string[]).map((x) => x.toLowerCase()), 'text')}`);
        break;
      case 'isNull':
        parts.push(v ? sql`${column} IS NULL` : sql`${column} IS NOT NULL`);
        break;
      default:
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `unknown filter operator "${op}" on ${field.name}`);
    }
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}
