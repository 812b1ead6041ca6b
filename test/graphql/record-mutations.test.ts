import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallData, importItsm, type SmallData } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let data: SmallData;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  data = await createSmallData(t, 2);
});
afterAll(() => t?.stop());

const CREATE = `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { clientMutationId incident { id number version state priority impact caller { name } createdBy } } }`;
const UPDATE = `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id version state shortDescription } } }`;

describe('record mutations', () => {
  it('creates with defaults and a number, in one statement', async () => {
    const { result, sql } = await t.statements(() => t.gql(CREATE, { i: { shortDescription: 'Disk full', caller: data.people[0], clientMutationId: 'c1' } }));
    expect(result.errors).toBeUndefined();
    expect(sql).toHaveLength(1);
    const inc = result.data.createIncident.incident;
    expect(result.data.createIncident.clientMutationId).toBe('c1');
    expect(inc).toMatchObject({ version: 1, state: 'NEW', priority: 4, impact: 'MEDIUM', caller: { name: 'Ada' }, createdBy: 'admin' });
    expect(inc.number).toMatch(/^INC\d{7}$/);
  });

  it('updates with the version it read; a stale version is a CONFLICT and changes nothing', async () => {
    const created = (await t.ok(CREATE, { i: { shortDescription: 'Slow VPN' } })).createIncident.incident;
    const u1 = await t.ok(UPDATE, { i: { id: created.id, version: 1, patch: { description: 'Since Monday' } } });
    expect(u1.updateIncident.incident).toMatchObject({ version: 2, state: 'NEW', shortDescription: 'Slow VPN' });
    const stale = await t.gql(UPDATE, { i: { id: created.id, version: 1, patch: { shortDescription: 'overwritten' } } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/version 2/);
    const now = await t.ok(`query($id: ID!) { incident(id: $id) { version shortDescription } }`, { id: created.id });
    expect(now.incident).toEqual({ version: 2, shortDescription: 'Slow VPN' });
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const created = (await t.ok(CREATE, { i: { shortDescription: 'Race' } })).createIncident.incident;
    const results = await Promise.all(
      ['a', 'b', 'c'].map((x) => t.gql(UPDATE, { i: { id: created.id, version: 1, patch: { shortDescription: `by ${x}` } } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(2);
  });

  it('gives unique numbers under concurrent inserts', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => t.ok(CREATE, { i: { shortDescription: `burst ${i}` } })));
    const numbers = made.map((m) => m.createIncident.incident.number);
    expect(new Set(numbers).size).toBe(20);
  });

  it('deletes, optionally checking the version, and reports a missing record as NOT_FOUND', async () => {
    const created = (await t.ok(CREATE, { i: { shortDescription: 'Temp' } })).createIncident.incident;
    const wrong = await t.gql(`mutation($i: DeleteIncidentInput!) { deleteIncident(input: $i) { deletedId } }`, { i: { id: created.id, version: 7 } });
    expect(wrong.errors?.[0].extensions?.code).toBe('CONFLICT');
    const del = await t.ok(`mutation($i: DeleteIncidentInput!) { deleteIncident(input: $i) { deletedId incident { shortDescription } } }`, { i: { id: created.id, version: 1 } });
    expect(del.deleteIncident).toEqual({ deletedId: created.id, incident: { shortDescription: 'Temp' } });
    const again = await t.gql(`mutation($i: DeleteIncidentInput!) { deleteIncident(input: $i) { deletedId } }`, { i: { id: created.id } });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses bad input with a clear code: unique, wrong reference type, missing required, referenced record', async () => {
    const dup = await t.gql(`mutation { createPerson(input: { userName: "x", name: "X", email: "p0@example.com" }) { person { id } } }`);
    expect(dup.errors?.[0].extensions?.code).toBe('UNIQUE_VIOLATION');
    expect(dup.errors?.[0].message).toMatch(/email/);
    const wrongRef = await t.gql(CREATE, { i: { shortDescription: 'x', caller: data.groups[0] } });
    expect(wrongRef.errors?.[0].extensions?.code).toBe('INVALID_ID');
    const missing = await t.gql(`mutation { createIncident(input: { priority: 2 }) { incident { id } } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const nulled = await t.gql(UPDATE, { i: { id: data.incidents[0], version: 1, patch: { shortDescription: null } } });
    expect(nulled.errors?.[0].extensions?.code).toBe('REQUIRED_FIELD');
    const referenced = await t.gql(`mutation($i: DeleteIncidentInput!) { deleteIncident(input: $i) { deletedId } }`, { i: { id: data.incidents[0] } });
    expect(referenced.errors?.[0].extensions?.code).toBe('REFERENCED');
    const anonymous = await t.gql(CREATE, { i: { shortDescription: 'anon' } }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const read of [`{ incidents { totalCount } }`, `{ incidentsAggregate { count } }`, `query($id: ID!) { node(id: $id) { id } }`, `query($id: ID!) { incident(id: $id) { id } }`]) {
      const r = await t.gql(read, { id: data.incidents[0] }, null);
      expect(r.errors?.[0].extensions?.code, read).toBe('UNAUTHENTICATED');
      expect(r.data?.incidents ?? r.data?.node ?? r.data?.incident ?? null).toBeNull();
    }
  });
});
