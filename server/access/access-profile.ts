import { sql } from 'drizzle-orm';
import { ADMIN_ROLE, IDENTITY_TYPES, type UserFacts } from '../../schema/index.js';
import type { Executor } from '../db/index.js';
import { tableRef } from '../ddl/index.js';

/** Everything the access layer knows about a signed-in user, read in one statement. Ids are strings of digits. */
export interface AccessProfile {
  userId: string;
  userName: string;
  name: string;
  active: boolean;
  /** The user's own record as stored (column name → value), for criteria conditions on the user. */
  user: Record<string, unknown>;
  facts: UserFacts;
  groupIds: string[];
  accountId: string | null;
  accountTree: string[];
  partnerCustomers: string[];
  departmentId: string | null;
  locationId: string | null;
  admin: boolean;
}

const T = IDENTITY_TYPES;

/**
 * Loads a user's profile by user name (or e-mail), with groups through nesting, roles through groups, the
 * account tree and the accounts served as a partner. Null when there is no such user. UNION (not UNION ALL)
 * makes every recursion stop even if someone nests groups or accounts in a cycle.
 */
export async function loadAccessProfile(db: Executor, login: string): Promise<AccessProfile | null> {
  const statement = sql`
WITH RECURSIVE
  me AS (SELECT * FROM ${tableRef(T.user)} WHERE "user_name" = ${login} OR ("email" = ${login} AND NOT EXISTS (SELECT 1 FROM ${tableRef(T.user)} WHERE "user_name" = ${login})) LIMIT 1),
  grp(id) AS (
    SELECT m."assignment_group" FROM ${tableRef(T.groupMember)} m JOIN me ON m."person" = me."id"
    UNION SELECT g."parent" FROM ${tableRef(T.group)} g JOIN grp ON g."id" = grp.id WHERE g."parent" IS NOT NULL),
  acct_tree(id) AS (
    SELECT "account" FROM me WHERE "account" IS NOT NULL
    UNION SELECT a."id" FROM ${tableRef(T.account)} a JOIN acct_tree t ON a."parent" = t.id),
  acct_up(id, depth) AS (
    SELECT a."parent", 1 FROM ${tableRef(T.account)} a JOIN me ON a."id" = me."account" WHERE a."parent" IS NOT NULL
    UNION SELECT a."parent", u.depth + 1 FROM ${tableRef(T.account)} a JOIN acct_up u ON a."id" = u.id WHERE a."parent" IS NOT NULL AND u.depth < 100),
  served(id) AS (
    SELECT p."customer" FROM ${tableRef(T.partnerRelationship)} p WHERE p."partner" IN (SELECT id FROM acct_tree)
    UNION SELECT a."id" FROM ${tableRef(T.account)} a JOIN served s ON a."parent" = s.id)
SELECT
  to_jsonb(me) AS "user",
  coalesce((SELECT json_agg(id::text ORDER BY id) FROM grp), '[]') AS group_ids,
  coalesce((SELECT json_agg(g."name" ORDER BY g."name") FROM ${tableRef(T.group)} g WHERE g."id" IN (SELECT id FROM grp)), '[]') AS group_names,
  coalesce((SELECT json_agg(DISTINCT r."name") FROM ${tableRef(T.roleGrant)} rg JOIN ${tableRef(T.role)} r ON r."id" = rg."role"
     WHERE rg."person" = me."id" OR rg."assignment_group" IN (SELECT id FROM grp)), '[]') AS roles,
  (SELECT a."name" FROM ${tableRef(T.account)} a WHERE a."id" = me."account") AS account_name,
  coalesce((SELECT json_agg(a."name" ORDER BY u.depth) FROM acct_up u JOIN ${tableRef(T.account)} a ON a."id" = u.id), '[]') AS account_ancestors,
  coalesce((SELECT json_agg(id::text ORDER BY id) FROM acct_tree), '[]') AS account_tree,
  coalesce((SELECT json_agg(id::text ORDER BY id) FROM served), '[]') AS partner_customers,
  (SELECT d."name" FROM ${tableRef(T.department)} d WHERE d."id" = me."department") AS department_name,
  (SELECT l."name" FROM ${tableRef(T.location)} l WHERE l."id" = me."location") AS location_name
FROM me`;
  const [row] = await db.run<Record<string, unknown>>(statement);
  if (!row) return null;
  const user = json<Record<string, unknown>>(row.user);
  const roles = new Set(json<string[]>(row.roles));
  const id = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    userId: String(user.id),
    userName: String(user.user_name),
    name: String(user.name),
    active: user.active !== false,
    user,
    facts: {
      userName: String(user.user_name),
      groups: new Set(json<string[]>(row.group_names)),
      roles,
      account: (row.account_name as string | null) ?? null,
      accountAncestors: json<string[]>(row.account_ancestors),
      department: (row.department_name as string | null) ?? null,
      location: (row.location_name as string | null) ?? null,
    },
    groupIds: json<string[]>(row.group_ids),
    accountId: id(user.account),
    accountTree: json<string[]>(row.account_tree),
    partnerCustomers: json<string[]>(row.partner_customers),
    departmentId: id(user.department),
    locationId: id(user.location),
    admin: roles.has(ADMIN_ROLE),
  };
}

/** PGlite returns json columns parsed, postgres.js too; both may hand back text for json built from text. */
function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
