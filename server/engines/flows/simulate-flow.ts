import { sql } from 'drizzle-orm';
import {
  buildModel,
  describeIssues,
  evaluateCondition,
  FlowDoc,
  IDENTITY_TYPES,
  metadataKind,
  type Condition,
  type DynamicContext,
  type FlowNodeKind,
  type FlowOutcome,
  type Model,
} from '../../../schema/index.js';
import type { Actor } from '../../access/actor.js';
import { accessScope } from '../../access/access-scope.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, fromGlobalId, readableWhere, toGlobalId, type GraphInfo, type RecordRow } from '../../records/index.js';
import type { EngineContext } from '../engine.js';
import { resolveApprovers } from './approvers/index.js';
import { expectedDecisionTimes, type DecisionTimeEstimate } from './expected-decision-times.js';
import type { ApproverFlag } from './flow-types.js';
import { simulateRecord } from './simulate-record.js';

export interface SimulateFlowInput {
  /** The draft flow document (validated here against the current model). */
  flow: unknown;
  /** Global ids of records to run it on; else a sample. */
  recordIds?: string[] | null;
  /** How many of the most recently updated records the trigger matches (default 20). */
  sample?: number | null;
  /** What every person asked answers, and how subflows end (default approved). */
  assume?: 'approved' | 'rejected' | null;
}

/** A person who would be asked, with names. Ids are row ids (strings of digits). */
export interface SimulatedApprover {
  personId: string;
  userName: string;
  name: string;
  delegatedFromId: string | null;
  delegatedFromUserName: string | null;
  via: string;
}

export interface SimulatedApprovalStep {
  node: string;
  label: string | null;
  approvers: SimulatedApprover[];
  /** With the user name of the person a flag concerns, when it concerns one. */
  flags: (ApproverFlag & { userName: string | null })[];
  expected: DecisionTimeEstimate;
}

export interface SimulatedFlowRecord {
  /** The record's global id. */
  id: string;
  number: string | null;
  requesterId: string | null;
  path: string[];
  outcome: FlowOutcome | null;
  stuck: string | null;
  approvals: SimulatedApprovalStep[];
  /** The expected times of the approval steps on the path, summed; null when one has no estimate. */
  expectedSeconds: number | null;
  expectedReason: string | null;
}

export interface FlowSimulation {
  flow: string;
  assumed: 'approved' | 'rejected';
  records: SimulatedFlowRecord[];
  /** Every node of the flow, in its order, with how many of the records passed it (entered it at least once). */
  nodes: { node: string; kind: FlowNodeKind; label: string | null; records: number; expected: DecisionTimeEstimate | null }[];
  /** Records asked for by id that were not simulated, and why. */
  skipped: { id: string; reason: string }[];
}

export const DEFAULT_SAMPLE = 20;
export const MAX_SIMULATED = 200;
/** Rows read per page while looking for records the trigger matches, and how many at most. */
const PAGE = 200;
const MAX_SCANNED = 5_000;
const ACCESS_ONLY = { defaultPageSize: 1, maxPageSize: 1 };

/**
 * Runs a draft flow read-only against real records and reports, per record, the path it would take, who would be
 * asked at each approval (resolved now, with flags for empty groups, inactive users, self-approval …) and the
 * expected time to decision from past decisions; per node, how many records passed it. Assumes every person asked
 * answers `assume` (approved), timers fire, actions are done and subflows end `assume`.
 * Access: only records `actor` may read are simulated (the record core's read predicate, as in a query); who may
 * simulate at all (platform and unit administrators) is the adapter's check. Nothing is written: everything runs
 * in one READ ONLY transaction.
 */
export async function simulateFlow(ctx: EngineContext, input: SimulateFlowInput, actor: Actor): Promise<FlowSimulation> {
  const graph = ctx.graph();
  const flow = validDraft(graph.model, input.flow);
  const assume = input.assume ?? 'approved';
  const ids = input.recordIds ?? null;
  const sample = input.sample ?? DEFAULT_SAMPLE;
  if (ids && ids.length > MAX_SIMULATED) throw new DomainError(ErrorCode.BAD_USER_INPUT, `at most ${MAX_SIMULATED} records are simulated at once; ${ids.length} were given`);
  if (!ids && (!Number.isInteger(sample) || sample < 1 || sample > MAX_SIMULATED)) throw new DomainError(ErrorCode.BAD_USER_INPUT, `sample must be between 1 and ${MAX_SIMULATED}`);
  const now = ctx.clock.now();
  const model = graph.model;
  const dyn: DynamicContext = { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now };
  const holdsOn = (type: string, row: RecordRow) => (c: Condition) => {
    try {
      return evaluateCondition(model, type, c, row, dyn);
    } catch {
      return false; // as the engine: a condition that cannot be evaluated does not hold
    }
  };

  return ctx.db.transaction(async (tx) => {
    await tx.run(sql`SET TRANSACTION READ ONLY`);
    const compile = new CompileContext(graph, ACCESS_ONLY, 'resolve', accessScope(actor, model));
    const { rows, skipped } = ids ? await rowsById(tx, graph, compile, flow, ids) : { rows: await sampleRows(tx, graph, compile, flow, sample, holdsOn), skipped: [] };
    const approvalNodes = flow.nodes.filter((n) => n.kind === 'approval').map((n) => n.id);
    const expected = await expectedDecisionTimes(tx, flow.name, approvalNodes);
    const records: SimulatedFlowRecord[] = [];
    const people = new Set<string>();
    const runs = [];
    for (const { type, row } of rows) {
      const requesterId = await requesterOf(tx, flow, row);
      const run = await simulateRecord(
        flow,
        holdsOn(type, row),
        (sources) => resolveApprovers({ tx, sources, recordType: type, row, requesterId, now, model }),
        assume,
      );
      for (const a of run.askings) {
        a.approvers.forEach((p) => (people.add(p.personId), p.delegatedFrom && people.add(p.delegatedFrom)));
        a.flags.forEach((f) => f.personId && people.add(f.personId));
      }
      runs.push({ type, row, requesterId, run });
    }
    const names = await personNames(tx, [...people]);
    const label = (node: string) => flow.nodes.find((n) => n.id === node)?.label ?? null;
    for (const { type, row, requesterId, run } of runs) {
      const approvals = run.askings.map((a) => ({
        node: a.node,
        label: label(a.node),
        approvers: a.approvers.map((p) => ({
          personId: p.personId,
          userName: names.get(p.personId)?.userName ?? `#${p.personId}`,
          name: names.get(p.personId)?.name ?? `#${p.personId}`,
          delegatedFromId: p.delegatedFrom,
          delegatedFromUserName: p.delegatedFrom ? (names.get(p.delegatedFrom)?.userName ?? `#${p.delegatedFrom}`) : null,
          via: p.via,
        })),
        flags: a.flags.map((f) => ({ ...f, userName: f.personId ? (names.get(f.personId)?.userName ?? null) : null })),
        expected: expected.get(a.node)!,
      }));
      const missing = approvals.find((a) => a.expected.seconds === null);
      records.push({
        id: toGlobalId(graph.byName.get(type)?.type.gqlName ?? type, Number(row.id)),
        number: (row.number as string | null | undefined) ?? null,
        requesterId,
        path: run.path,
        outcome: run.outcome,
        stuck: run.stuck,
        approvals,
        expectedSeconds: missing ? null : approvals.reduce((sum, a) => sum + a.expected.seconds!, 0),
        expectedReason: missing ? `no estimate for approval step ${missing.node}: ${missing.expected.reason}` : null,
      });
    }
    const nodes = flow.nodes.map((n) => ({
      node: n.id,
      kind: n.kind,
      label: n.label ?? null,
      records: records.filter((r) => r.path.includes(n.id)).length,
      expected: n.kind === 'approval' ? expected.get(n.id)! : null,
    }));
    return { flow: flow.name, assumed: assume, records, nodes, skipped };
  });
}

/** The draft, parsed and checked against the current model as if it were published (its problems only). */
function validDraft(model: Model, raw: unknown): FlowDoc {
  const parsed = FlowDoc.safeParse(raw);
  if (!parsed.success) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the flow is not valid: ${describeIssues(parsed.error, 'flow')}`);
  const flow = parsed.data;
  const drafted = buildModel({ ...model.snapshot, flows: { ...model.snapshot.flows, [flow.name]: flow } });
  const problems = metadataKind('flow')
    .validate(drafted)
    .filter((p) => p.path === `flows.${flow.name}` || p.path.startsWith(`flows.${flow.name}.`));
  if (problems.length)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `the flow is not valid: ${problems.map((p) => `${p.path.slice(`flows.${flow.name}.`.length) || 'flow'}: ${p.message}`).join('; ')}`, {
      problems: problems.map((p) => ({ path: p.path, code: p.code, message: p.message })),
    });
  return flow;
}

type TypedRow = { type: string; row: RecordRow };
const parseRow = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as RecordRow;

/** The trigger's type and the concrete types below it (a record of any of them starts the flow). */
function triggerTypes(graph: GraphInfo, flow: FlowDoc): Set<string> {
  return new Set(graph.model.types.get(flow.trigger.recordType)?.concreteTypes ?? []);
}

/** The records asked for, those the actor may read; the others are skipped with a reason (unreadable reads as missing). */
async function rowsById(tx: Executor, graph: GraphInfo, compile: CompileContext, flow: FlowDoc, ids: string[]): Promise<{ rows: TypedRow[]; skipped: { id: string; reason: string }[] }> {
  const types = triggerTypes(graph, flow);
  const rows: TypedRow[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of [...new Set(ids)]) {
    const decoded = fromGlobalId(id);
    const info = [...graph.byName.values()].find((i) => i.type.gqlName === decoded.typeName);
    if (!info || !types.has(info.type.name)) {
      skipped.push({ id, reason: `the flow runs on ${flow.trigger.recordType} records; this is ${info ? `a ${info.type.name}` : 'not a record of a live type'}` });
      continue;
    }
    const a = compile.alias();
    const [found] = await tx.run<{ row: unknown }>(sql`SELECT to_jsonb(${a}) AS "row" FROM ${tableRef(info.type.name)} ${a} WHERE ${a}."id" = ${decoded.id} AND ${readableWhere(compile, info, a)}`);
    if (found) rows.push({ type: info.type.name, row: parseRow(found.row) });
    else skipped.push({ id, reason: 'there is no such record, or you may not read it' });
  }
  return { rows, skipped };
}

/**
 * The `sample` most recently updated records of the trigger's type that the actor may read and the trigger
 * matches now (its condition holds; for a transition trigger, the record is in one of the `to` states).
 */
async function sampleRows(tx: Executor, graph: GraphInfo, compile: CompileContext, flow: FlowDoc, sample: number, holdsOn: (type: string, row: RecordRow) => (c: Condition) => boolean): Promise<TypedRow[]> {
  const info = graph.byName.get(flow.trigger.recordType)!;
  const trigger = flow.trigger;
  const out: TypedRow[] = [];
  for (let offset = 0; offset < MAX_SCANNED && out.length < sample; offset += PAGE) {
    const a = compile.alias();
    const page = await tx.run<{ row: unknown }>(
      sql`SELECT to_jsonb(${a}) AS "row" FROM ${tableRef(info.type.name)} ${a} WHERE ${readableWhere(compile, info, a)} ORDER BY ${a}."sys_updated_at" DESC, ${a}."id" DESC LIMIT ${PAGE} OFFSET ${offset}`,
    );
    for (const r of page) {
      const row = parseRow(r.row);
      const type = typeof row.typename === 'string' ? row.typename : info.type.name;
      const holds = holdsOn(type, row);
      const inState = trigger.on !== 'transition' || !trigger.to?.length || trigger.to.includes(String(row[trigger.stateField ?? 'state']));
      if (inState && (!trigger.condition || holds(trigger.condition))) out.push({ type, row });
      if (out.length >= sample) break;
    }
    if (page.length < PAGE) break;
  }
  return out;
}

/** Whom the flow would act for: the record's `requesterField`, else the user who created the record. */
async function requesterOf(tx: Executor, flow: FlowDoc, row: RecordRow): Promise<string | null> {
  if (flow.trigger.requesterField) {
    const v = row[flow.trigger.requesterField];
    return v === null || v === undefined ? null : String(v);
  }
  const by = row.sys_created_by;
  if (typeof by !== 'string') return null;
  const [p] = await tx.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "user_name" = ${by}`);
  return p ? String(p.id) : null;
}

async function personNames(tx: Executor, ids: string[]): Promise<Map<string, { userName: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await tx.run<{ id: string | number; user_name: string; name: string }>(
    sql`SELECT "id", "user_name", "name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "id" IN (${sql.join(
      ids.map((id) => sql`${id}::bigint`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [String(r.id), { userName: r.user_name, name: r.name }]));
}
