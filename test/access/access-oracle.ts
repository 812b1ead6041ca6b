import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../server/db/index.js';

/**
 * An independent statement of the seeded access rules (seeds/itsm/acls, seeds/csm/acls, seeds/itsm/user-criteria)
 * as plain SQL over the `records.*` tables. It deliberately shares no code with the server's compiler or access
 * layer: the persona matrix compares what GraphQL returns with what this file says, so a bug would have to be made
 * twice, independently, to go unnoticed. Change it only when the seeded rules change.
 */
export type OracleType = 'incident' | 'customer_case' | 'journal_entry' | 'person' | 'account' | 'assignment_group' | 'task';
export const ORACLE_TYPES: readonly OracleType[] = ['incident', 'customer_case', 'journal_entry', 'person', 'account', 'assignment_group', 'task'];

/**
 * Who the user is, as CTEs: `me`; `my_groups` (direct groups and every group above them); `my_roles` (granted to
 * the user or to one of `my_groups`); `my_account_tree` (the user's account and the accounts below it);
 * `my_partner_customers` (accounts served by an account of the tree, and the accounts below those); and `k`, one
 * row of flags: admin, agent (criteria `agents`), contact (`contacts`: has an account), employee (`employees`).
 */
function who(userName: string): SQL {
  return sql`WITH RECURSIVE
  me AS (SELECT p.id, p.account FROM records.person p WHERE p.user_name = ${userName} AND p.active IS NOT FALSE),
  my_groups(id) AS (
    SELECT gm.assignment_group FROM records.group_member gm WHERE gm.person IN (SELECT id FROM me)
    UNION
    SELECT g.parent FROM records.assignment_group g JOIN my_groups up ON g.id = up.id WHERE g.parent IS NOT NULL),
  my_roles(name) AS (
    SELECT r.name FROM records.role_grant rg JOIN records.role r ON r.id = rg.role
    WHERE rg.person IN (SELECT id FROM me) OR rg.assignment_group IN (SELECT id FROM my_groups)),
  my_account_tree(id) AS (
    SELECT account FROM me WHERE account IS NOT NULL
    UNION
    SELECT a.id FROM records.account a JOIN my_account_tree t ON a.parent = t.id),
  my_partner_customers(id) AS (
    SELECT pr.customer FROM records.partner_relationship pr WHERE pr.partner IN (SELECT id FROM my_account_tree)
    UNION
    SELECT a.id FROM records.account a JOIN my_partner_customers c ON a.parent = c.id),
  k AS (SELECT
    EXISTS (SELECT 1 FROM my_roles WHERE name = 'admin') AS admin,
    EXISTS (SELECT 1 FROM my_roles WHERE name = 'agent') AS agent,
    EXISTS (SELECT 1 FROM me WHERE account IS NOT NULL) AS contact,
    EXISTS (SELECT 1 FROM me WHERE account IS NULL) AS employee)`;
}

const ME = sql`(SELECT id FROM me)`;

/** The readable rows of each type, as `SELECT id FROM … x, k WHERE <rules>`; one rule per line, named. */
const READ: Record<Exclude<OracleType, 'task'>, SQL> = {
  incident: sql`SELECT x.id FROM records.incident x, k WHERE k.admin
    OR x.caller = ${ME}                                                                          /* incident_read_caller */
    OR (k.agent AND (x.assignment_group IN (SELECT id FROM my_groups) OR x.assigned_to = ${ME})) /* incident_read_group */`,
  customer_case: sql`SELECT x.id FROM records.customer_case x, k WHERE k.admin
    OR (k.contact AND x.account IN (SELECT id FROM my_account_tree))                /* case_read_account */
    OR (k.agent AND x.assignment_group IN (SELECT id FROM my_groups))               /* case_read_group */
    OR (k.contact AND x.account IN (SELECT id FROM my_partner_customers))           /* case_read_partner */`,
  journal_entry: sql`SELECT x.id FROM records.journal_entry x, k WHERE k.admin
    OR (x.kind = 'comment' AND x.record IN (SELECT id FROM readable_task))          /* journal_read_comments */
    OR (k.agent AND x.record IN (SELECT id FROM readable_task))                     /* journal_read_work_notes */`,
  person: sql`SELECT x.id FROM records.person x, k WHERE k.admin
    OR (k.contact AND x.account IN (SELECT id FROM my_account_tree))                /* person_read_account_contacts */
    OR k.agent                                                                      /* person_read_agents */
    OR (k.employee AND x.account IS NULL)                                           /* person_read_colleagues */
    OR x.id = ${ME}                                                                 /* person_read_self */`,
  account: sql`SELECT x.id FROM records.account x, k WHERE k.admin
    OR k.agent                                                                      /* account_read_agents */
    OR (k.contact AND x.id IN (SELECT id FROM my_account_tree))                     /* account_read_own */
    OR (k.contact AND x.id IN (SELECT id FROM my_partner_customers))                /* account_read_served */`,
  assignment_group: sql`SELECT x.id FROM records.assignment_group x, k WHERE k.admin OR k.agent OR k.employee /* group_read */`,
};

/** The abstract task has no rules of its own: each kind is decided by its own rules. */
const TASK = sql`${READ.incident} UNION ALL ${READ.customer_case}`;

/** `through: record` in the journal rules: the task the entry is written on is readable, as the oracle says. */
const READABLE_TASK = sql`, readable_task AS (${TASK})`;

/** `null` stands for the development admin (the bootstrap principal with no user record): everything. */
export type OracleUser = string | null;

/** Record ids (strings of digits) of `type` that `userName` may read under the seeded rules. */
export async function readableIds(db: Executor, userName: OracleUser, type: OracleType): Promise<Set<string>> {
  const body = type === 'task' ? TASK : READ[type];
  const statement =
    userName === null
      ? sql`SELECT id::text AS id FROM records.${sql.identifier(type)}`
      : sql`${who(userName)}${READABLE_TASK} SELECT id::text AS id FROM (${body}) readable`;
  const rows = await db.run<{ id: string }>(statement);
  return new Set(rows.map((r) => r.id));
}

/** Whether the user holds the agent role (directly or through a group), by the oracle's own reading of the tables. */
export async function isAgent(db: Executor, userName: OracleUser): Promise<boolean> {
  if (userName === null) return true;
  const [row] = await db.run<{ agent: boolean; admin: boolean }>(sql`${who(userName)} SELECT agent, admin FROM k`);
  return row.agent || row.admin;
}

/**
 * The user names the user sees in createdBy / updatedBy (and event actors): those of the people it may read;
 * `null` for every name, stored or not (admins, the development admin).
 */
export async function visibleUserNames(db: Executor, userName: OracleUser): Promise<Set<string> | null> {
  if (userName === null) return null;
  const [k] = await db.run<{ admin: boolean }>(sql`${who(userName)} SELECT admin FROM k`);
  if (k.admin) return null;
  const rows = await db.run<{ name: string }>(sql`${who(userName)} SELECT p.user_name AS name FROM records.person p WHERE p.id IN (${READ.person})`);
  return new Set(rows.map((r) => r.name));
}

/** Every readable set of one user, by type. */
export async function oracleFor(db: Executor, userName: OracleUser): Promise<Record<OracleType, Set<string>>> {
  const out = {} as Record<OracleType, Set<string>>;
  for (const type of ORACLE_TYPES) out[type] = await readableIds(db, userName, type);
  return out;
}

/**
 * The field history a user may see, by record id: the changed field names (sorted, one per history row) of the
 * records of `type` it may read, leaving out the fields a seeded field rule hides from it — time worked on
 * incidents is for agents (incident_time_worked_read). Read straight from atrium.record_history.
 */
export async function visibleHistory(db: Executor, userName: OracleUser, type: Exclude<OracleType, 'task'>): Promise<Map<string, string[]>> {
  const hidden = sql`(h.record_type = 'incident' AND h.field_name = 'time_worked' AND NOT (k.agent OR k.admin))`;
  const statement =
    userName === null
      ? sql`SELECT h.record_id::text AS id, h.field_name AS field FROM atrium.record_history h WHERE h.record_type = ${type}`
      : sql`${who(userName)}${READABLE_TASK} SELECT h.record_id::text AS id, h.field_name AS field FROM atrium.record_history h, k
          WHERE h.record_type = ${type} AND h.record_id IN (SELECT id FROM (${READ[type]}) readable) AND NOT ${hidden}`;
  const out = new Map<string, string[]>();
  for (const r of await db.run<{ id: string; field: string }>(statement)) out.set(r.id, [...(out.get(r.id) ?? []), r.field]);
  for (const list of out.values()) list.sort();
  return out;
}

/** What the KPIs need to know of one record a user may read, read straight from the tables. */
export interface OracleKpiRecord {
  id: string;
  /** The assignment group where the user may read it, else null. */
  group: string | null;
  openedInWindow: boolean;
  /** Seconds from opened_at to the last move into resolved/closed, when the record is resolved or closed now and that move is in the window. */
  resolvedAfter: number | null;
  /** Seconds from opened_at to the first assignment to a person, when that is in the window. */
  respondedAfter: number | null;
  open: boolean;
  slaMet: number;
  slaBreached: number;
  breaches: number;
}

/**
 * The KPI facts of every record of `type` the user may read, over the window [from, to). The seeded state
 * models name their states after their categories, so resolved means the states `resolved` and `closed`, and
 * open means not those nor `cancelled`.
 */
export async function kpiRecords(db: Executor, userName: OracleUser, type: 'incident' | 'task', from: string, to: string): Promise<OracleKpiRecord[]> {
  const body = type === 'task' ? TASK : READ[type];
  const prefix =
    userName === null
      ? sql`WITH readable AS (SELECT id FROM records.${sql.identifier(type)}), groups AS (SELECT id FROM records.assignment_group)`
      : sql`${who(userName)}${READABLE_TASK}, readable AS (${body}), groups AS (${READ.assignment_group})`;
  const f = sql`${from}::timestamptz`;
  const t = sql`${to}::timestamptz`;
  const rows = await db.run<Record<string, unknown>>(sql`${prefix},
    facts AS (
      SELECT x.id, x.opened_at, x.state, CASE WHEN x.assignment_group IN (SELECT id FROM groups) THEN x.assignment_group END AS grp,
        (SELECT max(h.changed_at) FROM atrium.record_history h WHERE h.record_id = x.id AND h.field_name = 'state'
           AND h.new_value #>> '{}' IN ('resolved', 'closed') AND coalesce(h.old_value #>> '{}', '-') NOT IN ('resolved', 'closed')) AS resolved_at,
        (SELECT min(h.changed_at) FROM atrium.record_history h WHERE h.record_id = x.id AND h.field_name = 'assigned_to' AND jsonb_typeof(h.new_value) = 'number') AS responded_at
      FROM records.${sql.identifier(type)} x WHERE x.id IN (SELECT id FROM readable))
    SELECT id::text AS id, grp::text AS "group", (opened_at >= ${f} AND opened_at < ${t}) AS "openedInWindow",
      CASE WHEN state IN ('resolved', 'closed') AND resolved_at >= ${f} AND resolved_at < ${t} THEN extract(epoch FROM resolved_at - opened_at)::float8 END AS "resolvedAfter",
      CASE WHEN responded_at >= ${f} AND responded_at < ${t} THEN extract(epoch FROM responded_at - opened_at)::float8 END AS "respondedAfter",
      state NOT IN ('resolved', 'closed', 'cancelled') AS open,
      (SELECT count(*)::int FROM atrium.sla_instance s WHERE s.record_id = facts.id AND s.stopped_at >= ${f} AND s.stopped_at < ${t} AND s.stage = 'achieved' AND NOT s.has_breached) AS "slaMet",
      (SELECT count(*)::int FROM atrium.sla_instance s WHERE s.record_id = facts.id AND s.stopped_at >= ${f} AND s.stopped_at < ${t} AND (s.stage = 'breached' OR (s.stage = 'achieved' AND s.has_breached))) AS "slaBreached",
      (SELECT count(*)::int FROM atrium.sla_instance s WHERE s.record_id = facts.id AND s.breached_at >= ${f} AND s.breached_at < ${t}) AS breaches
    FROM facts`);
  return rows.map((r) => ({
    id: String(r.id),
    group: r.group === null ? null : String(r.group),
    openedInWindow: r.openedInWindow === true,
    resolvedAfter: r.resolvedAfter === null ? null : Number(r.resolvedAfter),
    respondedAfter: r.respondedAfter === null ? null : Number(r.respondedAfter),
    open: r.open === true,
    slaMet: Number(r.slaMet),
    slaBreached: Number(r.slaBreached),
    breaches: Number(r.breaches),
  }));
}
