import type { Condition } from './condition.js';

/**
 * Where a condition tests a field through a reference ("caller.department"), with the document path of each
 * such test. Validators of metadata evaluated on the record's own row (UI policies, routing rules) use it to
 * reject what they could not evaluate.
 */
export function referencePaths(condition: Condition, path: string): { path: string; field: string }[] {
  if ('and' in condition) return condition.and.flatMap((c, i) => referencePaths(c, `${path}.and.${i}`));
  if ('or' in condition) return condition.or.flatMap((c, i) => referencePaths(c, `${path}.or.${i}`));
  if ('not' in condition) return referencePaths(condition.not, `${path}.not`);
  return condition.field.includes('.') ? [{ path: `${path}.field`, field: condition.field }] : [];
}
