import type { DynamicContext } from '../../../schema/condition/index.js';
import type { ModelType } from '../../../schema/metadata/index.js';

/**
 * A new record of the type as the preview starts it: each field's default where it has one (as the server starts a
 * new record), else no value. Keyed by field name in stored form, which is what `evaluateUiPolicies` reads.
 */
export function sampleRecord(type: ModelType): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of type.activeFields) row[f.name] = f.default ?? (f.type === 'multi_choice' ? [] : null);
  return row;
}

/**
 * Who "me" is in the preview: nobody in particular, so a policy on `me`, `myGroups` … does not hold on the sample
 * record (the real-record preview asks the server, which knows the signed-in admin).
 */
export function previewContext(now = new Date()): DynamicContext {
  return { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now };
}
