import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallData, importItsm, type SmallData } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let data: SmallData;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  data = await createSmallData(t, 7);
});
afterAll(() => t?.stop());

async function fastPathCount(): Promise<number> {
  const text = await (await fetch(`${t.atrium.url}/metrics`)).text();
  return Number(/^atrium_graphql_fast_path_operations_total (\d+)/m.exec(text)?.[1] ?? 0);
}

// Adding an admin field makes the operation ineligible for the fast path, so graphql-js executes it.
const ADMIN_FIELD = 'zzAdmin: metadataVersions(limit: 1) { id }';

const QUERIES: [string, string, Record<string, unknown>?][] = [
  [
    'the nested page with aliases, fragments and __typename',
    `query($n: Int) { __typename list: incidents(first: $n, orderBy: [OPENED_AT_DESC], filter: { priority: { lte: 3 } }) {
      __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      edges { __typename cursor node { ...Inc } }
      nodes { id state category } } }
     fragment Inc on Incident { __typename id number shortDescription priority state openedAt
      caller { __typename name email } assignmentGroup { name }
      entries: journalEntries(first: 2, orderBy: [WRITTEN_AT_DESC]) { totalCount nodes { body writtenAt author { name } } } }`,
    { n: 3 },
  ],
  [
    'the task interface with type-specific fragments and shared interface fields',
    `{ a: tasks(first: 4, orderBy: [PRIORITY_DESC]) { nodes { __typename id number ... on Incident { caller { name } category } } }
       b: tasks(first: 2) { nodes { __typename id number state } } }`,
  ],
  ['node and lookups', `query($id: ID!) { node(id: $id) { __typename id ... on Incident { number } } incident(id: $id) { id displayValue } missing: node(id: "SW5jaWRlbnQ6MQ") { id } }`],
  [
    'aggregates grouped by choice and reference',
    `{ incidentsAggregate(groupBy: [STATE, CALLER]) { __typename count groups { __typename count key { __typename state caller { name } category } } } }`,
  ],
  ['a backward page', `{ incidents(last: 2, orderBy: [NUMBER_ASC]) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { number } } }`],
];

describe('the fast path', () => {
  for (const [what, query, vars] of QUERIES) {
    it(`answers ${what} exactly as graphql-js execution does`, async () => {
      const variables = { id: data.incidents[1], ...vars };
      const before = await fastPathCount();
      const fast = await t.statements(() => t.gql(query, variables));
      expect(await fastPathCount()).toBe(before + 1);
      const slowQuery = query.replace(/^(query[^{]*)?\{/, (m) => `${m} ${ADMIN_FIELD} `);
      const slow = await t.gql(slowQuery, variables);
      expect(await fastPathCount()).toBe(before + 1);
      expect(fast.result.errors).toBeUndefined();
      expect(slow.errors).toBeUndefined();
      const { zzAdmin, ...slowData } = slow.data;
      expect(zzAdmin).toHaveLength(1);
      expect(JSON.stringify(fast.result.data)).toBe(JSON.stringify(slowData));
      // One statement per root field either way (__typename at the root needs none).
      const roots = Object.keys(fast.result.data).filter((k) => k !== '__typename').length;
      expect(fast.sql).toHaveLength(roots);
    });
  }

  it('keeps the selection order in objects wider than json_build_object allows (60 fields)', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `f${String(i).padStart(2, '0')}`, label: `F${i}`, type: 'INTEGER' }));
    await t.ok(`mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`, { i: { name: 'wide', label: 'Wide', fields } });
    await t.ok(`mutation { publishMetadata(message: "wide") { version { id } } }`);
    const values = Object.fromEntries(fields.map((f, i) => [f.name, i]));
    await t.ok(`mutation($i: CreateWideInput!) { createWide(input: $i) { wide { id } } }`, { i: values });
    // Selected in reverse order, so a reordering anywhere would show.
    const selection = fields.map((f) => f.name).reverse().join(' ');
    const fast = await t.gql(`{ wides { nodes { ${selection} } } }`);
    const slow = await t.gql(`{ ${ADMIN_FIELD} wides { nodes { ${selection} } } }`);
    expect(Object.keys(fast.data.wides.nodes[0])).toEqual(fields.map((f) => f.name).reverse());
    expect(JSON.stringify(fast.data.wides)).toBe(JSON.stringify(slow.data.wides));
  });

  it('pages with the cursors it makes in SQL', async () => {
    const first = await t.ok(`{ incidents(first: 3, orderBy: [PRIORITY_ASC]) { pageInfo { endCursor hasNextPage } nodes { id } } }`);
    const next = await t.ok(`query($a: String) { incidents(first: 3, after: $a, orderBy: [PRIORITY_ASC]) { nodes { id } } }`, { a: first.incidents.pageInfo.endCursor });
    const all = await t.ok(`{ incidents(first: 6, orderBy: [PRIORITY_ASC]) { nodes { id } } }`);
    expect([...first.incidents.nodes, ...next.incidents.nodes]).toEqual(all.incidents.nodes);
  });

  it('gives in-process callers plain objects', async () => {
    const contextValue = { db: t.atrium.db, actor: { id: 'admin', name: 'Admin', admin: true }, metadata: t.atrium.metadata, events: undefined } as never;
    const res = await t.atrium.http.apollo.executeOperation({ query: '{ incidents(first: 1) { nodes { number } } }' }, { contextValue });
    const body = res.body as { kind: 'single'; singleResult: { data: any } };
    expect(body.singleResult.data.incidents.nodes[0].number).toMatch(/^INC/);
  });

  it('still reports errors (it declines, and normal execution raises them)', async () => {
    const r = await t.gql(`{ incidents(first: 1000) { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anon = await t.gql(`{ incidents { totalCount } }`, {}, null);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
