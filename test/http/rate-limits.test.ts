import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
const ANONYMOUS = 3;
const SIGN_IN = 2;

beforeAll(async () => {
  t = await startTestServer({ config: { rateLimits: { anonymousPerMinute: ANONYMOUS, signInPerMinute: SIGN_IN } } });
});
afterAll(() => t?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.atrium.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

interface ErrorBody {
  errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[];
}

/** A 429 as the limiters answer it: GraphQL's error shape, when to retry, and the standard headers. */
async function expectLimited(res: Response, what: string, limit: number, policy: string): Promise<void> {
  expect(res.status).toBe(429);
  const body = (await res.json()) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions.code).toBe('RATE_LIMITED');
  expect(error.message).toMatch(new RegExp(`^too many ${what} from your address: at most ${limit} a minute; try again in \\d+ s$`));
  const seconds = Number(/try again in (\d+) s/.exec(error.message)![1]);
  expect(error.extensions.retryAfterSeconds).toBe(seconds);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(Number(res.headers.get('retry-after'))).toBe(seconds);
  expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"${policy}"; r=0; t=\\d+$`));
  expect(res.headers.get('ratelimit-policy')).toMatch(new RegExp(`^"${policy}"; q=${limit}; w=60`));
}

describe('rate limits per client address', () => {
  it('limits anonymous GraphQL requests, registration included, and leaves signed-in requests alone', async () => {
    for (let i = 0; i < ANONYMOUS; i++) {
      const res = await post('/graphql', { query: '{ __typename }' });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"anonymous"; r=${ANONYMOUS - 1 - i}; t=\\d+$`));
    }
    await expectLimited(await post('/graphql', { query: '{ __typename }' }), 'requests without sign-in', ANONYMOUS, 'anonymous');
    const register = await post('/graphql', {
      query: 'mutation($i: RegisterContactInput!) { registerContact(input: $i) { message } }',
      variables: { i: { userName: 'late.comer', name: 'Late', email: 'late@example.com', account: Buffer.from('Account:1').toString('base64url') } },
    });
    await expectLimited(register, 'requests without sign-in', ANONYMOUS, 'anonymous');

    // Signed in: not counted, not limited, no RateLimit headers.
    for (let i = 0; i < ANONYMOUS + 2; i++) {
      const res = await post('/graphql', { query: '{ __typename }' }, { authorization: `Bearer ${t.adminToken}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toBeNull();
    }
  });

  it('limits development sign-in, whether or not the user exists', async () => {
    const first = await post('/auth/dev/sign-in', { userName: 'nobody' });
    expect(first.status).toBe(403);
    expect((await fetch(`${t.atrium.url}/auth/dev/personas`)).status).toBe(200);
    await expectLimited(await post('/auth/dev/sign-in', { userName: 'admin' }), 'sign-in requests', SIGN_IN, 'sign-in');
    await expectLimited(await fetch(`${t.atrium.url}/auth/dev/personas`), 'sign-in requests', SIGN_IN, 'sign-in');
  });

  it('reads the limits from ATRIUM_RATE_LIMIT_*: whole numbers, 0 turning a limit off, a typo failing the start', () => {
    expect(loadConfig({}).rateLimits).toEqual({ anonymousPerMinute: 120, signInPerMinute: 30 });
    expect(loadConfig({ ATRIUM_RATE_LIMIT_ANONYMOUS: '0', ATRIUM_RATE_LIMIT_SIGN_IN: ' 5 ' }).rateLimits).toEqual({ anonymousPerMinute: 0, signInPerMinute: 5 });
    expect(() => loadConfig({ ATRIUM_RATE_LIMIT_ANONYMOUS: '12O' })).toThrow('ATRIUM_RATE_LIMIT_ANONYMOUS must be a whole number of requests a minute per client address (0 turns the limit off), not "12O"');
    expect(() => loadConfig({ ATRIUM_RATE_LIMIT_SIGN_IN: '-1' })).toThrow(/^ATRIUM_RATE_LIMIT_SIGN_IN must be a whole number/);
  });
});

describe('rate limits turned off', () => {
  it('does not limit or mark requests when the limit is 0', async () => {
    const off = await startTestServer({ database: t.database, config: { rateLimits: { anonymousPerMinute: 0, signInPerMinute: 0 } } });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${off.atrium.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
        expect(res.status).toBe(200);
        expect(res.headers.get('ratelimit')).toBeNull();
      }
    } finally {
      await off.stop();
    }
  });
});
