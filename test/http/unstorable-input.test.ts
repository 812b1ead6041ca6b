import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The test server's development secret (test/helpers/test-server.ts): tokens an attacker could not make, made here. */
const DEV_SECRET = new TextEncoder().encode('test-secret-of-sufficient-length-123456');

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await t.ok(`mutation { createPerson(input: { userName: "ada", name: "Ada", email: "ada@example.com" }) { person { id } } }`);
});
afterAll(() => t?.stop());

const signIn = (body: unknown) => fetch(`${t.atrium.url}/auth/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function devToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('atrium-dev').setAudience('atrium').setIssuedAt().setExpirationTime('10m').sign(DEV_SECRET);
}

describe('characters PostgreSQL cannot store never reach it', () => {
  it('answers 400 for a NUL byte or control character in the development sign-in body, not 500', async () => {
    for (const [userName, what] of [
      ['ada\u0000', 'a NUL byte (U+0000)'],
      ['\u0000', 'a NUL byte (U+0000)'],
      ['ad\u001ba', 'a control character (U+001B)'],
    ]) {
      const res = await signIn({ userName });
      expect(res.status, JSON.stringify(userName)).toBe(400);
      expect(await res.json()).toEqual({
        errors: [{ message: `the user name contains ${what}; send the user name as it is written, without control characters`, extensions: { code: 'BAD_USER_INPUT' } }],
        developmentOnly: true,
      });
    }
    // The same request without it signs in.
    expect((await signIn({ userName: 'ada' })).status).toBe(200);
  });

  it('answers 401 for a validly signed token whose subject or name holds a NUL byte, not 500', async () => {
    for (const [claims, claim] of [
      [{ sub: 'ada\u0000' }, 'sub'],
      [{ sub: '\u0000' }, 'sub'],
      [{ sub: 'ada', name: 'Ada\u0000' }, 'name'],
    ] as const) {
      const r = await t.gql(`{ __typename }`, {}, await devToken(claims));
      expect(r.status, claim).toBe(401);
      expect(r.errors, claim).toEqual([{ message: `the token is not valid for this server: its "${claim}" claim contains a NUL byte (U+0000), which no user name, name or address may contain`, extensions: { code: 'UNAUTHENTICATED' } }]);
    }
    expect((await t.gql(`{ __typename }`, {}, await devToken({ sub: 'ada' }))).status).toBe(200);
  });
});
