import { sql, type SQL } from 'drizzle-orm';
import { evaluateCondition, type AclDoc, type ModelField } from '../../../schema/index.js';
import type { AccessScope } from '../../access/access-scope.js';
import type { Database } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { fieldAccess, readableWhere, recordAccess } from '../compile/compile-access.js';
import { CompileContext, type PageLimits } from '../compile/index.js';
import { readRows } from '../database-error.js';
import { toGlobalId } from '../global-id.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';
import { defaultRow } from '../write/stored-values.js';
import type { StoredRow } from '../write/write-state.js';

/** A record as a form sees it: its stored row, and which of its fields the actor may read and write. */
export interface FormRecord {
  row: StoredRow;
  readable(field: ModelField): boolean;
  writable(field: ModelField): boolean;
}

/**
 * The record a form shows, read with the actor's access in ONE statement that also answers, per field, whether the
 * actor may read it and write it on this record (field rules with conditions depend on the row). A record the
 * actor may not read is NOT_FOUND, like one that does not exist.
 */
export async function readFormRecord(db: Database, graph: GraphInfo, limits: PageLimits, scope: AccessScope, info: TypeInfo, id: number): Promise<FormRecord> {
  const ctx = new CompileContext(graph, limits, 'resolve', scope);
  const a = ctx.alias();
  const fields = [...info.fields.values()];
  const flags = (predicate: (f: ModelField) => SQL | null): SQL => {
    const pairs = fields.flatMap((f) => {
      const p = predicate(f);
      return p ? [sql`${f.name}::text, coalesce(${p}, FALSE)`] : [];
    });
    return pairs.length ? sql`jsonb_build_object(${sql.join(pairs, sql`, `)})` : sql`'{}'::jsonb`;
  };
  // A field without write rules is guarded by its read rules (see fieldWriteAccess).
  const writePredicate = (f: ModelField) => fieldAccess(ctx, info, f, a, scope.fieldRules(info.type, f.name, 'write') === null ? 'read' : 'write');
  const update = recordAccess(ctx, info, a, 'update');
  const [found] = await readRows<{ row: StoredRow | string; readable: Record<string, boolean> | string; writable: Record<string, boolean> | string; updatable: boolean }>(
    db,
    sql`SELECT to_jsonb(${a}) AS "row", ${flags((f) => fieldAccess(ctx, info, f, a, 'read'))} AS "readable", ${flags(writePredicate)} AS "writable", coalesce(${update ?? sql`TRUE`}, FALSE) AS "updatable" FROM ${tableRef(info.type.name)} ${a} WHERE ${a}."id" = ${id}::bigint AND ${readableWhere(ctx, info, a)}`,
  );
  if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${info.type.doc.label} record with id ${toGlobalId(info.type.gqlName, id)}`);
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const readable = json(found.readable);
  const writable = json(found.writable);
  return {
    row: json(found.row),
    readable: (f) => readable[f.name] ?? true,
    writable: (f) => found.updatable && (writable[f.name] ?? true),
  };
}

/**
 * A new record as a form starts it: the type's defaults. Whether the actor may read and write each field is decided
 * by the rules alone where they need no row, and where a rule has a condition, by that condition on the defaults
 * — the record the form shows; the create itself is judged again, on what is sent, when it is written.
 */
export function newFormRecord(graph: GraphInfo, scope: AccessScope, info: TypeInfo): FormRecord {
  const row = defaultRow(graph, info);
  const model = graph.model;
  const allows = (rules: readonly AclDoc[] | null) => rules === null || rules.some((r) => !r.condition || evaluateCondition(model, info.type.name, r.condition, row, scope.dyn));
  const creatable = scope.recordRules(info.type, 'create')?.length !== 0;
  return {
    row,
    readable: (f) => allows(scope.fieldRules(info.type, f.name, 'read')),
    writable: (f) => {
      if (!creatable) return false;
      const write = scope.fieldRules(info.type, f.name, 'write');
      return allows(write === null ? scope.fieldRules(info.type, f.name, 'read') : write);
    },
  };
}
