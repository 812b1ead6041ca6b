import { sql } from 'drizzle-orm';
import type { SlaDefinitionDoc } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import type { GraphInfo } from '../../records/index.js';

/**
 * Whether a definition with `entitlementLevels` applies to a customer case: its account holds an entitlement at
 * one of those levels, active on the day the case was opened (UTC), for the case's product when it names one
 * (the case holds the product as text: a product whose name or code it is).
 * A definition without levels applies to every record; one with levels never applies to a record without an
 * account, or where the entitlement type is not published.
 */
export async function entitled(tx: Executor, graph: GraphInfo, def: SlaDefinitionDoc, row: Record<string, unknown>, at: Date): Promise<boolean> {
  if (!def.entitlementLevels) return true;
  if (!graph.byName.has('entitlement') || row.account === null || row.account === undefined) return false;
  const opened = row.opened_at ?? row.sys_created_at;
  const day = (opened ? new Date(opened as string) : at).toISOString().slice(0, 10);
  const product = row.product === null || row.product === undefined || row.product === '' ? null : String(row.product);
  const rows = await tx.run(sql`
    SELECT 1 FROM ${tableRef('entitlement')} e
    WHERE e."account" = ${Number(row.account)} AND e."support_level" IN (${sql.join(def.entitlementLevels.map((l) => sql`${l}`), sql`, `)})
      AND e."start_date" <= ${day}::date AND (e."end_date" IS NULL OR e."end_date" >= ${day}::date)
      AND (${product}::text IS NULL OR e."product" IN (SELECT p."id" FROM ${tableRef('product')} p WHERE p."name" = ${product}::text OR p."code" = ${product}::text))
    LIMIT 1`);
  return rows.length > 0;
}
