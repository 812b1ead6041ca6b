import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallData, importItsm, type SmallData } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let data: SmallData;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  data = await createSmallData(t, 8);
});
afterAll(() => t?.stop());

const NESTED = `query($n: Int!) {
  incidents(first: $n, orderBy: [OPENED_AT_DESC], filter: { priority: { lte: 3 } }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id number shortDescription priority state openedAt
      caller { name email }
      assignmentGroup { name }
      journalEntries(first: 5, orderBy: [WRITTEN_AT_DESC]) { totalCount nodes { body writtenAt author { name } } }
    } }
  }
}`;

describe('record queries', () => {
  it('answers the nested page with one SQL statement', async () => {
    const { result, sql } = await t.statements(() => t.gql(NESTED, { n: 3 }));
    expect(result.errors).toBeUndefined();
    expect(sql).toHaveLength(1);
    const conn = result.data.incidents;
    // priorities cycle 1..5 over 8 incidents: 1,2,3 (i=0,1,2) and 1,2,3 (i=5,6,7)
    expect(conn.totalCount).toBe(6);
    expect(conn.edges).toHaveLength(3);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const opened = conn.edges.map((e: any) => e.node.openedAt);
    expect([...opened].sort().reverse()).toEqual(opened);
    const first = conn.edges[0].node;
    expect(first.number).toMatch(/^INC\d{7}$/);
    expect(first.caller.name).toBeTruthy();
    expect(first.journalEntries.nodes.length).toBe(first.journalEntries.totalCount);
  });

  it('pages forward and backward by keyset without gaps or repeats', async () => {
    const all = await t.ok(`{ incidents(first: 100, orderBy: [PRIORITY_ASC]) { nodes { id } } }`);
    const ids: string[] = all.incidents.nodes.map((n: any) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.ok(`query($a: String) { incidents(first: 3, after: $a, orderBy: [PRIORITY_ASC]) { pageInfo { hasNextPage endCursor } nodes { id } } }`, { a: after });
      seen.push(...page.incidents.nodes.map((n: any) => n.id));
      if (!page.incidents.pageInfo.hasNextPage) break;
      after = page.incidents.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    const back = await t.ok(`query($b: String) { incidents(last: 2, before: $b, orderBy: [PRIORITY_ASC]) { pageInfo { hasPreviousPage } nodes { id } } }`, { b: after });
    // `after` is the end cursor of the second page (ids[5]); the two before it are ids[3] and ids[4].
    expect(back.incidents.nodes.map((n: any) => n.id)).toEqual(ids.slice(3, 5));
    expect(back.incidents.pageInfo.hasPreviousPage).toBe(true);
  });

  it('filters with and/or/not, in, contains and through references', async () => {
    const d = await t.ok(`{
      a: incidents(filter: { or: [{ priority: { eq: 1 } }, { priority: { eq: 5 } }] }) { totalCount }
      b: incidents(filter: { not: { state: { in: [NEW] } } }) { totalCount }
      c: incidents(filter: { caller: { name: { contains: "ad" } } }) { totalCount }
      d: incidents(filter: { shortDescription: { startsWith: "problem 1" } }) { totalCount }
      e: incidents(filter: { assignedToId: { isNull: true } }) { totalCount }
      f: incidents(filter: { callerId: { eq: "${data.people[0]}" } }) { totalCount }
    }`);
    expect(d.a.totalCount).toBe(3);
    expect(d.b.totalCount).toBe(4);
    expect(d.c.totalCount).toBe(3);
    expect(d.d.totalCount).toBe(1);
    expect(d.e.totalCount).toBe(8);
    expect(d.f.totalCount).toBe(3);
  });

  it('serves node(id), lookups by id and number, and the task interface over all kinds', async () => {
    const one = await t.ok(`query($id: ID!) { node(id: $id) { __typename id ... on Incident { number caller { name } } } }`, { id: data.incidents[0] });
    expect(one.node.__typename).toBe('Incident');
    expect(one.node.id).toBe(data.incidents[0]);
    const byNumber = await t.ok(`query($n: String!) { incidentByNumber(number: $n) { id } }`, { n: one.node.number });
    expect(byNumber.incidentByNumber.id).toBe(data.incidents[0]);
    const tasks = await t.ok(`{ tasks(first: 100) { totalCount nodes { __typename number ... on Incident { category } } } }`);
    expect(tasks.tasks.totalCount).toBe(8);
    expect(tasks.tasks.nodes.every((n: any) => n.__typename === 'Incident' && n.category)).toBe(true);
    const missing = await t.gql(`{ node(id: "SW5jaWRlbnQ6OTk5OTk5") { id } }`);
    expect(missing.data.node).toBeNull();
  });

  it('reads type-specific fragments on the task interface within the same single statement', async () => {
    const { result, sql } = await t.statements(() =>
      t.gql(`{ tasks(first: 3, orderBy: [PRIORITY_ASC, OPENED_AT_DESC], filter: { state: { eq: NEW } }) { nodes { __typename number priority
        ... on Incident { caller { name } journalEntries(first: 1) { totalCount } } } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(sql).toHaveLength(1);
    const nodes = result.data.tasks.nodes;
    expect(nodes.map((n: any) => n.priority)).toEqual([...nodes.map((n: any) => n.priority)].sort());
    expect(nodes.every((n: any) => n.__typename === 'Incident' && n.caller.name && n.journalEntries.totalCount >= 1)).toBe(true);
  });

  it('reuses a compiled statement only for the same document and variables', async () => {
    const q = `query($p: Int!) { incidents(filter: { priority: { eq: $p } }) { totalCount } }`;
    const counts = [];
    for (const p of [1, 2, 1, 5]) counts.push((await t.ok(q, { p })).incidents.totalCount);
    expect(counts).toEqual([2, 2, 2, 1]);
    const literal = await t.ok(`{ incidents(filter: { priority: { eq: 5 } }) { totalCount } }`);
    expect(literal.incidents.totalCount).toBe(1);
  });

  it('counts and groups by choice and reference fields in one statement', async () => {
    const { result, sql } = await t.statements(() =>
      t.ok(`{ incidentsAggregate(groupBy: [STATE, ASSIGNMENT_GROUP]) { count groups { count key { state assignmentGroup { name } } } } }`),
    );
    expect(sql).toHaveLength(1);
    expect(result.incidentsAggregate.count).toBe(8);
    const groups = result.incidentsAggregate.groups;
    expect(groups.reduce((s: number, g: any) => s + g.count, 0)).toBe(8);
    expect(groups[0].key.assignmentGroup.name).toMatch(/Network|Service Desk/);
  });

  it('gives clear errors for a bad cursor, a bad id and an oversized page', async () => {
    const cursor = await t.gql(`{ incidents(after: "bm90LWEtY3Vyc29y") { totalCount nodes { id } } }`);
    expect(cursor.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
    const id = await t.gql(`{ node(id: "!!!") { id } }`);
    expect(id.errors?.[0].extensions?.code).toBe('INVALID_ID');
    const size = await t.gql(`{ incidents(first: 5000) { totalCount } }`);
    expect(size.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(size.errors?.[0].message).toMatch(/between 0 and 100/);
    const overflow = await t.gql(`{ incidents(filter: { timeWorked: { gt: "P9999999999Y" } }) { totalCount } }`);
    expect(overflow.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const overflowWrite = await t.gql(`mutation { createIncident(input: { shortDescription: "x", timeWorked: "P999999999999Y" }) { incident { id } } }`);
    expect(overflowWrite.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const orderCursor = await t.ok(`{ incidents(first: 1, orderBy: [PRIORITY_ASC]) { pageInfo { endCursor } } }`);
    const mismatch = await t.gql(`query($a: String) { incidents(after: $a, orderBy: [OPENED_AT_DESC]) { nodes { id } } }`, { a: orderCursor.incidents.pageInfo.endCursor });
    expect(mismatch.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
  });

  it('refuses a filter on a field that does not exist, before touching the database', async () => {
    const { result, sql } = await t.statements(() => t.gql(`{ incidents(filter: { nope: { eq: 1 } }) { totalCount } }`));
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/nope/);
    expect(sql).toHaveLength(0);
  });
});
