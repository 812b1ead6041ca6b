import { beforeAll, describe, expect, it } from 'vitest';
import { CONDITION_OPERATORS, DYNAMIC_VALUES, planFieldTest, type ConditionOperator } from '../../../schema/condition/index.js';
import { FIELD_TYPES, type Model } from '../../../schema/metadata/index.js';
import { dynamicValuesFor } from '../../../studio/src/condition-builder/dynamic-values.js';
import { fieldAtPath, pathLabel, resolvePath, testableFields } from '../../../studio/src/condition-builder/field-path.js';
import { operatorsFor } from '../../../studio/src/condition-builder/operators.js';
import { gadgetModel } from './gadget-model.js';

let model: Model;
beforeAll(async () => {
  model = await gadgetModel();
});

const opRefused = (field: string, op: ConditionOperator) => planFieldTest(model, 'gadget', { field, op }).problems.some((p) => p.at === 'op');

describe('what the builder offers agrees with the shared checker', () => {
  it('offers for each field type exactly the operators the checker accepts (but in/not_in on booleans)', () => {
    for (const type of FIELD_TYPES) {
      const offered = operatorsFor(type);
      for (const op of CONDITION_OPERATORS) {
        const pointless = type === 'boolean' && (op === 'in' || op === 'not_in');
        expect({ type, op, offered: offered.includes(op) }).toEqual({ type, op, offered: !opRefused(type, op) && !pointless });
      }
    }
    expect(operatorsFor('integer')).not.toContain('contains');
    expect(operatorsFor('choice')).toEqual(expect.arrayContaining(['in', 'not_in', 'is_empty']));
  });

  it('offers exactly the dynamic values the checker accepts for each field and operator', () => {
    const fields = testableFields(model.types.get('gadget')!);
    let accepted = 0;
    for (const field of fields)
      for (const op of operatorsFor(field.type)) {
        if (op === 'is_empty' || op === 'is_not_empty') continue;
        const offered = dynamicValuesFor(field, op);
        for (const dynamic of DYNAMIC_VALUES) {
          const ok = !planFieldTest(model, 'gadget', { field: field.name, op, value: { dynamic } }).problems.some((p) => p.fatal);
          expect({ field: field.name, op, dynamic, offered: offered.includes(dynamic) }).toEqual({ field: field.name, op, dynamic, offered: ok });
          if (ok) accepted++;
        }
      }
    // me, my_account, my_department, my_location (eq, ne), the three lists (in, not_in), now on dates (six operators each).
    expect(accepted).toBeGreaterThan(20);
    expect(dynamicValuesFor(fieldAtPath(model, 'gadget', 'to_person'), 'eq')).toEqual(['me']);
    expect(dynamicValuesFor(fieldAtPath(model, 'gadget', 'to_account'), 'in')).toEqual(['my_account_tree', 'my_partner_customers']);
    expect(dynamicValuesFor(fieldAtPath(model, 'gadget', 'datetime'), 'lt')).toEqual(['now']);
  });

  it('lists a type’s fields with number and the record itself, and resolves paths through references', () => {
    const incident = testableFields(model.types.get('incident')!).map((f) => f.name);
    expect(incident).toEqual(expect.arrayContaining(['short_description', 'priority', 'caller', 'number', 'id']));
    expect(testableFields(model.types.get('person')!).map((f) => f.name)).not.toContain('number');
    expect(pathLabel(model, 'incident', 'caller.account')).toBe('Caller › Account');
    const segments = resolvePath(model, 'incident', 'caller.account.name');
    expect(segments.map((s) => s.on?.name)).toEqual(['incident', 'person', 'account']);
    expect(resolvePath(model, 'incident', 'priority.name')[1]).toMatchObject({ on: undefined, field: undefined });
  });
});
