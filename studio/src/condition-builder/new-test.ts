import type { FieldTest } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { firstField } from './field-path.js';
import { operatorsFor } from './operators.js';

/**
 * The test a new row starts as: the type's display field (else its first) with its first operator and no
 * value yet, so the row is complete enough to show and asks only for its value.
 */
export function newTest({ model, recordType }: { model: Model; recordType: string }): FieldTest {
  const type = model.types.get(recordType);
  if (!type) return { field: 'id', op: 'is_not_empty' };
  const field = firstField(type);
  return { field: field.name, op: operatorsFor(field.type)[0] };
}
