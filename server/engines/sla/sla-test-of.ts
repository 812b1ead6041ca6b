import { evaluateCondition, type DynamicContext } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import type { SlaTest } from '../../../schema/sla/index.js';

/**
 * SLA conditions on a record row (column name → value), as the engine evaluates them: on the record alone
 * (a path through a reference reads as empty), with no user (`me`, `my_groups` … match nothing) and `now` at `at`.
 */
export function slaTestOf(model: Model, typeName: string, at: Date): (row: Record<string, unknown>) => SlaTest {
  const dyn: DynamicContext = { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now: at };
  return (row) => (condition) => evaluateCondition(model, typeName, condition, row, dyn);
}
