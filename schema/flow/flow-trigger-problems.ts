import { IDENTITY_TYPES } from '../access/identity-types.js';
import { checkCondition } from '../condition/check-condition.js';
import type { Condition } from '../condition/condition.js';
import { referencePaths } from '../condition/reference-paths.js';
import { activeField, fieldIs, isTypeOrDescendant, type FlowCheck } from './flow-problem-context.js';

/**
 * Problems of a flow's trigger: a transition trigger names the state(s) it moves `to`, its state field is a
 * choice field of the record type and `from`/`to` are among its states (a state model's states, when the type
 * has one); `from`, `to` and `stateField` belong to transition triggers only; the condition is valid and tests the
 * record's own fields; the requester field is a reference to a person. A missing record type is reported by
 * `documentProblems`, and nothing here can be checked without it.
 */
export function flowTriggerProblems(c: FlowCheck): void {
  const { flow, type } = c;
  const t = flow.trigger;
  const flowName = `flow "${flow.name}"`;
  if (t.on === 'transition' && !t.to?.length)
    c.add('trigger.to', 'INVALID_DOCUMENT', `${flowName} starts on a transition but names no state it moves to; list the state(s) in "to"`);
  if (t.on !== 'transition')
    for (const key of ['stateField', 'from', 'to'] as const)
      if (t[key] !== undefined) c.add(`trigger.${key}`, 'INVALID_DOCUMENT', `${flowName} starts on ${t.on}, which does not use "${key}"; remove it or start the flow on a transition`);
  if (!type) return;
  if (t.on === 'transition') {
    const fieldName = t.stateField ?? 'state';
    const field = activeField(type, fieldName);
    if (!field || field.type !== 'choice')
      c.add(
        t.stateField === undefined ? 'trigger' : 'trigger.stateField',
        'INVALID_FIELD',
        `${flowName} starts when "${fieldName}" of "${type.name}" changes, but it ${fieldIs(type, fieldName)}; name the type's state field (a choice field)`,
      );
    else {
      const states = (field.choices ?? []).map((ch) => ch.value);
      for (const key of ['from', 'to'] as const)
        (t[key] ?? []).forEach((s, i) => {
          if (!states.includes(s))
            c.add(`trigger.${key}.${i}`, 'INVALID_DOCUMENT', `${flowName} starts on a move ${key} "${s}", which is not a state of "${type.name}" (${states.join(', ')})`);
        });
    }
  }
  if (t.condition) conditionProblems(c, t.condition, 'trigger.condition', `${flowName}'s trigger`);
  if (t.requesterField !== undefined) {
    const f = activeField(type, t.requesterField);
    if (!f || f.type !== 'reference' || !isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.user))
      c.add(
        'trigger.requesterField',
        'INVALID_FIELD',
        `${flowName} acts for the person in "${t.requesterField}", which ${fieldIs(type, t.requesterField)}; name a reference field to a ${IDENTITY_TYPES.user}`,
      );
  }
}

/**
 * A condition of a flow (trigger, branch, timer) is one the language accepts for the record type and tests the
 * record's own fields: the engine evaluates it on the row an event carries, where no referenced row is loaded.
 */
export function conditionProblems(c: FlowCheck, condition: Condition, where: string, what: string): void {
  if (!c.type) return;
  const at = `${c.path}.${where}`;
  for (const p of checkCondition(c.model, c.type.name, condition, at)) c.add(p.path.slice(c.path.length + 1), 'INVALID_CONDITION', `${what}: ${p.message}`);
  for (const r of referencePaths(condition, at))
    c.add(
      r.path.slice(c.path.length + 1),
      'INVALID_CONDITION',
      `${what} tests "${r.field}", a path through a reference; a flow tests the record's own fields (it is evaluated on the record as written)`,
    );
}
