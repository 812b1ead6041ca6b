import { sql } from 'drizzle-orm';
import { buildModel, metadataKind, RoutingRuleDoc, type MetadataSnapshot } from '../../../schema/index.js';
import { routingCursor } from '../../../schema/platform/index.js';
import type { Actor } from '../../access/actor.js';
import { accessScope } from '../../access/access-scope.js';
import type { Database } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, readableWhere, toGlobalId, type GraphInfo } from '../../records/index.js';
import { routeRecord, type RoutingMemory } from './route-record.js';
import { namesOf } from './routing-reads.js';
import { rulesForType } from './rules-for-type.js';

/** Where one record went and where the draft rules would send it. */
export interface SimulatedRecord {
  id: string;
  number: string | null;
  actualGroup: string | null;
  actualAssignee: string | null;
  simulatedGroup: string | null;
  simulatedAssignee: string | null;
  rule: string | null;
  reason: string | null;
  fellBack: boolean;
  /** The draft sends it elsewhere than it is now. */
  changed: boolean;
}

export interface RoutingSimulation {
  records: SimulatedRecord[];
  /** Records per target the draft sends them to (`group / user`, `unassigned`), most first. */
  counts: { target: string; count: number }[];
}

export const MAX_SAMPLE = 1000;
const ACCESS_ONLY = { defaultPageSize: 1, maxPageSize: 1 };

/**
 * Runs draft routing rules over the newest `sample` records of `recordType` (those the actor may read) and
 * reports where each went and where the draft would send it. Read-only: one READ ONLY transaction, nothing
 * written (round-robin places and loads move in memory, oldest record first, as they would have live). Draft
 * rules about types below `recordType` are not applied (the sample is read as `recordType`).
 */
export async function simulateRouting(db: Database, graph: GraphInfo, actor: Actor, input: { rules: unknown[]; recordType: string; sample: number; now: Date }): Promise<RoutingSimulation> {
  const model = graph.model;
  const type = model.types.get(input.recordType);
  if (!type || type.archived) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record type "${input.recordType}"`);
  if (!Number.isInteger(input.sample) || input.sample < 1 || input.sample > MAX_SAMPLE) throw new DomainError(ErrorCode.BAD_USER_INPUT, `sample must be between 1 and ${MAX_SAMPLE}`);
  const drafts = parseRules(input.rules);
  const snapshot: MetadataSnapshot = { ...model.snapshot, routingRules: Object.fromEntries(drafts.map((r) => [r.name, r])) };
  const problems = metadataKind('routingRule')
    .validate(buildModel(snapshot))
    .filter((p) => p.path.startsWith('routingRules.'));
  if (problems.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, `the draft rules are not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
  const rules = rulesForType(model, input.recordType, drafts);

  return db.transaction(async (tx) => {
    await tx.run(sql`SET TRANSACTION READ ONLY`);
    const ctx = new CompileContext(graph, ACCESS_ONLY, 'resolve', accessScope(actor, model));
    const a = ctx.alias();
    const sampled = await tx.run<{ row: unknown }>(
      sql`SELECT to_jsonb(${a}) AS "row" FROM ${tableRef(type.name)} ${a} WHERE ${readableWhere(ctx, graph.byName.get(type.name)!, a)} ORDER BY ${a}."id" DESC LIMIT ${input.sample}`,
    );
    const rows = sampled.map((s) => (typeof s.row === 'string' ? JSON.parse(s.row) : s.row) as Record<string, unknown>);
    const cursors = new Map((await tx.orm.select().from(routingCursor)).map((c) => [c.rule, Number(c.lastPersonId)]));
    const pending = new Map<number, number>();
    const memory: RoutingMemory = { lastPicked: async (rule) => cursors.get(rule) ?? null, pendingLoad: (p) => pending.get(p) ?? 0 };

    const decisions = [];
    for (const row of [...rows].reverse()) {
      const d = await routeRecord(tx, model, row, rules, memory, input.now);
      if (d?.personId != null) {
        pending.set(d.personId, (pending.get(d.personId) ?? 0) + 1);
        if (d.strategy === 'round_robin' && !d.fellBack && d.rule) cursors.set(d.rule, d.personId);
      }
      decisions.push({ row, d });
    }
    decisions.reverse();
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const groupIds = decisions.flatMap(({ row, d }) => [num(row.assignment_group), d?.groupId ?? null]).filter((x): x is number => x !== null);
    const peopleIds = decisions.flatMap(({ row, d }) => [num(row.assigned_to), d?.personId ?? null]).filter((x): x is number => x !== null);
    const names = await namesOf(tx, [...new Set(groupIds)], [...new Set(peopleIds)]);
    const gName = (id: number | null) => (id === null ? null : (names.groups.get(id) ?? null));
    const pName = (id: number | null) => (id === null ? null : (names.people.get(id) ?? null));

    const gqlOf = (row: Record<string, unknown>) => {
      const concrete = model.types.get(String(row.typename ?? type.name));
      return (concrete ?? type).gqlName;
    };
    const records: SimulatedRecord[] = decisions.map(({ row, d }) => {
      const actualGroup = gName(num(row.assignment_group));
      const actualAssignee = pName(num(row.assigned_to));
      const simulatedGroup = d ? gName(d.groupId) : null;
      const simulatedAssignee = d ? pName(d.personId) : null;
      return {
        id: toGlobalId(gqlOf(row), Number(row.id)),
        number: (row.number as string | null) ?? null,
        actualGroup,
        actualAssignee,
        simulatedGroup,
        simulatedAssignee,
        rule: d?.rule ?? null,
        reason: d?.reason ?? null,
        fellBack: d?.fellBack ?? false,
        changed: actualGroup !== simulatedGroup || actualAssignee !== simulatedAssignee,
      };
    });
    const counts = new Map<string, number>();
    for (const r of records) {
      const target = r.simulatedGroup || r.simulatedAssignee ? [r.simulatedGroup, r.simulatedAssignee].filter(Boolean).join(' / ') : 'unassigned';
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    return { records, counts: [...counts].map(([target, count]) => ({ target, count })).sort((x, y) => y.count - x.count || x.target.localeCompare(y.target)) };
  });
}

function parseRules(input: unknown[]): RoutingRuleDoc[] {
  const names = new Set<string>();
  return input.map((raw, i) => {
    const parsed = RoutingRuleDoc.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `draft rule ${i + 1}: ${[...issue.path].join('.') || 'document'}: ${issue.message}`);
    }
    if (names.has(parsed.data.name)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `draft rule ${i + 1}: the name "${parsed.data.name}" is used twice`);
    names.add(parsed.data.name);
    return parsed.data;
  });
}
