import { camelName, constantName, UnreachableCaseError, type ModelField, type StateModelDoc, type TransitionDoc } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { CompileContext, paramValue, transitionConditionsStatement, transitionLabel, transitionsFor } from '../compile/index.js';
import { readRows } from '../database-error.js';
import type { WriteStage } from './write-stage.js';
import type { StoredRow, WriteState } from './write-state.js';

/**
 * A record with a state model changes state only through its transitions. A create starts in the initial
 * state; an update may not touch the state; a transition must be a move from the record's current state that
 * the actor's criteria admit, whose condition holds on the record as the move leaves it, and after which the
 * fields it requires have values. Then the stage writes the state on the client's behalf. Types without a
 * model cost nothing: the check is on metadata.
 */
export const stateModelStage: WriteStage = {
  name: 'stateModel',
  async run(ws: WriteState): Promise<void> {
    const model = ws.info.type.stateModel;
    if (!model) return refuseForeignChoices(ws);
    const field = ws.info.type.activeFields.find((f) => f.name === model.field);
    // Validation keeps the field; a model whose field is gone has nothing to guard.
    if (!field) return;
    switch (ws.op) {
      case 'create':
        return startInitial(ws, model, field);
      case 'update':
        return refuseStateChange(ws, model, field);
      case 'transition':
        return transition(ws, model, field);
      case 'delete':
        return;
      default:
        throw new UnreachableCaseError(ws.op);
    }
  },
};

function label(ws: WriteState): string {
  return ws.info.type.doc.label;
}

function stateOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value).toLowerCase();
}

function stateLabel(model: StateModelDoc, name: string | null): string {
  if (name === null) return 'no state';
  const s = model.states.find((x) => x.name === name);
  return s ? `${s.label} (${constantName(name)})` : constantName(name);
}

function startInitial(ws: WriteState, model: StateModelDoc, field: ModelField): void {
  const key = field.gqlName;
  const asked = stateOf(ws.values[key]);
  if (asked !== null && asked !== model.initial)
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `new ${label(ws)} records start in state ${stateLabel(model, model.initial)}; leave ${key} out (or send ${constantName(model.initial)}) and move it on with transition${ws.info.type.gqlName}`,
      { field: key, initial: constantName(model.initial) },
    );
  // The column's default fills an initial state that is the field's default, as for any field left out: a
  // value sent on the creator's behalf would be held to the field's write rules.
  if (asked === null && field.default === model.initial) return;
  ws.values[key] = constantName(model.initial);
  ws.vouched.add(key);
}

async function refuseStateChange(ws: WriteState, model: StateModelDoc, field: ModelField): Promise<void> {
  const key = field.gqlName;
  if (!(key in ws.values) || ws.vouched.has(key)) return;
  const current = await ws.current();
  const from = stateOf(current?.[field.name]);
  // Sending the state the record is in changes nothing: a form that posts every field is not refused for it.
  if (stateOf(ws.values[key]) === from) {
    delete ws.values[key];
    return;
  }
  const moves = await allowedMoves(ws, model, from, current ?? {});
  throw new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `the state of ${label(ws)} records changes only through transition${ws.info.type.gqlName}, not update${ws.info.type.gqlName}; ${describeMoves(ws, model, from, moves)}`,
    { field: key, from: from && constantName(from), allowed: moves.map((t) => constantName(t.to)) },
  );
}

async function transition(ws: WriteState, model: StateModelDoc, field: ModelField): Promise<void> {
  const request = ws.request;
  if (request.op !== 'transition') return;
  const key = field.gqlName;
  const to = stateOf(request.to)!;
  const current = (await ws.current()) ?? {};
  const from = stateOf(current[field.name]);
  if (key in ws.values && stateOf(ws.values[key]) !== to)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `the state is what the transition moves to (to: ${constantName(to)}); leave ${key} out of the patch`, { field: key });
  const next = nextRow(ws, current);
  next[field.name] = to;
  const move = model.transitions.find((t) => t.from === from && t.to === to);
  const admitted = move ? transitionsFor(ws.scope, model).includes(move) : false;
  const refuse = async (why: string) => {
    const moves = await allowedMoves(ws, model, from, current);
    return new DomainError(ErrorCode.INVALID_TRANSITION, `${why}; ${describeMoves(ws, model, from, moves)}`, {
      from: from && constantName(from),
      to: constantName(to),
      allowed: moves.map((t) => constantName(t.to)),
    });
  };
  if (!model.states.some((s) => s.name === to)) throw await refuse(`${constantName(to)} is not a state of ${label(ws)} records`);
  if (!move) throw await refuse(`this ${label(ws)} record cannot move from ${stateLabel(model, from)} to ${stateLabel(model, to)}`);
  if (!admitted) throw await refuse(`you may not move this ${label(ws)} record from ${stateLabel(model, from)} to ${stateLabel(model, to)}: "${transitionLabel(model, move)}" is for ${move.criteria.join(' or ')}`);
  if (move.condition) {
    const [holds] = await conditionsHold(ws, current, next, [move], []);
    if (!holds) throw await refuse(`"${transitionLabel(model, move)}" (${constantName(from!)} → ${constantName(to)}) does not apply to this ${label(ws)} record as it would be: its condition does not hold`);
  }
  const missing = move.requires.filter((r) => isEmpty(next[r]));
  if (missing.length) {
    const names = missing.map(camelName);
    throw new DomainError(
      ErrorCode.REQUIRED_FIELD,
      `"${transitionLabel(model, move)}" needs a value for ${names.join(', ')}: give ${missing.length > 1 ? 'them' : 'it'} in the transition's patch`,
      { fields: names, from: constantName(from!), to: constantName(to) },
    );
  }
  ws.values[key] = constantName(to);
  ws.vouched.add(key);
}

/** The record as the write would leave it, by column name in stored form: the current row with the patch over it. */
function nextRow(ws: WriteState, current: StoredRow): StoredRow {
  const next: StoredRow = { ...current };
  for (const [key, value] of Object.entries(ws.values)) {
    const f = ws.info.fields.get(key);
    if (!f) continue;
    // A json value stays JSON here (paramValue gives its text, for a parameter).
    next[f.name] = f.type === 'json' ? value : paramValue(ws.wc.graph, f, value);
  }
  return next;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** Evaluates conditions in one statement, compiled as `availableTransitions` compiles them. */
async function conditionsHold(ws: WriteState, now: StoredRow, next: StoredRow, onNext: TransitionDoc[], onNow: TransitionDoc[]): Promise<boolean[]> {
  const ctx = new CompileContext(ws.wc.graph, ws.wc.limits, 'resolve', ws.scope);
  const [row] = await readRows<{ holds: boolean[] | string }>(ws.wc.db, transitionConditionsStatement(ctx, ws.info, now, next, onNext, onNow));
  return typeof row.holds === 'string' ? JSON.parse(row.holds) : row.holds;
}

/** The moves this actor may make from `from`, as `availableTransitions` would list them. */
async function allowedMoves(ws: WriteState, model: StateModelDoc, from: string | null, current: StoredRow): Promise<TransitionDoc[]> {
  const mine = transitionsFor(ws.scope, model).filter((t) => t.from === from);
  if (!mine.some((t) => t.condition)) return mine;
  const holds = await conditionsHold(ws, current, current, [], mine);
  return mine.filter((_, i) => holds[i]);
}

function describeMoves(ws: WriteState, model: StateModelDoc, from: string | null, moves: TransitionDoc[]): string {
  const where = `from ${stateLabel(model, from)}`;
  if (!moves.length) return `${where} there is no move you may make`;
  const list = moves.map((t) => `"${transitionLabel(model, t)}" to ${constantName(t.to)}${t.requires.length ? ` (needs ${t.requires.map(camelName).join(', ')})` : ''}`);
  return `${where} you may use transition${ws.info.type.gqlName} with: ${list.join(', ')}`;
}

/**
 * Types sharing a state field share its GraphQL enum, which holds every state of every model on it; a type
 * without a model of its own keeps its declared choices, so a state only a sibling's model knows is refused.
 */
function refuseForeignChoices(ws: WriteState): void {
  if (ws.op === 'delete') return;
  for (const [key, value] of Object.entries(ws.values)) {
    const f = ws.info.fields.get(key);
    if (!f?.enumChoices || value === null || value === undefined) continue;
    const v = String(value).toLowerCase();
    if (!(f.choices ?? []).some((c) => c.value === v))
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${constantName(v)} is not a ${f.label} of ${ws.info.type.doc.label} records; use one of ${(f.choices ?? []).map((c) => constantName(c.value)).join(', ')}`, {
        field: key,
      });
  }
}
