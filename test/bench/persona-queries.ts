/**
 * Who the persona is, worked out in SQL from the identity tables (not by Atrium's code): its groups through
 * nesting, whether it holds the agent role (directly or through a group), its account tree. `$n` names the
 * parameter holding the user name.
 */
function personaCtes(userParam: string): string {
  return `with recursive
  me as (select p.id, p.account from records.person p where p.user_name = ${userParam} and p.active),
  grp(id) as (
    select m.assignment_group from records.group_member m join me on m.person = me.id
    union select g.parent from records.assignment_group g join grp on g.id = grp.id where g.parent is not null),
  tree(id) as (
    select me.account from me where me.account is not null
    union select a.id from records.account a join tree on a.parent = tree.id),
  who as (
    select me.id as me,
           exists (select 1 from records.role_grant rg join records.role r on r.id = rg.role
                   where r.name = 'agent' and (rg.person = me.id or rg.assignment_group in (select id from grp))) as agent,
           me.account is not null as contact,
           me.account is null as employee
    from me)
`;
}

/**
 * The nested page as a non-admin user sees it, written by hand in the floor's style (one statement returning the
 * finished JSON of the `incidents` field, in Atrium's shape; `personaBody` puts it in the response envelope), to
 * verify Atrium's answers for the personas byte for byte. It applies the bench's
 * access rules (metadata/acls, metadata/user-criteria) without Atrium's code: the user's groups (through
 * nesting), roles (through groups) and account tree are computed here with recursive CTEs, the rules are
 * spelled out as plain SQL, and a record the user may not read is null (to-one) or left out (journal entries).
 *
 * Rules, by record type (a rule without criteria applies to everyone; rules OR together):
 * - incident: caller = me (incident_read_caller); agents: assignment group in my groups or assigned to me
 *   (incident_read_group); contacts: the caller's account in my account tree (incident_read_account);
 * - journal_entry: agents: the incident's group in my groups (journal_read_agents); contacts: the incident's
 *   caller's account in my account tree (journal_read_account);
 *   (with BENCH_CONTACT_RULE=account the contact rules test the incident's own `account` instead, which the
 *   loader sets to the caller's account, so the expected page is the same — and is checked to be);
 * - person: agents: all (person_read_agents); contacts: account in my account tree
 *   (person_read_account_contacts); everyone: myself (person_read_self);
 * - assignment_group: agents and employees (no account): all (group_read).
 */
export const PERSONA_FLOOR_SQL = `
${personaCtes('$2')}select json_build_object('nodes', coalesce(json_agg(page.node order by page.opened_at desc, page.id desc), '[]'::json))::text as incidents
from (
  select i.id, i.opened_at, json_build_object(
    'number', i.number,
    'shortDescription', i.short_description,
    'priority', i.priority,
    'state', upper(i.state),
    'openedAt', i.opened_at,
    'caller', (select json_build_object('name', p.name, 'email', p.email) from records.person p
               where p.id = i.caller and (who.agent or p.id = who.me or (who.contact and p.account in (select id from tree)))),
    'assignmentGroup', (select json_build_object('name', g.name) from records.assignment_group g
                        where g.id = i.assignment_group and (who.agent or who.employee)),
    'journalEntries', json_build_object('nodes', (
      select coalesce(json_agg(json_build_object('body', e.body, 'writtenAt', e.written_at,
               'author', (select json_build_object('name', a.name) from records.person a
                          where a.id = e.author and (who.agent or a.id = who.me or (who.contact and a.account in (select id from tree)))))
             order by e.written_at desc, e.id desc), '[]'::json)
      from (select * from records.journal_entry j
            where j.record = i.id
              and ((who.agent and i.assignment_group in (select id from grp))
                   or (who.contact and (select c.account from records.person c where c.id = i.caller) in (select id from tree)))
            order by j.written_at desc, j.id desc limit 5) e
    ))
  ) as node
  from records.incident i cross join who
  where i.priority <= $1
    and (i.caller = who.me
         or (who.agent and (i.assignment_group in (select id from grp) or i.assigned_to = who.me))
         or (who.contact and (select c.account from records.person c where c.id = i.caller) in (select id from tree)))
  order by i.opened_at desc, i.id desc
  limit 50
) page`;

/** The response body Atrium sends for the page: Apollo's envelope around the field's JSON text, and a newline. */
export function personaBody(incidents: string): string {
  return `{"data":{"incidents":${incidents}}}\n`;
}

/**
 * What the persona may see in the whole data set, from the same rules: incidents visible (all priorities), and
 * the user's groups and account tree by name (checked against personas.ts).
 */
export const PERSONA_FACTS_SQL = `
${personaCtes('$1')}select who.agent, who.contact,
       (select coalesce(json_agg(g.name order by g.name), '[]') from records.assignment_group g where g.id in (select id from grp))::text as groups,
       (select coalesce(json_agg(a.name order by a.name), '[]') from records.account a where a.id in (select id from tree))::text as accounts,
       (select count(*)::int from records.incident i
        where i.caller = who.me
           or (who.agent and (i.assignment_group in (select id from grp) or i.assigned_to = who.me))
           or (who.contact and (select c.account from records.person c where c.id = i.caller) in (select id from tree))) as visible,
       (select count(*)::int from records.incident) as total
from who`;
