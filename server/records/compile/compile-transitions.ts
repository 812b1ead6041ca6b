import { sql, type SQL } from 'drizzle-orm';
import { camelName, constantName, type StateModelDoc, type TransitionDoc } from '../../../schema/index.js';
import type { AccessScope } from '../../access/access-scope.js';
import type { TypeInfo } from '../record-info.js';
import { fieldWriteAccess, recordAccess } from './compile-access.js';
import { compileCondition } from './compile-condition.js';
import { gqlNameLiteral, jsonObject, type CompileContext } from './compile-context.js';
import { selectionOf, type ResolveTree } from './selection.js';
import { DomainError, ErrorCode } from '../../domain-error.js';

/** The GraphQL type of a transition offered on a record (see TransitionPlugin). */
export const TRANSITION_TYPE = 'RecordTransition';
import { snapshotRow } from './compile-mutation.js';

/** The GraphQL field of a record that lists the moves its reader may make from its current state. */
export const AVAILABLE_TRANSITIONS = 'availableTransitions';

/**
 * The transitions of a model the actor's user criteria admit (no criteria: everyone who may update). Criteria
 * are known per actor when a statement is compiled, so they are decided here and never reach SQL.
 */
export function transitionsFor(scope: Pick<AccessScope, 'matchesCriteria'>, model: StateModelDoc): TransitionDoc[] {
  return model.transitions.filter((t) => t.criteria.length === 0 || t.criteria.some((c) => scope.matchesCriteria(c)));
}

/** What a transition is called on a button: its label, else the label of the state it leads to. */
export function transitionLabel(model: StateModelDoc, t: TransitionDoc): string {
  return t.label ?? model.states.find((s) => s.name === t.to)?.label ?? t.to;
}

/**
 * `availableTransitions` of the row `alias`, inside the statement that reads it: the moves from the row's state
 * whose condition holds on the row, among those the actor's criteria admit, and none on a record the actor may
 * not update (or whose state it may not write). Each is `{ to, label, requires }` as the GraphQL type shows it.
 */
export function availableTransitionsJson(ctx: CompileContext, info: TypeInfo, alias: SQL, tree?: ResolveTree): SQL {
  const model = info.type.stateModel;
  const moves = model ? transitionsFor(ctx.scope, model) : [];
  if (!model || !moves.length) return sql`'[]'::json`;
  const state = sql`${alias}.${sql.identifier(model.field)}`;
  const rows = moves.map((t, i) => {
    const when = [sql`${state} = ${t.from}::text`];
    if (t.condition) when.push(compileCondition(ctx, info, alias, t.condition, ctx.scope.dyn));
    const requires = t.requires.map((r) => gqlNameLiteral(camelName(r)));
    // Exactly the fields selected, under their response keys (the fast path sends this JSON as the response).
    const value = (name: string): SQL => {
      switch (name) {
        case 'to':
          return gqlNameLiteral(constantName(t.to));
        case 'label':
          return sql`${transitionLabel(model, t)}::text`;
        case 'requires':
          return sql`json_build_array(${sql.join(requires, sql`, `)})`;
        case '__typename':
          return gqlNameLiteral(TRANSITION_TYPE);
        default:
          throw new DomainError(ErrorCode.UNKNOWN_FIELD, `${TRANSITION_TYPE} has no field "${name}"`);
      }
    };
    const selected = tree ? [...selectionOf(tree, TRANSITION_TYPE)] : [['to', { name: 'to' }] as const, ['label', { name: 'label' }] as const, ['requires', { name: 'requires' }] as const];
    const json = jsonObject(selected.map(([key, f]) => [key, value(f.name)]));
    return sql`(${i}, CASE WHEN ${sql.join(when, sql` AND `)} THEN ${json} END)`;
  });
  const list = sql`(SELECT coalesce(json_agg(m.v ORDER BY m.o), '[]'::json) FROM (VALUES ${sql.join(rows, sql`, `)}) m(o, v) WHERE m.v IS NOT NULL)`;
  const gates: SQL[] = [];
  const update = recordAccess(ctx, info, alias, 'update');
  if (update) gates.push(update);
  const stateField = info.type.activeFields.find((f) => f.name === model.field);
  const writeState = stateField ? fieldWriteAccess(ctx, info, stateField, alias) : null;
  if (writeState) gates.push(writeState);
  return gates.length ? sql`CASE WHEN ${sql.join(gates, sql` AND `)} THEN ${list} ELSE '[]'::json END` : list;
}

/**
 * One statement answering, for a transition about to be made, whether each condition holds: `onNext` on the
 * record as the transition would leave it, `onNow` on the record as it is. Rows are stored rows by column name.
 * Conditions compile to SQL here, so a write and `availableTransitions` can never disagree about one.
 */
export function transitionConditionsStatement(ctx: CompileContext, info: TypeInfo, now: Record<string, unknown>, next: Record<string, unknown>, onNext: TransitionDoc[], onNow: TransitionDoc[]): SQL {
  const a = ctx.alias();
  const b = ctx.alias();
  const test = (t: TransitionDoc, row: SQL) => (t.condition ? compileCondition(ctx, info, row, t.condition, ctx.scope.dyn) : sql`TRUE`);
  const tests = [...onNext.map((t) => test(t, a)), ...onNow.map((t) => test(t, b))];
  return sql`SELECT json_build_array(${sql.join(tests, sql`, `)}) AS "holds" FROM ${snapshotRow(info, next)} ${a}, ${snapshotRow(info, now)} ${b}`;
}
