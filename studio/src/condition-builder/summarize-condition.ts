import { isDynamic, isFieldTest, type Condition, type ConditionValue, type FieldTest } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { fieldAtPath, pathLabel, type TestableField } from './field-path.js';
import { isListOperator, operatorLabel, takesNoValue } from './operators.js';

type Scalar = string | number | boolean | null;

function scalarText(field: TestableField | undefined, value: Scalar): string {
  if (value === null) return 'empty';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return field?.type === 'reference' ? `record ${value}` : String(value);
  switch (field?.type) {
    case 'choice':
    case 'multi_choice':
      return field.choices?.find((c) => c.value === value.toLowerCase())?.label ?? `"${value}"`;
    case 'reference':
      return `record ${value}`;
    case 'integer':
    case 'decimal':
    case 'date':
    case 'datetime':
    case 'duration':
      return value;
    default:
      return `"${value}"`;
  }
}

/** "1, 2 or 3". */
function joinWords(items: string[], last: 'or' | 'and'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function valueText(field: TestableField | undefined, value: ConditionValue): string {
  if (isDynamic(value)) return value.dynamic.replace(/_/g, ' ');
  if (Array.isArray(value)) return joinWords(value.map((v) => scalarText(field, v)), 'or');
  return scalarText(field, value);
}

function testText(model: Model, recordType: string, test: FieldTest): string {
  const field = fieldAtPath(model, recordType, test.field);
  const subject = pathLabel(model, recordType, test.field);
  if (takesNoValue(test.op)) return `${subject} ${operatorLabel(test.op, field?.type)}`;
  if (test.value === undefined) return `${subject} ${operatorLabel(test.op, field?.type)} (no value yet)`;
  const value = test.value;
  if (isListOperator(test.op)) {
    const negative = test.op === 'not_in';
    if (isDynamic(value)) return `${subject} is ${negative ? 'not in' : 'in'} ${valueText(field, value)}`;
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) return `${subject} ${negative ? 'is not one of (no values)' : 'is one of (no values)'}`;
    if (!negative) return `${subject} is ${valueText(field, items)}`;
    return items.length === 1 ? `${subject} is not ${valueText(field, items)}` : `${subject} is none of ${joinWords(items.map((v) => scalarText(field, v)), 'and')}`;
  }
  if (value === null && (test.op === 'eq' || test.op === 'ne')) return `${subject} ${test.op === 'eq' ? 'is empty' : 'is not empty'}`;
  return `${subject} ${operatorLabel(test.op, field?.type)} ${valueText(field, value)}`;
}

/** A part of a larger sentence: compound parts go in parentheses so "and" and "or" cannot be misread. */
function part(model: Model, recordType: string, c: Condition): string {
  const text = sentence(model, recordType, c);
  const compound = ('and' in c && c.and.length > 1) || ('or' in c && c.or.length > 1);
  return compound ? `(${text})` : text;
}

function sentence(model: Model, recordType: string, c: Condition): string {
  if (isFieldTest(c)) return testText(model, recordType, c);
  if ('not' in c) return `not ${part(model, recordType, c.not)}`;
  if ('and' in c) return c.and.length ? c.and.map((x) => part(model, recordType, x)).join(' and ') : 'always';
  return c.or.length ? c.or.map((x) => part(model, recordType, x)).join(' or ') : 'never';
}

/**
 * A condition in plain language, with field labels: "Priority is 1 or 2 and Caller › Account is in my account
 * tree". Nested groups are put in parentheses; no condition reads "Always", an empty "any" group "Never".
 * Works on conditions the checker refuses too (unknown fields show their names), since it labels drafts.
 */
export function summarizeCondition(model: Model, recordType: string, condition: Condition | null | undefined): string {
  if (!condition) return 'Always';
  const text = sentence(model, recordType, condition);
  return text[0].toUpperCase() + text.slice(1);
}
