import { sql } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_INPUT_LIMITS } from '../../server/config.js';
import { createSmallData, importItsm, type SmallData } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * Regressions over HTTP for input that crashed the compiler or graphql-js, reached PostgreSQL as an internal error,
 * or was stored cut (issue 7): each shape as reported, and the limit it now meets.
 */
let t: TestServer;
let data: SmallData;
/** A person with no role: the least-privileged user who can sign in. */
let employee: string;
const { maxFilterDepth, maxFilterConditions, maxListLength, maxVariablesDepth } = DEFAULT_INPUT_LIMITS;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  data = await createSmallData(t);
  employee = await t.token({ subject: 'ada' });
}, 180_000);
afterAll(() => t?.stop());

/** POSTs a body as given (deeply nested JSON cannot go through JSON.stringify, which recurses). */
async function post(body: string | Uint8Array, token: string | null = t.adminToken): Promise<GqlResult> {
  const res = await fetch(`${t.atrium.url}/graphql`, {
    method: 'POST',
    // The GraphQL response media type: a refusal is a 4xx there (an application/json-only client gets 200).
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { ...((await res.json()) as GqlResult), status: res.status };
}

/** The one error of a refused request: its code and extensions. */
function refusal(r: GqlResult): Record<string, unknown> {
  expect(r.status).toBeLessThan(500);
  expect(r.data ?? null).toBeNull();
  expect(r.errors).toHaveLength(1);
  return { message: r.errors![0].message, ...r.errors![0].extensions };
}

/** `{ key: { key: … leaf } }`, `depth` times, as JSON text. */
function nestedText(key: string, depth: number, leaf: string, list = false): string {
  return `{"${key}":${list ? '[' : ''}`.repeat(depth) + leaf + `${list ? ']' : ''}}`.repeat(depth);
}
function nested(key: string, depth: number, leaf: unknown): Record<string, unknown> {
  let f = leaf as Record<string, unknown>;
  for (let i = 0; i < depth; i++) f = { [key]: f };
  return f;
}

const COUNT_INCIDENTS = `query($f: IncidentFilter) { incidents(filter: $f) { totalCount } }`;
const COUNT_PEOPLE = `query($f: PersonFilter) { people(filter: $f) { totalCount } }`;
const variablesBody = (query: string, variablesJson: string) => `{"query":${JSON.stringify(query)},"variables":{"f":${variablesJson}}}`;

async function fingerprint(): Promise<string> {
  const [row] = await t.atrium.db.run<{ f: string }>(
    sql`SELECT md5(string_agg(x, ',' ORDER BY x)) || ':' || count(*) AS f FROM (SELECT 'i' || i.id || i.sys_version || i.short_description AS x FROM records.incident i UNION ALL SELECT 'p' || p.id || p.sys_version FROM records.person p) s`,
  );
  return row.f;
}

describe('nesting of filter input', () => {
  it('400 nested `not` as variables: 400 BAD_USER_INPUT naming maxVariablesDepth, not an internal error', async () => {
    const r = await post(variablesBody(COUNT_INCIDENTS, nestedText('not', 400, '{"state":{"eq":"NEW"}}')), employee);
    expect(r.status).toBe(400);
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxVariablesDepth', max: maxVariablesDepth });
  });

  it('250 nested `manager` references (person.manager → person): refused the same way, as variables and as a literal', async () => {
    const r = await post(variablesBody(COUNT_PEOPLE, nestedText('manager', 250, '{"name":{"eq":"x"}}')), employee);
    expect(r.status).toBe(400);
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxVariablesDepth' });
    const literal = 'manager: {'.repeat(250) + 'name: { eq: "x" }' + '}'.repeat(250);
    const l = await t.gql(`{ people(filter: { ${literal} }) { totalCount } }`, {}, employee);
    expect(l.status).toBe(400);
    expect(refusal(l)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxVariablesDepth', max: maxVariablesDepth });
    expect(String(refusal(l).path)).toMatch(/^people\(filter\)\.manager\.manager/);
  });

  it('3,000 nested `and` as variables: 400 BAD_USER_INPUT, and the server keeps answering', async () => {
    const r = await post(variablesBody(COUNT_INCIDENTS, nestedText('and', 3000, '{"state":{"eq":"NEW"}}', true)), employee);
    expect(r.status).toBe(400);
    expect(refusal(r)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxVariablesDepth' });
    expect((await t.ok(`{ incidents { totalCount } }`)).incidents.totalCount).toBe(data.incidents.length);
  });

  it('within the variables limit, a filter deeper than maxFilterDepth is refused naming the limit and the path; at the limit it runs', async () => {
    const leaf = { state: { eq: 'NEW' } };
    const ok = await t.gql(COUNT_INCIDENTS, { f: nested('not', maxFilterDepth, leaf) });
    expect(ok.errors).toBeUndefined();
    const over = refusal(await t.gql(COUNT_INCIDENTS, { f: nested('not', maxFilterDepth + 1, leaf) }));
    expect(over).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxFilterDepth', max: maxFilterDepth, path: `filter${'.not'.repeat(maxFilterDepth + 1)}` });
    // References and and/or count too, and the path says which branch.
    const mixed = { or: [leaf, { caller: nested('manager', maxFilterDepth - 1, { name: { eq: 'x' } }) }] };
    expect(refusal(await t.gql(COUNT_INCIDENTS, { f: mixed }, employee))).toMatchObject({
      limit: 'maxFilterDepth',
      path: `filter.or[1].caller${'.manager'.repeat(maxFilterDepth - 1)}`,
    });
  });
});

describe('size of filter input', () => {
  const orOf = (n: number) => ({ or: Array.from({ length: n }, (_, i) => ({ caller: { manager: { name: { eq: `n${i}` } } } })) });

  it('3,000 OR-ed conditions through references from the least-privileged user: refused before any SQL', async () => {
    const { result, sql: statements } = await t.statements(() => t.gql(COUNT_INCIDENTS, { f: orOf(3000) }, employee));
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxListLength', max: maxListLength, path: 'filter.or' });
    expect(statements.filter((s) => /incident/.test(s))).toEqual([]);
  });

  it('more leaf conditions than maxFilterConditions are refused; exactly that many run', async () => {
    expect((await t.gql(COUNT_INCIDENTS, { f: orOf(maxFilterConditions) }, employee)).errors).toBeUndefined();
    expect(refusal(await t.gql(COUNT_INCIDENTS, { f: orOf(maxFilterConditions + 1) }, employee))).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'maxFilterConditions',
      max: maxFilterConditions,
      path: `filter.or[${maxFilterConditions}].caller.manager.name.eq`,
    });
  });

  it('the conditions of all filters of one root field share the budget (a reverse connection inside counts)', async () => {
    const half = Math.ceil((maxFilterConditions + 1) / 2);
    const priorities = (n: number) => ({ or: Array.from({ length: n }, (_, i) => ({ priority: { eq: i } })) });
    const q = `query($f: PersonFilter, $g: IncidentFilter) { people(filter: $f) { nodes { incidentsByCaller(filter: $g) { totalCount } } } }`;
    const names = { or: Array.from({ length: half }, (_, i) => ({ name: { eq: `n${i}` } })) };
    expect((await t.gql(q, { f: names, g: priorities(maxFilterConditions - half) })).errors).toBeUndefined();
    expect(refusal(await t.gql(q, { f: names, g: priorities(half) }))).toMatchObject({ limit: 'maxFilterConditions' });
  });

  it('list arguments longer than maxListLength are refused: in, notIn, orderBy', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect((await t.gql(COUNT_INCIDENTS, { f: { priority: { in: many(maxListLength) } } })).errors).toBeUndefined();
    expect(refusal(await t.gql(COUNT_INCIDENTS, { f: { priority: { notIn: many(maxListLength + 1) } } }))).toMatchObject({
      limit: 'maxListLength',
      path: 'filter.priority.notIn',
    });
    const order = Array.from({ length: maxListLength + 1 }, () => 'PRIORITY_ASC');
    expect(refusal(await t.gql(`query($o: [IncidentOrderBy!]) { incidents(orderBy: $o) { totalCount } }`, { o: order }))).toMatchObject({
      limit: 'maxListLength',
      path: 'orderBy',
    });
  });

  it('a long `in` list is one parameter and still filters right', async () => {
    const ids = await t.ok(`{ incidents(orderBy: PRIORITY_ASC) { nodes { priority shortDescription } } }`);
    const want = ids.incidents.nodes.filter((n: { priority: number }) => n.priority <= 2).length;
    const list = [1, 2, ...Array.from({ length: 900 }, (_, i) => 1000 + i)];
    const { result, sql: statements } = await t.statements(() => t.ok(COUNT_INCIDENTS, { f: { priority: { in: list } } }));
    expect(result.incidents.totalCount).toBe(want);
    expect(statements.join('\n')).not.toMatch(/\$900/);
    const text = ids.incidents.nodes.map((n: { shortDescription: string }) => n.shortDescription);
    expect((await t.ok(COUNT_INCIDENTS, { f: { shortDescription: { in: [text[0], 'x'.repeat(500)] } } })).incidents.totalCount).toBe(1);
  });
});

describe('cursors', () => {
  const page = `query($o: [IncidentOrderBy!], $a: String) { incidents(orderBy: $o, first: 2, after: $a) { nodes { id } pageInfo { endCursor hasNextPage } } }`;
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('an array where a scalar belongs (the reported shape) is INVALID_CURSOR, not an internal error', async () => {
    for (const c of [cursorOf(['id:a', [1, 2]]), cursorOf(['id:a', { a: 1 }]), cursorOf(['id:a', '1; DROP']), cursorOf(['id:a', null]), cursorOf(['id:a', 2 ** 64])])
      expect(refusal(await t.gql(page, { a: c }, employee)), c).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('values are checked against each order column: integer, text, timestamp, choice, nullable', async () => {
    const bad: [string, unknown[]][] = [
      ['PRIORITY_ASC', ['priority:a,id:a', 'high', 1]],
      ['PRIORITY_ASC', ['priority:a,id:a', 2 ** 31, 1]],
      ['SHORT_DESCRIPTION_ASC', ['short_description:a,id:a', 5, 1]],
      ['SHORT_DESCRIPTION_ASC', ['short_description:a,id:a', 'x'.repeat(161), 1]],
      ['OPENED_AT_ASC', ['opened_at:a,id:a', '2026-02-30T00:00:00+00:00', 1]],
      ['OPENED_AT_ASC', ['opened_at:a,id:a', 'yesterday', 1]],
      ['OPENED_AT_ASC', ['opened_at:a,id:a', true, 1]],
      ['STATE_DESC', ['state:d,id:d', null, 1]],
    ];
    for (const [order, value] of bad) expect(refusal(await t.gql(page, { o: [order], a: cursorOf(value) })), JSON.stringify(value)).toMatchObject({ code: 'INVALID_CURSOR' });
    // A nullable column's cursor may hold null (the page after the rows without a value).
    expect((await t.gql(page, { o: ['OPENED_AT_ASC'], a: cursorOf(['opened_at:a,id:a', null, 1]) })).errors).toBeUndefined();
  });

  it('cursors the API issued still page through every order, forwards, to the same records as one page', async () => {
    for (const order of ['PRIORITY_ASC', 'SHORT_DESCRIPTION_DESC', 'OPENED_AT_ASC', 'STATE_DESC', 'CREATED_AT_DESC', 'ID_DESC']) {
      const all = (await t.ok(`query($o: [IncidentOrderBy!]) { incidents(orderBy: $o, first: 100) { nodes { id } } }`, { o: [order] })).incidents.nodes;
      const seen: unknown[] = [];
      let after: string | null = null;
      for (;;) {
        const r: any = (await t.ok(page, { o: [order], a: after })).incidents;
        seen.push(...r.nodes);
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      expect(seen, order).toEqual(all);
    }
  });
});

describe('strings', () => {
  const create = `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id shortDescription } } }`;

  it('a 300,000-character shortDescription (maxLength 160) is refused naming the field and its limit; nothing is stored', async () => {
    const before = await fingerprint();
    const r = refusal(await t.gql(create, { i: { shortDescription: 'x'.repeat(300_000) } }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shortDescription', maxLength: 160, length: 300_000 });
    expect(r.message).toMatch(/shortDescription.*160/);
    expect(await fingerprint()).toBe(before);
    // An update too.
    const [id] = data.incidents;
    const v = (await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { version } } }`, { id })).node.version;
    expect(refusal(await t.gql(`mutation($id: ID!, $v: Int!, $p: IncidentPatch!) { updateIncident(input: { id: $id, version: $v, patch: $p }) { incident { id } } }`, { id, v, p: { shortDescription: 'y'.repeat(161) } }))).toMatchObject({ field: 'shortDescription', maxLength: 160 });
    expect(await fingerprint()).toBe(before);
  });

  it('length counts characters as PostgreSQL does (code points): 160 emoji fit, 161 do not', async () => {
    const emoji = '🙂';
    const d = await t.ok(create, { i: { shortDescription: emoji.repeat(160) } });
    expect(d.createIncident.incident.shortDescription).toBe(emoji.repeat(160));
    expect(refusal(await t.gql(create, { i: { shortDescription: emoji.repeat(161) } }))).toMatchObject({ field: 'shortDescription', length: 161 });
  });

  it('a filter value longer than the field is never cut: it matches nothing, not the record with its first 160 characters', async () => {
    const text = 'z'.repeat(160);
    await t.ok(create, { i: { shortDescription: text } });
    const count = async (f: unknown) => (await t.ok(COUNT_INCIDENTS, { f })).incidents.totalCount;
    expect(await count({ shortDescription: { eq: text } })).toBe(1);
    expect(await count({ shortDescription: { eq: text + 'z'.repeat(299_840) } })).toBe(0);
    expect(await count({ shortDescription: { in: [text + 'zz'] } })).toBe(0);
    expect(await count({ shortDescription: { gte: text + 'z', startsWith: 'zzz' } })).toBe(0);
    expect(await count({ shortDescription: { lt: text + 'z', startsWith: 'zzz' } })).toBe(1);
  });

  it('NUL in a filter (variables and literal) and in a create: 400 BAD_USER_INPUT naming where; nothing is stored', async () => {
    const before = await fingerprint();
    const v = await t.gql(COUNT_INCIDENTS, { f: { or: [{ state: { eq: 'NEW' } }, { shortDescription: { contains: 'a\u0000b' } }] } }, employee);
    expect(v.status).toBe(400);
    expect(refusal(v)).toMatchObject({ code: 'BAD_USER_INPUT', path: '$f.or[1].shortDescription.contains' });
    const l = await t.gql(`{ incidents(filter: { shortDescription: { eq: "a\\u0000" } }) { totalCount } }`, {}, employee);
    expect(l.status).toBe(400);
    expect(refusal(l)).toMatchObject({ code: 'BAD_USER_INPUT', path: 'incidents(filter).shortDescription.eq' });
    const c = await t.gql(create, { i: { shortDescription: 'ok', description: 'before\u0000after' } });
    expect(c.status).toBe(400);
    expect(refusal(c)).toMatchObject({ code: 'BAD_USER_INPUT', path: '$i.description' });
    const j = await t.gql(`mutation { createIncident(input: { shortDescription: "x\\u0000" }) { incident { id } } }`);
    expect(refusal(j)).toMatchObject({ code: 'BAD_USER_INPUT', path: 'createIncident(input).shortDescription' });
    expect(await fingerprint()).toBe(before);
  });
});

describe('request bodies', () => {
  it('invalid UTF-8 in the JSON body: 400 saying so (not decoded to U+FFFD)', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ incidents(filter: { shortDescription: { eq: \\"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\\" } }) { totalCount } }"}')]);
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]).toMatchObject({ message: 'the request body is not valid UTF-8', extensions: { code: 'BAD_REQUEST' } });
    // Valid multi-byte UTF-8 passes.
    expect((await post(Buffer.from(JSON.stringify({ query: '{ incidents(filter: { shortDescription: { eq: "é🙂" } }) { totalCount } }' })))).status).toBe(200);
  });

  it('more than 50 invalid variable values (graphql-js stops counting) is a client error, not an internal one', async () => {
    const r = await t.gql(COUNT_INCIDENTS, { f: { or: Array(60).fill({ priority: { eq: 'x' } }) } });
    expect(r.status).toBe(400);
    expect(r.errors!.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(r.errors!.at(-1)).toMatchObject({ message: expect.stringMatching(/Too many errors/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('a list literal nested past what the parser can take is a 400 parse error, not a 500', async () => {
    const r = await t.gql(`{ incidents(filter: { priority: { in: ${'['.repeat(2490)}1${']'.repeat(2490)} } }) { totalCount } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('over the WebSocket', () => {
  it('deep variables and NUL are refused with BAD_USER_INPUT there too', async () => {
    const client = createClient({ url: `${t.atrium.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${t.adminToken}` }, retryAttempts: 0 });
    const run = (query: string, variables: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => {
        client.subscribe({ query, variables }, { next: (r) => resolve(r), error: (e) => resolve({ errors: e }), complete: () => {} });
      });
    try {
      const deep = (await run(COUNT_INCIDENTS, { f: nested('not', 40, { state: { eq: 'NEW' } }) })) as { errors: { extensions: Record<string, unknown> }[] };
      expect(deep.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxVariablesDepth' });
      const literal = (await run(`{ incidents(filter: { shortDescription: { eq: "\\u0000" } }) { totalCount } }`, {})) as { errors: { extensions: Record<string, unknown> }[] };
      expect(literal.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      // The query-shape rules of HTTP (graphql-armor's depth limit of 12) hold there as well.
      const tooDeep = `{ incidents { nodes { caller { manager { manager { manager { manager { manager { manager { manager { manager { manager { manager { name } } } } } } } } } } } } } }`;
      const shape = (await run(tooDeep, {})) as { errors: { message: string }[] };
      expect(shape.errors[0].message).toMatch(/depth/i);
      const fine = (await run(COUNT_INCIDENTS, { f: { state: { eq: 'NEW' } } })) as { data: unknown };
      expect(fine.data).toBeTruthy();
    } finally {
      await client.dispose();
    }
  });
});
