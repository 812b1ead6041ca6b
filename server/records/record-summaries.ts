import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { accessScope } from '../access/access-scope.js';
import type { Executor } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import { CompileContext, fieldAccess, readableWhere } from './compile/index.js';
import { readRows } from './database-error.js';
import { toGlobalId } from './global-id.js';
import type { GraphInfo, TypeInfo } from './record-info.js';

/** A record named for a list (an approval's document): what a person recognises it by. */
export interface RecordSummary {
  /** Global id. */
  id: string;
  recordType: string;
  typeLabel: string;
  /** Its number (INC0001042), when its type numbers records. */
  number: string | null;
  /** Its display field's value, else its number, else its id. */
  displayValue: string;
  shortDescription: string | null;
}

/** Only the paging bounds matter to a compile context; these statements page nothing. */
const NO_PAGES = { defaultPageSize: 1, maxPageSize: 1 };

/**
 * Summaries of the records `refs` name, read as `actor` may read them: the same access predicates as `node(id)`,
 * inlined in one statement (a UNION over the types asked for). A record the actor may not read is `'hidden'`
 * (nothing of it is read), one that does not exist is absent, and a field it may not read (short description,
 * display field) is null. Keyed by `recordType:id`. For callers whose subject already names the record (an
 * approval asked of the actor): that it exists is no secret to them, what it holds may be.
 */
export async function recordSummaries(db: Executor, graph: GraphInfo, actor: Actor, refs: { recordType: string; recordId: string }[]): Promise<Map<string, RecordSummary | 'hidden'>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!graph.byName.has(r.recordType) || !/^[1-9][0-9]{0,17}$/.test(r.recordId)) continue;
    if (!byType.has(r.recordType)) byType.set(r.recordType, new Set());
    byType.get(r.recordType)!.add(r.recordId);
  }
  const out = new Map<string, RecordSummary | 'hidden'>();
  if (!byType.size) return out;
  const ctx = new CompileContext(graph, NO_PAGES, 'resolve', accessScope(actor, graph.model));
  const parts = [...byType].map(([type, ids]) => summaryOf(ctx, graph.byName.get(type)!, [...ids]));
  const rows = await readRows<{ record_type: string; id: unknown; readable: boolean; number: string | null; display: string | null; short: string | null }>(db, sql.join(parts, sql` UNION ALL `));
  for (const row of rows) {
    const info = graph.byName.get(row.record_type)!;
    const id = String(row.id);
    if (!row.readable) {
      out.set(`${row.record_type}:${id}`, 'hidden');
      continue;
    }
    out.set(`${row.record_type}:${id}`, {
      id: toGlobalId(info.type.gqlName, id),
      recordType: row.record_type,
      typeLabel: info.type.doc.label ?? info.type.name,
      number: row.number,
      displayValue: row.display ?? row.number ?? id,
      shortDescription: row.short,
    });
  }
  return out;
}

function summaryOf(ctx: CompileContext, info: TypeInfo, ids: string[]): SQL {
  const a = ctx.alias();
  const type = info.type;
  const has = (name: string) => type.activeFields.find((f) => f.name === name);
  // A field the actor may not read is null here, as it is in the graph.
  const readable = (name: string | undefined): SQL => {
    const field = name ? has(name) : undefined;
    if (!field) return sql`NULL::text`;
    const rule = fieldAccess(ctx, info, field, a);
    const col = sql`${a}.${sql.identifier(field.name)}::text`;
    return rule ? sql`CASE WHEN ${rule} THEN ${col} END` : col;
  };
  const number = type.numberPrefix ? sql`${a}."number"::text` : sql`NULL::text`;
  const may = readableWhere(ctx, info, a);
  // Nothing of a record the actor may not read leaves the statement: only that it is there.
  const only = (v: SQL) => sql`CASE WHEN ${may} THEN ${v} END`;
  return sql`(SELECT ${type.name}::text AS "record_type", ${a}."id", coalesce(${may}, FALSE) AS "readable", ${only(number)} AS "number", ${only(readable(type.displayField ?? undefined))} AS "display", ${only(readable('short_description'))} AS "short"
    FROM ${tableRef(type.name)} ${a} WHERE ${a}."id" = ANY(${`{${ids.join(',')}}`}::bigint[]))`;
}
