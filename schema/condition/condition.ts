import { z } from 'zod';

/**
 * Values a condition can compare with that depend on who is asking, resolved per request:
 * - `me`: the signed-in user's record id;
 * - `my_groups`: groups the user belongs to, directly or through a group nested below them;
 * - `my_account`: the account the user is a contact of; `my_account_tree`: that account and every account below it;
 * - `my_partner_customers`: accounts served by the user's account as a partner, and every account below those;
 * - `my_department`, `my_location`: the user's department and location;
 * - `now`: the time of the request.
 */
export const DYNAMIC_VALUES = ['me', 'my_groups', 'my_account', 'my_account_tree', 'my_partner_customers', 'my_department', 'my_location', 'now'] as const;
export type DynamicValueName = (typeof DYNAMIC_VALUES)[number];

/** Dynamic values that stand for a list of record ids (compare with `in` / `not_in`). */
export const LIST_DYNAMIC_VALUES: ReadonlySet<DynamicValueName> = new Set(['my_groups', 'my_account_tree', 'my_partner_customers']);

export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'starts_with',
  'ends_with',
  'is_empty',
  'is_not_empty',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const DynamicValue = z.object({ dynamic: z.enum(DYNAMIC_VALUES) }).strict();
export type DynamicValue = z.infer<typeof DynamicValue>;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ConditionValue = z.union([Scalar, z.array(Scalar), DynamicValue]);
export type ConditionValue = z.infer<typeof ConditionValue>;

/**
 * One test of a record: `field` is a field name, or a path through reference fields (`caller.account`).
 * Reference values are record ids (strings of digits); choice values are the stored (lower-case) values.
 */
export interface FieldTest {
  field: string;
  op: ConditionOperator;
  value?: ConditionValue;
}

/** The one condition language: ACLs, user criteria, routing, UI policies, SLAs and flow branches all use it. */
export type Condition = { and: Condition[] } | { or: Condition[] } | { not: Condition } | FieldTest;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(Condition) }).strict(),
    z.object({ or: z.array(Condition) }).strict(),
    z.object({ not: Condition }).strict(),
    z.object({ field: z.string().min(1), op: z.enum(CONDITION_OPERATORS), value: ConditionValue.optional() }).strict(),
  ]),
);

/** The values of the dynamic names for one user at one moment. Record ids are strings of digits. */
export interface DynamicContext {
  me: string | null;
  myGroups: readonly string[];
  myAccount: string | null;
  myAccountTree: readonly string[];
  myPartnerCustomers: readonly string[];
  myDepartment: string | null;
  myLocation: string | null;
  now: Date;
}

export function isDynamic(value: ConditionValue | undefined): value is DynamicValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFieldTest(c: Condition): c is FieldTest {
  return 'field' in c;
}
