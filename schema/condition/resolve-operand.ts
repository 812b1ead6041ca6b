import { UnreachableCaseError } from '../metadata/field-types.js';
import type { FieldTestPlan, ConditionLiteral } from './check-condition.js';
import type { DynamicContext, DynamicValueName } from './condition.js';

/** A test's operand with dynamic values resolved for one user; `instant` is `now`, compared as a point in time. */
export type ResolvedOperand =
  | { kind: 'none' }
  | { kind: 'null' }
  | { kind: 'one'; value: ConditionLiteral }
  | { kind: 'instant'; at: Date }
  | { kind: 'many'; values: readonly ConditionLiteral[] };

/** The plan's operand for this user, or null when it names a dynamic value the user does not have. Both backends use it. */
export function resolveOperand(plan: FieldTestPlan, dyn: DynamicContext): ResolvedOperand | null {
  const o = plan.operand;
  switch (o.kind) {
    case 'none':
    case 'null':
      return o;
    case 'value':
      return { kind: 'one', value: o.value };
    case 'list':
      return { kind: 'many', values: o.values };
    case 'dynamic': {
      const v = dynamicValueOf(o.name, dyn);
      if (v === null) return null;
      if (v instanceof Date) return { kind: 'instant', at: v };
      if (typeof v === 'string') return { kind: 'one', value: v };
      return { kind: 'many', values: v };
    }
    default:
      throw new UnreachableCaseError(o);
  }
}

/** The value of a dynamic name for one user at one moment: an id, a list of ids, a time, or null (unresolved). */
export function dynamicValueOf(name: DynamicValueName, dyn: DynamicContext): string | readonly string[] | Date | null {
  switch (name) {
    case 'me':
      return dyn.me;
    case 'my_groups':
      return dyn.myGroups;
    case 'my_account':
      return dyn.myAccount;
    case 'my_account_tree':
      return dyn.myAccountTree;
    case 'my_partner_customers':
      return dyn.myPartnerCustomers;
    case 'my_department':
      return dyn.myDepartment;
    case 'my_location':
      return dyn.myLocation;
    case 'now':
      return dyn.now;
    default:
      throw new UnreachableCaseError(name);
  }
}
