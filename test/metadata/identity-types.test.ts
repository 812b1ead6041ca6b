import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_TYPES } from '../../schema/index.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const types = async () => (await t.ok(`{ recordTypes(includeDrafts: false) { name archived } }`)).recordTypes as { name: string; archived: boolean }[];

describe('the platform identity types', () => {
  it('are version 1 of a new installation, and a pack that omits them keeps them', async () => {
    const versions = (await t.ok(`{ metadataVersions { id author message } }`)).metadataVersions;
    expect(versions.at(-1)).toMatchObject({ id: 1, author: 'system', message: 'platform identity types' });
    for (const name of Object.values(IDENTITY_TYPES)) expect((await types()).find((x) => x.name === name)).toMatchObject({ archived: false });
    await importItsm(t);
    for (const name of Object.values(IDENTITY_TYPES)) expect((await types()).find((x) => x.name === name)).toMatchObject({ archived: false });
    expect(await t.atrium.metadata.installIdentityTypes()).toBe(false);
  });

  it('take fields an organisation adds, and refuse to lose the ones access depends on', async () => {
    await t.ok(`mutation { addField(type: "person", field: { name: "employee_number", label: "Employee number", type: STRING }) { name } }`);
    await t.ok(`mutation { publishMetadata(message: "employee number") { version { id } } }`);
    const created = await t.ok(`mutation { createPerson(input: { userName: "zoe", name: "Zoe", employeeNumber: "E-42" }) { person { employeeNumber } } }`);
    expect(created.createPerson.person.employeeNumber).toBe('E-42');

    await t.ok(`mutation { removeField(type: "person", name: "user_name") { name } }`);
    const r = await t.gql(`mutation { publishMetadata(message: "bad") { version { id } } }`);
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/platform type "person" needs its field user_name/);
    await t.ok(`mutation { discardDrafts }`);
  });

  it('an upgrade adds the fields a newer Atrium ships to an installation that lacks them, keeping its data', async () => {
    const head = (await t.atrium.metadata.published()).snapshot;
    const older = (name: string, lacking: string[]) => ({ ...head.recordTypes[name], fields: head.recordTypes[name].fields.filter((f) => !lacking.includes(f.name)) });
    // An installation made before approval flows: its tables lack the columns too.
    const before = { ...head, recordTypes: { ...head.recordTypes, approval: older('approval', ['flow_instance', 'flow_node', 'due_at']), account: older('account', ['approver']) } };
    await t.atrium.db.run(sql`ALTER TABLE records.approval DROP COLUMN flow_instance, DROP COLUMN flow_node, DROP COLUMN due_at`);
    await t.atrium.db.run(sql`ALTER TABLE records.account DROP COLUMN approver`);
    await t.atrium.db.run(sql`INSERT INTO atrium.meta_version (id, author, message, snapshot, diff) VALUES ((SELECT max(id) + 1 FROM atrium.meta_version), 'test', 'an older Atrium', ${JSON.stringify(before)}::jsonb, '[]'::jsonb)`);
    const account = await t.ok(`mutation { createAccount(input: { name: "Older Corp" }) { account { id } } }`);

    expect(await t.atrium.metadata.installIdentityTypes()).toBe(true);
    const upgraded = (await t.atrium.metadata.published()).snapshot;
    const names = (type: string) => upgraded.recordTypes[type].fields.filter((f) => !f.archived).map((f) => f.name);
    expect(names('approval')).toEqual(expect.arrayContaining(['flow_instance', 'flow_node', 'due_at', 'document']));
    expect(names('account')).toContain('approver');
    expect(upgraded.recordTypes.approval.fields.find((f) => f.name === 'flow_node')?.id).toBe('approval.flow_node');
    // The columns exist again and the data stayed.
    const cols = await t.atrium.db.run<{ c: string }>(sql`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'records' AND table_name IN ('approval', 'account') AND column_name IN ('flow_instance', 'flow_node', 'due_at', 'approver')`);
    expect(cols.map((c) => c.c).sort()).toEqual(['account.approver', 'approval.approver', 'approval.due_at', 'approval.flow_instance', 'approval.flow_node']);
    const again = await t.ok(`query($id: ID!) { node(id: $id) { ... on Account { name approver { id } } } }`, { id: account.createAccount.account.id });
    expect(again.node).toEqual({ name: 'Older Corp', approver: null });
    expect(await t.atrium.metadata.installIdentityTypes()).toBe(false);
  });

  it('an installation whose identity types are damaged (a field archived) says what to do instead of failing later', async () => {
    const head = (await t.atrium.metadata.published()).snapshot;
    const person = head.recordTypes.person;
    const damaged = { ...head, recordTypes: { ...head.recordTypes, person: { ...person, fields: person.fields.map((f) => (f.name === 'account' ? { ...f, archived: true } : f)) } } };
    await t.atrium.db.run(sql`INSERT INTO atrium.meta_version (id, author, message, snapshot, diff) VALUES ((SELECT max(id) + 1 FROM atrium.meta_version), 'test', 'an older shape', ${JSON.stringify(damaged)}::jsonb, '[]'::jsonb)`);
    await expect(t.atrium.metadata.installIdentityTypes()).rejects.toThrow(/platform type "person" needs its field account.*start with a fresh ATRIUM_DATA_DIR/);
  });
});
