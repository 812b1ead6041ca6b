import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../../schema/metadata/index.js';
import { fitValue, groupCondition, numberNodes, rootView } from '../../../studio/src/condition-builder/condition-tree.js';
import { demoModel } from './demo-model.js';

let model: Model;
beforeAll(async () => {
  model = await demoModel();
});

const p1 = { field: 'priority', op: 'eq', value: 1 } as const;
const p2 = { field: 'priority', op: 'eq', value: 2 } as const;

describe('the builder’s view of a condition', () => {
  it('shows no condition as an empty group and a lone test as a group of one, and gives them back unchanged', () => {
    expect(rootView(null).children).toEqual([]);
    expect(groupCondition(rootView(null), true)).toBeNull();
    expect(groupCondition(rootView(p1), true)).toEqual(p1);
    expect(groupCondition({ ...rootView(p1), children: [p1, p2] }, true)).toEqual({ and: [p1, p2] });
    expect(groupCondition({ ...rootView(p1), mode: 'or', children: [p1, p2] }, true)).toEqual({ or: [p1, p2] });
    expect(groupCondition({ ...rootView(p1), negated: true }, true)).toEqual({ not: { and: [p1] } });
    // Nested groups keep their shape, even with one child or none.
    expect(groupCondition({ mode: 'or', negated: false, children: [] }, false)).toEqual({ or: [] });
  });

  it('numbers rows and groups in reading order by the paths the checker uses', () => {
    const { rows, groups } = numberNodes({ and: [p1, { not: { or: [p2, { not: p1 }] } }, p2] });
    expect([...rows]).toEqual([
      ['.and.0', 1],
      ['.and.1.not.or.0', 2],
      ['.and.1.not.or.1', 3],
      ['.and.2', 4],
    ]);
    expect([...groups]).toEqual([
      ['', 1],
      ['.and.1', 2],
    ]);
    expect([...numberNodes(p1).rows]).toEqual([['', 1]]);
  });

  it('reshapes or drops a value that no longer fits a new operator', () => {
    expect(fitValue(model, 'incident', { ...p1, op: 'in' })).toEqual({ field: 'priority', op: 'in', value: [1] });
    expect(fitValue(model, 'incident', { field: 'priority', op: 'eq', value: [3, 4] })).toEqual({ field: 'priority', op: 'eq', value: 3 });
    expect(fitValue(model, 'incident', { field: 'priority', op: 'eq', value: [] })).toEqual({ field: 'priority', op: 'eq' });
    expect(fitValue(model, 'incident', { ...p1, op: 'is_empty' })).toEqual({ field: 'priority', op: 'is_empty' });
    expect(fitValue(model, 'incident', { field: 'assignment_group', op: 'eq', value: { dynamic: 'my_groups' } })).toEqual({ field: 'assignment_group', op: 'eq' });
    expect(fitValue(model, 'incident', { field: 'assignment_group', op: 'in', value: { dynamic: 'my_groups' } })).toEqual({
      field: 'assignment_group',
      op: 'in',
      value: { dynamic: 'my_groups' },
    });
  });
});
