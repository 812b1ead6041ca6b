import { sql } from 'drizzle-orm';
import { BusinessCalendar, replaySla, type SlaDefinitionDoc } from '../../../schema/sla/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { EngineContext } from '../engine.js';
import { recordWrites } from './record-writes.js';
import { slaTestOf } from './sla-test-of.js';

/** Records replayed at most per backtest (the newest first). */
const MAX_RECORDS = 5_000;

export interface BacktestBucket {
  key: string;
  total: number;
  breached: number;
  breachRate: number;
}

export interface SlaBacktest {
  /** Records opened in the window that the SLA would have started on. */
  total: number;
  breached: number;
  breachRate: number;
  /** Records opened in the window (those the SLA never started on included). */
  considered: number;
  /** More records than the cap were opened: the newest were replayed. */
  truncated: boolean;
  byGroup: BacktestBucket[];
  byPriority: BacktestBucket[];
}

/**
 * How a draft definition would have done on the records of its type opened in the last `weeks` weeks: each
 * record's field history replayed through the SLA clock up to now. Reads only; writes nothing. Grouped by the
 * assignment group and priority the records have now. Entitlements are not consulted (every record counts).
 */
export async function backtestSla(ctx: EngineContext, def: SlaDefinitionDoc, weeks: number): Promise<SlaBacktest> {
  const graph = ctx.graph();
  const model = graph.model;
  const root = model.types.get(def.recordType);
  if (!root) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the SLA is for "${def.recordType}", which is not a published record type`);
  const schedule = def.schedule ? model.snapshot.schedules[def.schedule] : null;
  if (def.schedule && !schedule) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the SLA uses the schedule "${def.schedule}", which is not published`);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'weeks must be a whole number from 1 to 104');
  const rules = { def, calendar: new BusinessCalendar(schedule ?? null) };
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const groups = new Map<string, BacktestBucket>();
  const priorities = new Map<string, BacktestBucket>();
  const result: SlaBacktest = { total: 0, breached: 0, breachRate: 0, considered: 0, truncated: false, byGroup: [], byPriority: [] };
  const groupNames = graph.byName.has('assignment_group') ? await names(ctx) : new Map<number, string>();
  for (const typeName of root.concreteTypes) {
    if (!graph.byName.has(typeName)) continue;
    const rows = await ctx.db.run<{ id: number | string; row: unknown }>(
      sql`SELECT r."id", to_jsonb(r) AS "row" FROM ${tableRef(typeName)} r WHERE r."sys_created_at" >= ${since.toISOString()} ORDER BY r."sys_created_at" DESC LIMIT ${MAX_RECORDS + 1}`,
    );
    if (rows.length > MAX_RECORDS) result.truncated = true;
    const records = rows.slice(0, MAX_RECORDS).map((r) => ({ id: Number(r.id), row: (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as Record<string, unknown> }));
    result.considered += records.length;
    const history = await recordWrites(ctx.db, typeName, records.map((r) => r.id));
    const testOf = slaTestOf(model, typeName, now);
    for (const r of records) {
      const { state } = replaySla(rules, history.get(r.id) ?? [], now, testOf);
      if (!state || state.stage === 'cancelled') continue;
      const breached = state.hasBreached ? 1 : 0;
      result.total++;
      result.breached += breached;
      const group = r.row.assignment_group == null ? '(none)' : (groupNames.get(Number(r.row.assignment_group)) ?? String(r.row.assignment_group));
      const priority = r.row.priority == null ? '(none)' : String(r.row.priority);
      count(groups, group, breached);
      count(priorities, priority, breached);
    }
  }
  result.breachRate = rate(result.breached, result.total);
  result.byGroup = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  result.byPriority = [...priorities.values()].sort((a, b) => a.key.localeCompare(b.key));
  return result;
}

async function names(ctx: EngineContext): Promise<Map<number, string>> {
  const rows = await ctx.db.run<{ id: number | string; name: string }>(sql`SELECT "id", "name" FROM ${tableRef('assignment_group')}`);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

function count(buckets: Map<string, BacktestBucket>, key: string, breached: number): void {
  const b = buckets.get(key) ?? buckets.set(key, { key, total: 0, breached: 0, breachRate: 0 }).get(key)!;
  b.total++;
  b.breached += breached;
  b.breachRate = rate(b.breached, b.total);
}

function rate(breached: number, total: number): number {
  return total ? Math.round((breached / total) * 10_000) / 10_000 : 0;
}
