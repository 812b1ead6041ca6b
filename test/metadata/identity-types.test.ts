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

  it('an installation whose identity types are damaged says what to do instead of failing later', async () => {
    const head = (await t.atrium.metadata.published()).snapshot;
    const person = head.recordTypes.person;
    const damaged = { ...head, recordTypes: { ...head.recordTypes, person: { ...person, fields: person.fields.filter((f) => f.name !== 'account') } } };
    await t.atrium.db.run(sql`INSERT INTO atrium.meta_version (id, author, message, snapshot, diff) VALUES ((SELECT max(id) + 1 FROM atrium.meta_version), 'test', 'an older shape', ${JSON.stringify(damaged)}::jsonb, '[]'::jsonb)`);
    await expect(t.atrium.metadata.installIdentityTypes()).rejects.toThrow(/platform type "person" needs its field account.*start with a fresh ATRIUM_DATA_DIR/);
  });
});
