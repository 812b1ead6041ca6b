import { sql, type SQL } from 'drizzle-orm';
import type { AclDoc, Condition, Model } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { Actor } from './actor.js';
import { fromGlobalId } from '../records/global-id.js';
import { CompileContext, rulePredicate } from '../records/compile/index.js';
import { buildGraphInfo } from '../records/record-info.js';
import { loadAccessProfile } from './access-profile.js';
import { AccessScope, type FieldOperation, type RecordOperation } from './access-scope.js';

/** One rule's part in a decision. */
export interface RuleVerdict {
  rule: string;
  description: string | null;
  criteria: { name: string; matched: boolean }[];
  /** The user is one of those the rule is for (it names no criteria, or the user matches one). */
  appliesToUser: boolean;
  condition: Condition | null;
  /** The reference field whose target the user must also be able to read (`through`); null without one. */
  through: string | null;
  /**
   * Whether the record meets what the rule asks of it — its condition and, with `through`, a readable target;
   * null when the rule asks nothing of the record.
   */
  conditionHolds: boolean | null;
  /** The rule allows the operation: it applies to the user and the record meets its condition. */
  grants: boolean;
}

export interface AccessDecision {
  operation: RecordOperation | FieldOperation;
  allowed: boolean;
  /** The record type whose rules decide (the nearest with rules for this target); null: none has, only admins may. */
  decidedBy: string | null;
  /** Why, in a sentence. */
  reason: string;
  rules: RuleVerdict[];
}

export interface FieldExplanation {
  field: string;
  read: AccessDecision;
  write: AccessDecision;
}

export interface AccessExplanation {
  userName: string;
  admin: boolean;
  recordType: string;
  /** The record's global id, and its number when its type numbers records. */
  recordId: string;
  recordNumber: string | null;
  recordExists: boolean;
  operations: AccessDecision[];
  fields: FieldExplanation[];
}

const RECORD_OPS: RecordOperation[] = ['read', 'create', 'update', 'delete'];

/**
 * Which rules grant or deny a user each operation on a record and on each of its fields. Rule conditions are
 * evaluated by the same SQL the queries use, in one statement over the record.
 */
export async function explainAccess(db: Database, model: Model, userName: string, globalId: string): Promise<AccessExplanation> {
  const profile = await loadAccessProfile(db, userName);
  if (!profile) throw new DomainError(ErrorCode.NOT_FOUND, `there is no user "${userName}"`);
  const graph = buildGraphInfo(model);
  const decoded = fromGlobalId(globalId);
  const info = graph.byGqlName.get(decoded.typeName);
  if (!info || info.type.abstract) throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not the id of a record`);
  const actor: Actor = { id: profile.userName, name: profile.name, admin: false, profile, principal: { subject: userName, admin: false, via: 'dev', expiresAt: null }, key: `explain:${profile.userId}` };
  // Rules are explained as they apply to the user even when an admin role lets it pass them all.
  const scope = AccessScope.for(actor, model);
  const type = info.type;
  const targets: { field: string | null; op: RecordOperation | FieldOperation }[] = [
    ...RECORD_OPS.map((op) => ({ field: null, op })),
    ...type.activeFields.flatMap((f) => (['read', 'write'] as const).map((op) => ({ field: f.name, op }))),
  ];
  const explained = targets.map((t) => ({ ...t, ...scope.explain(type, t.field, t.op) }));

  const cc = new CompileContext(graph, { defaultPageSize: 1, maxPageSize: 1 }, 'resolve', scope);
  const a = cc.alias();
  const conditions: [string, SQL][] = [];
  const seen = new Set<string>();
  for (const e of explained)
    for (const { rule } of e.rules)
      if ((rule.condition || rule.through) && !seen.has(rule.name)) {
        seen.add(rule.name);
        conditions.push([rule.name, sql`(${rulePredicate(cc, info, a, rule)})`]);
      }
  const numbered = type.numberPrefix ? sql`, ${a}."number" AS "record_number"` : sql``;
  const select = conditions.length ? sql.join(conditions.map(([, c], i) => sql`${c} AS ${sql.identifier(`c${i}`)}`), sql`, `) : sql`TRUE AS c`;
  const [row] = await db.run<Record<string, boolean | string | null>>(sql`SELECT ${select}${numbered} FROM ${tableRef(type.name)} ${a} WHERE ${a}."id" = ${decoded.id}::bigint`);
  const holds = new Map(conditions.map(([name], i) => [name, row ? row[`c${i}`] === true : false]));

  const verdicts = (rules: { rule: AclDoc; applies: boolean }[]): RuleVerdict[] =>
    rules.map(({ rule, applies }) => {
      const conditionHolds = rule.condition || rule.through ? (holds.get(rule.name) ?? false) : null;
      return {
        rule: rule.name,
        description: rule.description ?? null,
        criteria: rule.criteria.map((name) => ({ name, matched: scope.criteriaMatched.get(name) ?? false })),
        appliesToUser: applies,
        condition: rule.condition ?? null,
        through: rule.through ?? null,
        conditionHolds,
        grants: applies && conditionHolds !== false && !!row,
      };
    });
  const decision = (e: (typeof explained)[number], fallback?: AccessDecision): AccessDecision => {
    const rules = verdicts(e.rules);
    if (profile.admin) return { operation: e.op, allowed: true, decidedBy: e.decidedBy, reason: 'the user holds the admin role, which passes every rule', rules };
    if (!row) return { operation: e.op, allowed: false, decidedBy: e.decidedBy, reason: 'there is no such record', rules };
    if (e.decidedBy === null && fallback)
      return { ...fallback, operation: e.op, rules: [], reason: `no rule restricts this field, so the record's ${fallback.operation} access decides: ${fallback.reason}` };
    if (e.decidedBy === null) return { operation: e.op, allowed: false, decidedBy: null, reason: `no rule allows ${e.op} on ${type.name} records, so only admins may`, rules };
    const granting = rules.filter((r) => r.grants).map((r) => r.rule);
    return {
      operation: e.op,
      allowed: granting.length > 0,
      decidedBy: e.decidedBy,
      reason: granting.length
        ? `allowed by ${granting.join(', ')}`
        : rules.some((r) => r.appliesToUser)
          ? 'the rules for this user do not match this record'
          : `none of the rules on ${e.decidedBy} is for this user (criteria not matched)`,
      rules,
    };
  };
  const records = new Map<string, AccessDecision>();
  for (const e of explained) if (e.field === null) records.set(e.op, decision(e));
  const fields: FieldExplanation[] = type.activeFields.map((f) => {
    const of = (op: FieldOperation) => {
      const record = records.get(op === 'read' ? 'read' : 'update')!;
      const d = decision(explained.find((e) => e.field === f.name && e.op === op)!, record);
      // A field rule narrows the record rule: it can take access away, never give what the record rule denies.
      return d.allowed && !record.allowed ? { ...d, allowed: false, reason: `${d.reason}, but the record's ${record.operation} access is denied: ${record.reason}` } : d;
    };
    return { field: f.gqlName, read: of('read'), write: of('write') };
  });
  const recordNumber = row && typeof row.record_number === 'string' ? row.record_number : null;
  return { userName: profile.userName, admin: profile.admin, recordType: type.name, recordId: globalId, recordNumber, recordExists: !!row, operations: RECORD_OPS.map((op) => records.get(op)!), fields };
}

