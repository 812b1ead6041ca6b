import type { ConditionOperator } from '../../../schema/condition/index.js';
import { UnreachableCaseError, type FieldType } from '../../../schema/metadata/index.js';

const TEXT: ConditionOperator[] = ['eq', 'ne', 'contains', 'starts_with', 'ends_with', 'in', 'not_in', 'is_empty', 'is_not_empty'];
const ORDERED: ConditionOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'is_empty', 'is_not_empty'];

/**
 * The operators offered for a field type, most useful first. Every one is accepted by the shared checker
 * (`planFieldTest`; a test keeps the two in step); a few it accepts are left out because nobody means them
 * (`in` on a boolean).
 */
export function operatorsFor(type: FieldType): ConditionOperator[] {
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
      return TEXT;
    case 'integer':
    case 'decimal':
    case 'duration':
    case 'date':
    case 'datetime':
      return ORDERED;
    case 'boolean':
      return ['eq', 'ne', 'is_empty', 'is_not_empty'];
    case 'choice':
    case 'reference':
      return ['eq', 'ne', 'in', 'not_in', 'is_empty', 'is_not_empty'];
    case 'multi_choice':
      return ['contains', 'is_empty', 'is_not_empty'];
    case 'json':
      return ['is_empty', 'is_not_empty'];
    default:
      throw new UnreachableCaseError(type);
  }
}

const IN_TIME: ReadonlySet<FieldType> = new Set<FieldType>(['date', 'datetime']);

/** An operator in words, as the builder offers it and the summary reads it ("is before" on dates). */
export function operatorLabel(op: ConditionOperator, type: FieldType | undefined): string {
  const time = type !== undefined && IN_TIME.has(type);
  switch (op) {
    case 'eq':
      return 'is';
    case 'ne':
      return 'is not';
    case 'in':
      return 'is one of';
    case 'not_in':
      return 'is not one of';
    case 'lt':
      return time ? 'is before' : 'is less than';
    case 'lte':
      return time ? 'is on or before' : 'is at most';
    case 'gt':
      return time ? 'is after' : 'is greater than';
    case 'gte':
      return time ? 'is on or after' : 'is at least';
    case 'contains':
      return 'contains';
    case 'starts_with':
      return 'starts with';
    case 'ends_with':
      return 'ends with';
    case 'is_empty':
      return 'is empty';
    case 'is_not_empty':
      return 'is not empty';
    default:
      throw new UnreachableCaseError(op);
  }
}

/** Operators that compare with a list of values. */
export function isListOperator(op: ConditionOperator): boolean {
  return op === 'in' || op === 'not_in';
}

/** Operators that take no value. */
export function takesNoValue(op: ConditionOperator): boolean {
  return op === 'is_empty' || op === 'is_not_empty';
}
