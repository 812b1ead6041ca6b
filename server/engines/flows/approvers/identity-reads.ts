import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../../schema/index.js';
import type { Executor } from '../../../db/index.js';
import { tableRef } from '../../../ddl/sql-names.js';

/** A person a source names, active or not (the resolver leaves out and flags the inactive). Ids are strings of digits. */
export interface Candidate {
  id: string;
  userName: string;
  active: boolean;
}

const T = IDENTITY_TYPES;

type IdRow = { id: string | number };
type PersonRow = { id: string | number; user_name: string; active: boolean | null };
const toCandidate = (r: PersonRow): Candidate => ({ id: String(r.id), userName: r.user_name, active: r.active !== false });

/** A row's id by a unique name (null: none). */
export async function idByName(tx: Executor, type: typeof T.group | typeof T.role, name: string): Promise<string | null> {
  const [row] = await tx.run<IdRow>(sql`SELECT "id" FROM ${tableRef(type)} WHERE "name" = ${name}`);
  return row ? String(row.id) : null;
}

/** A user by user name, active or not (null: no such user). */
export async function personByUserName(tx: Executor, userName: string): Promise<Candidate | null> {
  const [row] = await tx.run<PersonRow>(sql`SELECT "id", "user_name", "active" FROM ${tableRef(T.user)} WHERE "user_name" = ${userName}`);
  return row ? toCandidate(row) : null;
}

/** People by id, in id order (ids that name nobody are left out). */
export async function peopleById(tx: Executor, ids: readonly string[]): Promise<Candidate[]> {
  if (!ids.length) return [];
  const rows = await tx.run<PersonRow>(
    sql`SELECT "id", "user_name", "active" FROM ${tableRef(T.user)} WHERE "id" IN (${sql.join(ids.map((id) => sql`${id}::bigint`), sql`, `)}) ORDER BY "id"`,
  );
  return rows.map(toCandidate);
}

/** The members of a group and of the groups nested below it (a member of a child group is a member of both), in id order. */
export async function groupMembers(tx: Executor, groupId: string): Promise<Candidate[]> {
  const rows = await tx.run<PersonRow>(sql`
    WITH RECURSIVE g(id) AS (SELECT "id" FROM ${tableRef(T.group)} WHERE "id" = ${groupId}::bigint
      UNION SELECT c."id" FROM ${tableRef(T.group)} c JOIN g ON c."parent" = g.id)
    SELECT p."id", p."user_name", p."active" FROM ${tableRef(T.user)} p
    WHERE p."id" IN (SELECT m."person" FROM ${tableRef(T.groupMember)} m WHERE m."assignment_group" IN (SELECT id FROM g))
    ORDER BY p."id"`);
  return rows.map(toCandidate);
}

/**
 * The holders of a role, in id order: users it is granted to, and members of the groups it is granted to and of
 * the groups below them (as access profiles count roles). `where` narrows the holders (alias `p`, the person).
 * UNION stops the recursion even if groups nest in a cycle.
 */
export async function roleHolders(tx: Executor, roleId: string, where: SQL = sql`TRUE`): Promise<Candidate[]> {
  const rows = await tx.run<PersonRow>(sql`
    WITH RECURSIVE g(id) AS (SELECT rg."assignment_group" FROM ${tableRef(T.roleGrant)} rg WHERE rg."role" = ${roleId}::bigint AND rg."assignment_group" IS NOT NULL
      UNION SELECT c."id" FROM ${tableRef(T.group)} c JOIN g ON c."parent" = g.id),
    holders(id) AS (SELECT rg."person" FROM ${tableRef(T.roleGrant)} rg WHERE rg."role" = ${roleId}::bigint AND rg."person" IS NOT NULL
      UNION SELECT m."person" FROM ${tableRef(T.groupMember)} m WHERE m."assignment_group" IN (SELECT id FROM g))
    SELECT p."id", p."user_name", p."active" FROM ${tableRef(T.user)} p WHERE p."id" IN (SELECT id FROM holders) AND (${where})
    ORDER BY p."id"`);
  return rows.map(toCandidate);
}

/** A person's manager id (null: none, or no such person). */
export async function managerOf(tx: Executor, personId: string): Promise<string | null> {
  const [row] = await tx.run<{ manager: string | number | null }>(sql`SELECT "manager" FROM ${tableRef(T.user)} WHERE "id" = ${personId}::bigint`);
  return row?.manager === null || row?.manager === undefined ? null : String(row.manager);
}

/** An account and the accounts above it, nearest first, with each one's name and designated approver (at most 100 levels). */
export async function accountChain(tx: Executor, accountId: string): Promise<{ id: string; name: string; approver: string | null }[]> {
  const rows = await tx.run<{ id: string | number; name: string; approver: string | number | null; depth: number }>(sql`
    WITH RECURSIVE up(id, depth) AS (SELECT ${accountId}::bigint, 0
      UNION SELECT a."parent", up.depth + 1 FROM ${tableRef(T.account)} a JOIN up ON a."id" = up.id WHERE a."parent" IS NOT NULL AND up.depth < 100)
    SELECT a."id", a."name", a."approver", up.depth FROM up JOIN ${tableRef(T.account)} a ON a."id" = up.id ORDER BY up.depth`);
  return rows.map((r) => ({ id: String(r.id), name: r.name, approver: r.approver === null ? null : String(r.approver) }));
}
