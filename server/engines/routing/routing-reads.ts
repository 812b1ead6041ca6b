import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES, type Model, type RequiredSkillDoc } from '../../../schema/index.js';
import type { RoutingCandidate } from '../../../schema/platform/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/sql-names.js';

/** The type whose records are work items: open ones count towards an assignee's load. */
const WORK_TYPE = 'task';
/** State categories in which an item is no longer someone's work. */
const DONE_CATEGORIES: ReadonlySet<string> = new Set(['resolved', 'closed', 'cancelled']);
/** Without a state model, these values of the state field mean done. */
const DONE_STATES = ['resolved', 'closed', 'cancelled'];

const T = IDENTITY_TYPES;
const list = (values: readonly (string | number)[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** A group's id by name (null: no such group). */
export async function findGroup(tx: Executor, name: string): Promise<number | null> {
  const [row] = await tx.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef(T.group)} WHERE "name" = ${name}`);
  return row ? Number(row.id) : null;
}

/** An active user's id by user name (null: none, or inactive). */
export async function findUser(tx: Executor, userName: string): Promise<number | null> {
  const [row] = await tx.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef(T.user)} WHERE "user_name" = ${userName} AND "active" IS NOT FALSE`);
  return row ? Number(row.id) : null;
}

/** Users and groups by id, for words in reasons and answers. */
export async function namesOf(tx: Executor, groups: number[], people: number[]): Promise<{ groups: Map<number, string>; people: Map<number, string> }> {
  const g = groups.length ? await tx.run<{ id: string | number; name: string }>(sql`SELECT "id", "name" FROM ${tableRef(T.group)} WHERE "id" IN (${list(groups)})`) : [];
  const p = people.length ? await tx.run<{ id: string | number; name: string }>(sql`SELECT "id", "user_name" AS "name" FROM ${tableRef(T.user)} WHERE "id" IN (${list(people)})`) : [];
  return { groups: new Map(g.map((r) => [Number(r.id), r.name])), people: new Map(p.map((r) => [Number(r.id), r.name])) };
}

/**
 * The active members of a group and of the groups nested below it (members of a child group are members of
 * both), each with its open items and its levels of the `skills` asked for. One statement.
 */
export async function memberCandidates(tx: Executor, model: Model, groupId: number, skills: readonly RequiredSkillDoc[]): Promise<RoutingCandidate[]> {
  const loads = openItemsSql(model);
  const skillNames = skills.map((s) => s.skill);
  const skillJson = skillNames.length
    ? sql`(SELECT jsonb_object_agg(s."name", least(greatest(ps."level", 1), 5)) FROM ${tableRef(T.personSkill)} ps JOIN ${tableRef(T.skill)} s ON s."id" = ps."skill" WHERE ps."person" = p."id" AND s."name" IN (${list(skillNames)}))`
    : sql`NULL::jsonb`;
  const rows = await tx.run<{ id: string | number; user_name: string; load: string | number; skills: unknown }>(sql`
    WITH RECURSIVE g AS (SELECT "id" FROM ${tableRef(T.group)} WHERE "id" = ${groupId}
      UNION SELECT c."id" FROM ${tableRef(T.group)} c JOIN g ON c."parent" = g."id"),
    members AS (SELECT DISTINCT m."person" AS "id" FROM ${tableRef(T.groupMember)} m WHERE m."assignment_group" IN (SELECT "id" FROM g))
    SELECT p."id", p."user_name",
      ${loads ? sql`(SELECT count(*) FROM (${loads}) w WHERE w."assigned_to" = p."id")` : sql`0`} AS "load",
      ${skillJson} AS "skills"
    FROM ${tableRef(T.user)} p JOIN members ON members."id" = p."id"
    WHERE p."active" IS NOT FALSE ORDER BY p."id"`);
  return rows.map((r) => {
    const held = (typeof r.skills === 'string' ? JSON.parse(r.skills) : r.skills) as Record<string, number> | null;
    return { personId: Number(r.id), userName: r.user_name, load: Number(r.load), ...(skillNames.length ? { skills: held ?? {} } : {}), excluded: null };
  });
}

/**
 * Every open work item's assignee: records of the concrete types below `task` whose state is not in a done
 * category of their state model (resolved, closed, cancelled). Null when there are no work types.
 */
export function openItemsSql(model: Model): SQL | null {
  const work = model.types.get(WORK_TYPE);
  if (!work) return null;
  const parts = work.concreteTypes.map((name) => {
    const type = model.types.get(name)!;
    const stateField = type.stateModel?.field ?? 'state';
    const done = type.stateModel ? type.stateModel.states.filter((s) => DONE_CATEGORIES.has(s.category)).map((s) => s.name) : DONE_STATES;
    const hasState = type.activeFields.some((f) => f.name === stateField);
    const open = hasState && done.length ? sql` AND ${sql.identifier(stateField)} NOT IN (${list(done)})` : sql``;
    return sql`SELECT "assigned_to" FROM ${tableRef(name)} WHERE "assigned_to" IS NOT NULL${open}`;
  });
  return parts.length ? sql.join(parts, sql` UNION ALL `) : null;
}
