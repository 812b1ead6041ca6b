import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { startAtrium, type Atrium } from '../../server/atrium.js';
import { loadConfig } from '../../server/config.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const ISSUER = 'https://idp.example.test/realms/acme';
const AUDIENCE = 'atrium-api';
let key: CryptoKey;
let stranger: CryptoKey;
let atrium: Atrium;
let database: TestDatabase;

function token(sub: string, claims: JWTPayload = {}, options: { kid?: string; signWith?: CryptoKey } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(options.signWith ?? key);
}

async function gql(query: string, bearer: string | null, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${atrium.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  stranger = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  database = await openTestDatabase();
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    oidc: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] }, algorithms: ['RS256'], userClaim: 'sub' },
    adminSubjects: ['root@idp'],
  };
  atrium = await startAtrium(config, { db: database.db, keepDatabase: true, log: pino({ level: 'silent' }) });
  // The first administrator arrives through the identity provider and sets everything up over the API.
  const root = await token('root@idp');
  const imported = await gql(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false) { applied } }`, root, { f: await readPack(...DEMO_PACKS) });
  expect(imported.errors).toBeUndefined();
  const run = async (q: string, v: Record<string, unknown> = {}) => {
    const r = await gql(q, root, v);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const person = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`;
  const erin = (await run(person, { i: { userName: 'erin.employee', name: 'Erin' } })).createPerson.person.id;
  const other = (await run(person, { i: { userName: 'omar', name: 'Omar' } })).createPerson.person.id;
  for (const [caller, n] of [[erin, 2], [other, 3]] as const)
    for (let i = 0; i < n; i++) await run(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: { shortDescription: `Problem ${i}`, caller } });
}, 120_000);
afterAll(async () => {
  await atrium?.stop();
  await database?.drop();
});

describe('signing in through an OIDC provider', () => {
  it('a user of the provider is the Atrium user its subject names, with that user’s access', async () => {
    const erin = await gql(`{ incidents { totalCount } customerCases { totalCount } }`, await token('erin.employee'));
    const all = await gql(`{ incidents { totalCount } }`, await token('root@idp'));
    expect(erin.errors).toBeUndefined();
    expect(erin.data.incidents.totalCount).toBe(2);
    expect(all.data.incidents.totalCount).toBe(5);
    expect(erin.data.customerCases.totalCount).toBe(0);
  });

  it.each([
    ['a subject with no Atrium user', () => token('ghost@idp'), /there is no Atrium user "ghost@idp"/],
    ['an unknown key id', () => token('erin.employee', {}, { kid: 'k9' }), /kid/],
    ['a token signed by someone else', () => token('erin.employee', {}, { signWith: stranger }), /signature/],
    ['an expired token', () => new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('erin.employee').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key), /expired/],
    ['a token for another audience', () => new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('erin.employee').setIssuer(ISSUER).setAudience('other').setExpirationTime('5m').sign(key), /audience/],
  ])('refuses %s with 401 and says why', async (_name, make, message) => {
    const r = await gql(`{ incidents { totalCount } }`, await make());
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(message);
  });

  it('turns development sign-in off', async () => {
    const personas = await fetch(`${atrium.url}/auth/dev/personas`);
    expect(personas.status).toBe(404);
    const signIn = await fetch(`${atrium.url}/auth/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userName":"admin"}' });
    expect(signIn.status).toBe(404);
    expect(atrium.auth.devSignIn).toBe(false);
  });
});
