import { evaluateCondition, type Condition, type DynamicContext, type FlowEnv } from '../../../schema/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import type { RecordRow } from '../../records/index.js';

/**
 * What `transition` may ask of the world: whether a condition holds on the record as stored now, evaluated as the
 * system (no user: `me`, `my_groups` … match nothing; `now` is the engine clock's). A condition that cannot be
 * evaluated any more (a field since removed) does not hold, and neither does any on a deleted record.
 */
export function flowEnv(model: Model, recordType: string, row: RecordRow | null, now: Date, onError?: (err: unknown, condition: Condition) => void): FlowEnv {
  const dyn: DynamicContext = { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now };
  return {
    holds(condition) {
      if (!row) return false;
      try {
        return evaluateCondition(model, recordType, condition, row, dyn);
      } catch (err) {
        onError?.(err, condition);
        return false;
      }
    },
  };
}
