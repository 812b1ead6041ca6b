import type { InputLimits } from '../../config.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';

/** Operators whose value is a list: each is one list argument, bounded by `maxListLength`. */
const LIST_OPERATORS = new Set(['in', 'notIn', 'containsAll', 'containsAny']);

/** Conditions counted so far in one root field; its filters share the budget. */
export interface ConditionBudget {
  used: number;
}

interface Pending {
  filter: unknown;
  info: TypeInfo;
  depth: number;
  path: string;
}

/**
 * Refuses a filter that is nested too deep, has too many leaf conditions (together with the other filters of the
 * same root field, through `budget`) or a list longer than allowed, naming the limit and where it was passed.
 * It walks with an explicit stack, not recursion, so no input can overflow the stack here; once it passes, the
 * compiler's recursion is bounded by `maxFilterDepth`.
 *
 * Depth: each and/or/not and each condition through a reference is one level; conditions on the record itself
 * are at depth 0. A leaf condition is one operator on one field (`{ priority: { gt: 1, lt: 4 } }` is two).
 */
export function checkFilter(graph: GraphInfo, info: TypeInfo, filter: unknown, limits: InputLimits, budget: ConditionBudget, where = 'filter'): void {
  const stack: Pending[] = [{ filter, info, depth: 0, path: where }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (!isObject(item.filter)) continue;
    const { info: type, depth, path } = item;
    const deeper = (value: unknown, at: string, next: TypeInfo = type) => {
      if (depth + 1 > limits.maxFilterDepth) refuse('maxFilterDepth', limits.maxFilterDepth, at, `filters may nest at most ${limits.maxFilterDepth} levels (and, or, not and references each count one); ${at} is deeper`);
      stack.push({ filter: value, info: next, depth: depth + 1, path: at });
    };
    for (const [key, value] of Object.entries(item.filter)) {
      if (value === undefined || value === null) continue;
      const at = `${path}.${key}`;
      if (key === 'and' || key === 'or') {
        const list = Array.isArray(value) ? value : [value];
        checkLength(list, limits, at);
        // Pushed last first, so conditions are counted (and a refusal names the first one over) in document order.
        for (let i = list.length - 1; i >= 0; i--) deeper(list[i], `${at}[${i}]`);
      } else if (key === 'not') {
        deeper(value, at);
      } else {
        const field = type.fields.get(key);
        const target = field?.type === 'reference' ? graph.byName.get(field.reference!) : undefined;
        if (target) deeper(value, at, target);
        else countOperators(value, limits, budget, at);
      }
    }
  }
}

function countOperators(ops: unknown, limits: InputLimits, budget: ConditionBudget, path: string): void {
  if (!isObject(ops)) return;
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    budget.used += 1;
    if (budget.used > limits.maxFilterConditions)
      refuse('maxFilterConditions', limits.maxFilterConditions, `${path}.${op}`, `the filters of one field may hold at most ${limits.maxFilterConditions} conditions; ${path}.${op} is one too many`);
    if (LIST_OPERATORS.has(op) && Array.isArray(value)) checkLength(value, limits, `${path}.${op}`);
  }
}

/** A list argument (an `in` list, an orderBy, an and/or list) longer than `maxListLength` is refused. */
export function checkLength(list: readonly unknown[], limits: InputLimits, path: string): void {
  if (list.length > limits.maxListLength)
    refuse('maxListLength', limits.maxListLength, path, `${path} has ${list.length} items; a list argument may have at most ${limits.maxListLength}`);
}

function refuse(limit: keyof InputLimits, max: number, path: string, message: string): never {
  throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { limit, max, path });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
