import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../../schema/metadata/index.js';
import { summarizeCondition } from '../../../studio/src/condition-builder/index.js';
import { demoModel } from './demo-model.js';

let model: Model;
beforeAll(async () => {
  model = await demoModel();
});

const say = (c: Parameters<typeof summarizeCondition>[2], type = 'incident') => summarizeCondition(model, type, c);

describe('summarizeCondition', () => {
  it('reads no condition as Always', () => {
    expect(say(null)).toBe('Always');
    expect(say(undefined)).toBe('Always');
  });

  it('reads the issue example with labels, a list as "or" and a path with ›', () => {
    expect(
      say({
        and: [
          { field: 'priority', op: 'in', value: [1, 2] },
          { field: 'caller.account', op: 'in', value: { dynamic: 'my_account_tree' } },
        ],
      }),
    ).toBe('Priority is 1 or 2 and Caller › Account is in my account tree');
  });

  it('shows choice labels, quotes text, names record ids and dynamic values', () => {
    expect(say({ field: 'state', op: 'in', value: ['in_progress', 'on_hold'] })).toBe('State is In progress or On hold');
    expect(say({ field: 'short_description', op: 'contains', value: 'printer' })).toBe('Short description contains "printer"');
    expect(say({ field: 'assignment_group', op: 'eq', value: '42' })).toBe('Assignment group is record 42');
    expect(say({ field: 'caller', op: 'eq', value: { dynamic: 'me' } })).toBe('Caller is me');
    expect(say({ field: 'assignment_group', op: 'not_in', value: { dynamic: 'my_groups' } })).toBe('Assignment group is not in my groups');
  });

  it('words operators by field type: dates are before and after, numbers less and greater', () => {
    expect(say({ field: 'opened_at', op: 'lt', value: { dynamic: 'now' } })).toBe('Opened is before now');
    expect(say({ field: 'priority', op: 'gte', value: 3 })).toBe('Priority is at least 3');
    expect(say({ field: 'caller', op: 'is_empty' })).toBe('Caller is empty');
    expect(say({ field: 'caller', op: 'eq', value: null })).toBe('Caller is empty');
    expect(say({ field: 'priority', op: 'not_in', value: [1, 2, 3] })).toBe('Priority is none of 1, 2 and 3');
  });

  it('puts nested groups in parentheses and reads not, empty groups and unfinished tests', () => {
    expect(
      say({
        or: [
          { and: [{ field: 'priority', op: 'eq', value: 1 }, { field: 'impact', op: 'eq', value: 'high' }] },
          { not: { field: 'caller', op: 'is_empty' } },
        ],
      }),
    ).toBe('(Priority is 1 and Impact is High) or not Caller is empty');
    expect(say({ not: { or: [{ field: 'priority', op: 'eq', value: 1 }, { field: 'priority', op: 'eq', value: 2 }] } })).toBe('Not (Priority is 1 or Priority is 2)');
    expect(say({ and: [] })).toBe('Always');
    expect(say({ or: [] })).toBe('Never');
    expect(say({ field: 'priority', op: 'eq' })).toBe('Priority is (no value yet)');
  });

  it('names what it does not know instead of failing: unknown fields, a type that does not exist', () => {
    expect(say({ field: 'caller.shoe_size', op: 'eq', value: 44 })).toBe('Caller › shoe_size is 44');
    expect(say({ field: 'priority', op: 'eq', value: 1 }, 'no_such_type')).toBe('Priority is 1');
  });

  it('reads conditions on person, as user criteria write them', () => {
    expect(say({ field: 'department', op: 'eq', value: { dynamic: 'my_department' } }, 'person')).toBe('Department is my department');
    expect(say({ field: 'id', op: 'eq', value: { dynamic: 'me' } }, 'person')).toBe('This record is me');
  });
});
