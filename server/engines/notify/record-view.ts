import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { toGlobalId, type GraphInfo } from '../../records/index.js';

/** A record as templates and recipients see it: its stored row and the values templates render. */
export interface RecordView {
  /** Column name → stored value (references as ids); null when the record no longer exists. */
  row: Record<string, unknown> | null;
  /** Field name → what `{{field}}` shows: a reference's display value, a choice's label; plus `record`. */
  values: Record<string, unknown>;
}

/** json(b)_build_object takes at most 100 arguments: 50 pairs per call, concatenated. */
const PAIRS_PER_CALL = 50;

/**
 * Reads a record as it is now, in one statement, as the system (a message is addressed by rules an
 * administrator published; who may read it is decided when it is shown, not here): its row and the display value
 * of every record its references point at.
 */
export async function recordView(db: Executor, graph: GraphInfo, recordType: string, recordId: number, publicUrl: string): Promise<RecordView> {
  const info = graph.byName.get(recordType);
  if (!info) return { row: null, values: { record: recordMeta(null, recordType, recordId, publicUrl) } };
  const type = info.type;
  const refs = type.activeFields.filter((f) => f.type === 'reference' && f.reference && graph.byName.has(f.reference));
  const pairs = refs.map((f) => sql`${f.name}::text, (SELECT ${displayColumn(graph, f)}::text FROM ${tableRef(f.reference!)} r WHERE r."id" = t.${sql.identifier(f.name)})`);
  const chunks: SQL[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) chunks.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + PAIRS_PER_CALL), sql`, `)})`);
  const displays = chunks.length ? sql.join(chunks, sql` || `) : sql`'{}'::jsonb`;
  const [found] = await db.run<{ row: unknown; refs: unknown }>(sql`SELECT to_jsonb(t) AS "row", ${displays} AS "refs" FROM ${tableRef(type.name)} t WHERE t."id" = ${recordId}`);
  const row = found ? (json(found.row) as Record<string, unknown>) : null;
  const display = found ? (json(found.refs) as Record<string, string | null>) : {};
  const values: Record<string, unknown> = {};
  if (row) {
    for (const f of type.activeFields) values[f.name] = shown(f, row[f.name], display);
    if (row.number !== undefined) values.number = row.number;
  }
  values.record = recordMeta(row, type.doc.label ?? type.name, recordId, publicUrl, type.gqlName);
  return { row, values };
}

function recordMeta(row: Record<string, unknown> | null, typeLabel: string, id: number, publicUrl: string, gqlName?: string) {
  return {
    number: row?.number ?? '',
    type: typeLabel,
    // The record's page in Atrium, by its global id (the same id the graph gives it).
    url: gqlName ? `${publicUrl}/records/${toGlobalId(gqlName, id)}` : publicUrl,
  };
}

/** The column that names a record of the reference's target: its display field, else its number, else its id. */
function displayColumn(graph: GraphInfo, field: ModelField): SQL {
  const target = graph.byName.get(field.reference!)!.type;
  const column = target.displayField ?? (target.numberPrefix ? 'number' : 'id');
  return sql`r.${sql.identifier(column)}`;
}

function shown(field: ModelField, value: unknown, display: Record<string, string | null>): unknown {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'reference':
      return display[field.name] ?? '';
    case 'choice':
      return field.choices?.find((c) => c.value === value)?.label ?? value;
    case 'multi_choice':
      return Array.isArray(value) ? value.map((v) => field.choices?.find((c) => c.value === v)?.label ?? v).join(', ') : value;
    default:
      return value;
  }
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
