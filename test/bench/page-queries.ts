/** The nested page of BENCHMARK.md, in each target's own words. */

/** Atrium's GraphQL for the page (names checked against the live schema). */
export const ATRIUM_PAGE = `{
  incidents(first: 50, orderBy: [OPENED_AT_DESC], filter: { priority: { lte: 3 } }) {
    nodes {
      number shortDescription priority state openedAt
      caller { name email }
      assignmentGroup { name }
      journalEntries(first: 5, orderBy: [WRITTEN_AT_DESC]) { nodes { body writtenAt author { name } } }
    }
  }
}`;

/** PostGraphile 5 (amber + connection filter) naming for the same page. */
export const POSTGRAPHILE_PAGE = `{
  allIncidents(first: 50, orderBy: [OPENED_AT_DESC], filter: { priority: { lessThanOrEqualTo: 3 } }) {
    nodes {
      number shortDescription priority state openedAt
      personByCaller { name email }
      assignmentGroupByAssignmentGroup { name }
      journalEntriesByRecord(first: 5, orderBy: [WRITTEN_AT_DESC]) { nodes { body writtenAt personByAuthor { name } } }
    }
  }
}`;

/**
 * The floor: one hand-written statement that returns the finished response body, in Atrium's response shape
 * (choice values in CONSTANT_CASE, times as PostgreSQL's JSON renders them in UTC). To-one references are
 * correlated subqueries, which beat a join that hash-joins the whole person table; the 5 newest entries come
 * from a LIMITed subquery over the incident index.
 */
export const FLOOR_SQL = `
select json_build_object('data', json_build_object('incidents', json_build_object('nodes', coalesce(json_agg(page.node order by page.opened_at desc, page.id desc), '[]'::json))))::text as body
from (
  select i.id, i.opened_at, json_build_object(
    'number', i.number,
    'shortDescription', i.short_description,
    'priority', i.priority,
    'state', upper(i.state),
    'openedAt', i.opened_at,
    'caller', (select json_build_object('name', p.name, 'email', p.email) from records.person p where p.id = i.caller),
    'assignmentGroup', (select json_build_object('name', g.name) from records.assignment_group g where g.id = i.assignment_group),
    'journalEntries', json_build_object('nodes', (
      select coalesce(json_agg(json_build_object('body', e.body, 'writtenAt', e.written_at,
               'author', (select json_build_object('name', a.name) from records.person a where a.id = e.author)) order by e.written_at desc, e.id desc), '[]'::json)
      from (select * from records.journal_entry j where j.record = i.id order by j.written_at desc, j.id desc limit 5) e
    ))
  ) as node
  from records.incident i
  where i.priority <= $1
  order by i.opened_at desc, i.id desc
  limit 50
) page`;

/** The page's limits are literals (a generic plan would have to guess a parameter's limit); the priority is a parameter. */
export const FLOOR_PARAMS = [3] as const;
