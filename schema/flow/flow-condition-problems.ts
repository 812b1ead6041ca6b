import { checkCondition } from '../condition/check-condition.js';
import type { Condition } from '../condition/condition.js';
import { referencePaths } from '../condition/reference-paths.js';
import type { FlowCheck } from './flow-check.js';

/**
 * A condition of a flow (trigger, branch, timer) is one the language accepts for the record type and tests the
 * record's own fields: the engine evaluates it on the row an event carries, where no referenced row is loaded.
 */
export function flowConditionProblems(c: FlowCheck, condition: Condition, where: string, what: string): void {
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
