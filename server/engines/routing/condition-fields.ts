import type { Condition } from '../../../schema/index.js';

/** The record's own fields a condition reads: a change to one of them may change where the record goes. */
export function conditionFields(condition: Condition | undefined, into = new Set<string>()): Set<string> {
  if (!condition) return into;
  if ('and' in condition) condition.and.forEach((c) => conditionFields(c, into));
  else if ('or' in condition) condition.or.forEach((c) => conditionFields(c, into));
  else if ('not' in condition) conditionFields(condition.not, into);
  else into.add(condition.field.split('.')[0]);
  return into;
}
