import { applicablePolicies, type DynamicContext, type Model, type UiPolicyDoc } from '../../../schema/index.js';
import type { AccessScope } from '../../access/access-scope.js';

const byModel = new WeakMap<Model, Map<string, readonly UiPolicyDoc[]>>();

/**
 * The active UI policies that apply to records of a type (its own and its ancestors'), in the order they apply;
 * worked out once per metadata version and type, so a type without policies costs its writes nothing.
 */
export function uiPoliciesOf(model: Model, typeName: string): readonly UiPolicyDoc[] {
  let byType = byModel.get(model);
  if (!byType) byModel.set(model, (byType = new Map()));
  let list = byType.get(typeName);
  if (!list) {
    list = applicablePolicies(model, typeName, Object.values(model.snapshot.uiPolicies ?? {}));
    byType.set(typeName, list);
  }
  return list;
}

/**
 * The dynamic values UI policies are evaluated with: the actor's, at this moment. (An access scope's `now` is
 * fixed for the scope's life, and an unrestricted one has none at all: policies need the time of the write.)
 */
export function policyDynamics(scope: AccessScope): DynamicContext {
  return { ...scope.dyn, now: new Date() };
}
