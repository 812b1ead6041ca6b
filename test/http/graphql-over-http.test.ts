import { serverAudits } from 'graphql-http';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// What test/helpers/test-server.ts configures; tokens signed here are otherwise valid for the server.
const SECRET = new TextEncoder().encode('test-secret-of-sufficient-length-123456');

let t: TestServer;
let endpoint: string;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  endpoint = `${t.atrium.url}/graphql`;
});
afterAll(() => t?.stop());

interface RawResponse {
  status: number;
  text: string;
  body: any;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${t.adminToken}`, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

/** Nothing a client sees may reveal the implementation: no stack frames, no SQL, no driver messages. */
function expectNothingInternal(text: string): void {
  expect(text).not.toMatch(/\bat .+:\d+:\d+|stacktrace|"stack"/i);
  expect(text).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.+\b(FROM|INTO|SET|WHERE)\b/);
  expect(text).not.toMatch(/relation|postgres|pglite|records\.|"records"/i);
}

function signed(claims: { exp?: number; iss?: string; aud?: string } = {}) {
  return new SignJWT({ name: 'Someone', admin: true })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(claims.iss ?? 'atrium-dev')
    .setAudience(claims.aud ?? 'atrium')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 3600)
    .sign(SECRET);
}

describe('GraphQL over HTTP', () => {
  it('passes every MUST and every SHOULD audit of graphql-http', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${t.adminToken}`);
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: endpoint, fetchFn });
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(20);
    const failed: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith('MUST') || a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });

  it('answers a request error with 200 to a client that accepts only application/json, and 400 under the GraphQL media type', async () => {
    const invalid = JSON.stringify({ query: '{ noSuchField }' });
    const legacy = await post(invalid, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(legacy.body.data).toBeUndefined();
    const modern = await post(invalid, { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    // A body that is not JSON is a transport failure: 400 for every client.
    expect((await post('{', { accept: 'application/json' })).status).toBe(400);
  });

  it('answers a malformed JSON body with 400 BAD_REQUEST and nothing else', async () => {
    const res = await post('{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expectNothingInternal(res.text);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/larger than 1000000 bytes/);
    expectNothingInternal(res.text);
  });

  it('blocks a GET without a content type as a possible CSRF, and serves one a browser cannot forge', async () => {
    const query = encodeURIComponent('{ __typename }');
    const simple = await fetch(`${endpoint}?query=${query}`, { headers: { accept: 'application/json', authorization: `Bearer ${t.adminToken}` } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(`${endpoint}?query=${query}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${t.adminToken}` } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  describe('refuses a token it cannot trust with 401 UNAUTHENTICATED', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['a token that is not a JWT', async () => 'Bearer not-a-token', /not valid/],
      ['an expired token', async () => `Bearer ${await signed({ exp: now() - 60 })}`, /expired/],
      ['a token for another issuer', async () => `Bearer ${await signed({ iss: 'someone-else' })}`, /not valid/],
      ['a token for another audience', async () => `Bearer ${await signed({ aud: 'another-app' })}`, /not valid/],
      ['an unsigned (alg: none) token', async () => `Bearer ${new UnsecuredJWT({ name: 'Mallory', admin: true }).setSubject('mallory').setIssuer('atrium-dev').setAudience('atrium').setExpirationTime('1h').encode()}`, /not valid/],
      ['a token signed with another secret', async () => `Bearer ${await new SignJWT({ admin: true }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('atrium-dev').setAudience('atrium').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-of-sufficient-length-000'))}`, /not valid/],
      ['a header that is not Bearer', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`, /Bearer/],
    ];
    it.each(cases)('%s', async (_name, header, message) => {
      const res = await post(JSON.stringify({ query: '{ incidents { totalCount } }' }), { authorization: await header() });
      expect(res.status).toBe(401);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(res.body.errors[0].message).toMatch(message);
      expect(res.body.data).toBeUndefined();
      expectNothingInternal(res.text);
    });

    it('accepts the same kind of token when it is valid', async () => {
      const res = await post(JSON.stringify({ query: '{ incidents { totalCount } }' }), { authorization: `Bearer ${await signed()}` });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { incidents: { totalCount: 0 } } });
    });
  });

  it('masks an internal failure: a generic message, no stack, no SQL', async () => {
    // Pull the incident table out from under the server: every statement on it now fails inside PostgreSQL.
    await t.database.db.run({ sql: 'ALTER TABLE "records"."incident" RENAME TO "incident_away"', params: [] });
    try {
      const read = await post(JSON.stringify({ query: '{ incidents { totalCount nodes { number } } }' }));
      const write = await post(JSON.stringify({ query: 'mutation { createIncident(input: { shortDescription: "x" }) { incident { id } } }' }));
      for (const res of [read, write]) {
        expect(res.status).toBe(200);
        expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Internal server error; it has been logged.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
        expectNothingInternal(res.text);
      }
    } finally {
      await t.database.db.run({ sql: 'ALTER TABLE "records"."incident_away" RENAME TO "incident"', params: [] });
    }
    expect(await t.ok('{ incidents { totalCount } }')).toEqual({ incidents: { totalCount: 0 } });
  });

  it('shows request errors as they are, with a code and without a stack', async () => {
    const syntax = await post(JSON.stringify({ query: '{ incidents { ' }));
    const unknown = await post(JSON.stringify({ query: '{ incidents { totalCount nope } }' }));
    const variables = await post(JSON.stringify({ query: 'query($n: Int!) { incidents(first: $n) { totalCount } }', variables: { n: 'ten' } }));
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.body.errors[0].message).toMatch(/nope/);
    expect(variables.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    for (const res of [syntax, unknown, variables]) {
      expect(res.status).toBe(400);
      expectNothingInternal(res.text);
    }
  });

  describe('graphql-armor limits', () => {
    it('rejects a query 20 levels deep', async () => {
      // journalEntries > nodes > record > journalEntries > … : 19 object fields and a leaf, 20 levels.
      const cycle = ['journalEntries', 'nodes', 'record'];
      const path = Array.from({ length: 19 }, (_, i) => cycle[i % 3]);
      path.push(path.at(-1) === 'journalEntries' ? 'totalCount' : 'id');
      const query = `{ ${path.join(' { ')}${' }'.repeat(path.length - 1)} }`;
      expect(query.match(/\{/g)).toHaveLength(20);
      const res = await post(JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].message).toMatch(/depth limit of 12 exceeded/i);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('rejects a query with 100 aliases', async () => {
      const query = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: incidents { totalCount }`).join(' ')} }`;
      const res = await post(JSON.stringify({ query }));
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].message).toMatch(/aliases limit of 30 exceeded/i);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('rejects a document of more than 5000 tokens as a parse failure', async () => {
      const query = `{ ${'__typename '.repeat(5000)}}`;
      const res = await post(JSON.stringify({ query }));
      expect(res.status).toBe(400);
      // graphql-js 16 words it "more that 5000 tokens".
      expect(res.body.errors[0].message).toMatch(/more th.t 5000 tokens/);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('lets a query just inside the limits through', async () => {
      const query = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: incidents { totalCount }`).join(' ')} }`;
      const res = await post(JSON.stringify({ query }));
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.data)).toHaveLength(30);
    });
  });
});
