import { DYNAMIC_VALUES, dynamicTarget, LIST_DYNAMIC_VALUES, type ConditionOperator, type DynamicValueName } from '../../../schema/condition/index.js';
import type { TestableField } from './field-path.js';
import { isListOperator } from './operators.js';

/** How a dynamic value reads, capitalised for a menu ("My account tree"). */
export function dynamicLabel(name: DynamicValueName): string {
  const words = name.replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * The dynamic values that fit a test: lists (my groups, my account tree, my partner customers) only with
 * in / not_in, single ones only with the others; records of the type the field points at; `now` on dates.
 */
export function dynamicValuesFor(field: TestableField | undefined, op: ConditionOperator): DynamicValueName[] {
  if (!field) return [];
  return DYNAMIC_VALUES.filter((name) => {
    if (LIST_DYNAMIC_VALUES.has(name) !== isListOperator(op)) return false;
    if (op === 'contains' || op === 'starts_with' || op === 'ends_with') return false;
    const target = dynamicTarget(name);
    if (target === null) return field.type === 'date' || field.type === 'datetime';
    return field.type === 'reference' && field.reference === target;
  });
}
