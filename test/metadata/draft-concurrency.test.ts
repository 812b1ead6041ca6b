import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { MetadataService } from '../../server/metadata/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Two admins editing one type used to lose work silently: every edit read the whole document, changed it and
// saved it back unchecked, and a publish deleted drafts by name, including one saved while it was prepared.

let t: TestServer;
let bob: string;
beforeAll(async () => {
  t = await startTestServer();
  bob = await t.token({ subject: 'bob', name: 'Bob', admin: true });
  await t.ok(`mutation { saveRecordTypeDraft(input: { name: "gizmo", label: "Gizmo", fields: [{ name: "title", label: "Title", type: STRING }] }) { name } }`);
  await t.ok(`mutation { publishMetadata(message: "gizmo") { version { id } } }`);
});
afterAll(() => t?.stop());

const ADD = `mutation($type: String!, $f: RecordFieldInput!, $v: Int) { addField(type: $type, field: $f, draftVersion: $v) { draftVersion fields { name } } }`;
const SAVE = `mutation($i: RecordTypeInput!, $v: Int) { saveRecordTypeDraft(input: $i, draftVersion: $v) { draftVersion hasDraft fields { name } } }`;
const text = (name: string) => ({ name, label: name, type: 'STRING' });

async function fieldsOf(type: string, includeDrafts: boolean): Promise<string[]> {
  const r = await t.ok(`query($n: String!, $d: Boolean!) { recordType(name: $n, includeDrafts: $d) { fields { name } } }`, { n: type, d: includeDrafts });
  return r.recordType.fields.map((f: { name: string }) => f.name);
}

describe('draft versions', () => {
  it('every save raises the version; an edit that names an older one is a CONFLICT saying who changed the draft and when', async () => {
    const first = (await t.ok(ADD, { type: 'gizmo', f: text('colour'), v: 0 })).addField;
    expect(first.draftVersion).toBeGreaterThan(0);
    const listed = (await t.ok(`{ recordTypes(includeDrafts: true) { name hasDraft draftVersion } }`)).recordTypes.find((r: any) => r.name === 'gizmo');
    expect(listed).toEqual({ name: 'gizmo', hasDraft: true, draftVersion: first.draftVersion });
    expect((await t.ok(`{ recordTypes { name draftVersion } }`)).recordTypes.find((r: any) => r.name === 'gizmo').draftVersion).toBeNull();

    const second = (await t.gql(ADD, { type: 'gizmo', f: text('size'), v: first.draftVersion }, bob)).data.addField;
    expect(second.draftVersion).toBeGreaterThan(first.draftVersion);

    const stale = await t.gql(ADD, { type: 'gizmo', f: text('weight'), v: first.draftVersion });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', draft: 'gizmo', currentVersion: second.draftVersion, updatedBy: 'bob' });
    expect(stale.errors?.[0].message).toMatch(new RegExp(`the draft "gizmo" was changed by bob at \\d{4}-\\d\\d-\\d\\dT[^ ]+Z \\(it is at version ${second.draftVersion}, you sent ${first.draftVersion}\\)`));
    expect(Date.parse(stale.errors?.[0].extensions?.updatedAt as string)).not.toBeNaN();
    // Version 0 says "there was no draft": there is one now.
    expect((await t.gql(ADD, { type: 'gizmo', f: text('weight'), v: 0 })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await fieldsOf('gizmo', true)).toEqual(['title', 'colour', 'size']);

    const drafts = (await t.ok(`{ metadataDrafts { name kind key version updatedBy removal baseVersion } }`)).metadataDrafts;
    expect(drafts).toEqual([{ name: 'gizmo', kind: 'recordType', key: 'gizmo', version: second.draftVersion, updatedBy: 'bob', removal: false, baseVersion: expect.any(Number) }]);
  });

  it('a whole-document save over a draft needs its version; without one it would overwrite, so it is refused', async () => {
    const { draftVersion } = (await t.ok(`{ recordType(name: "gizmo") { draftVersion } }`)).recordType;
    const doc = { name: 'gizmo', label: 'Gizmo', fields: [text('title'), text('colour')] };
    const blind = await t.gql(SAVE, { i: doc });
    expect(blind.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: draftVersion, updatedBy: 'bob' });
    expect(blind.errors?.[0].message).toMatch(/there is already a draft "gizmo" .*send draftVersion: \d+/);
    expect(await fieldsOf('gizmo', true)).toEqual(['title', 'colour', 'size']);
    const ok = (await t.ok(SAVE, { i: doc, v: draftVersion })).saveRecordTypeDraft;
    expect(ok).toEqual({ draftVersion: expect.any(Number), hasDraft: true, fields: [{ name: 'title' }, { name: 'colour' }] });
    expect(ok.draftVersion).toBeGreaterThan(draftVersion);
  });

  it('every relative edit and rule edit takes the version; discard only discards the version read', async () => {
    const v = async () => (await t.ok(`{ recordType(name: "gizmo") { draftVersion } }`)).recordType.draftVersion as number;
    const stale = (await v()) - 1;
    for (const op of [
      `mutation($v: Int) { updateField(type: "gizmo", name: "colour", field: { name: "colour", label: "Colour", type: TEXT }, draftVersion: $v) { name } }`,
      `mutation($v: Int) { renameField(type: "gizmo", from: "colour", to: "hue", draftVersion: $v) { name } }`,
      `mutation($v: Int) { removeField(type: "gizmo", name: "colour", draftVersion: $v) { name } }`,
    ])
      expect((await t.gql(op, { v: stale })).errors?.[0].extensions?.code).toBe('CONFLICT');
    await t.ok(`mutation($v: Int) { removeField(type: "gizmo", name: "colour", draftVersion: $v) { name } }`, { v: await v() });
    await t.ok(`mutation($v: Int) { restoreField(type: "gizmo", name: "colour", draftVersion: $v) { name } }`, { v: await v() });

    const criteria = { name: 'night_shift', label: 'Night shift', users: ['admin'] };
    const c1 = (await t.ok(`mutation($i: UserCriteriaInput!) { saveUserCriteriaDraft(input: $i) { draftVersion } }`, { i: criteria })).saveUserCriteriaDraft.draftVersion;
    expect((await t.gql(`mutation($i: UserCriteriaInput!) { saveUserCriteriaDraft(input: $i) { draftVersion } }`, { i: criteria })).errors?.[0].extensions?.code).toBe('CONFLICT');
    const c2 = (await t.ok(`mutation($i: UserCriteriaInput!, $v: Int) { saveUserCriteriaDraft(input: $i, draftVersion: $v) { draftVersion } }`, { i: { ...criteria, label: 'Nights' }, v: c1 })).saveUserCriteriaDraft.draftVersion;
    expect((await t.ok(`{ userCriteria { name draftVersion } }`)).userCriteria).toContainEqual({ name: 'night_shift', draftVersion: c2 });
    expect((await t.gql(`mutation($v: Int) { removeUserCriteria(name: "night_shift", draftVersion: $v) }`, { v: c1 })).errors?.[0].extensions?.code).toBe('CONFLICT');

    const acl = { name: 'gizmo_read', recordType: 'gizmo', operation: 'READ' };
    const a1 = (await t.ok(`mutation($i: AclInput!) { saveAclDraft(input: $i) { draftVersion } }`, { i: acl })).saveAclDraft.draftVersion;
    expect((await t.ok(`{ acls(recordType: "gizmo") { name draftVersion } }`)).acls).toEqual([{ name: 'gizmo_read', draftVersion: a1 }]);
    expect((await t.gql(`mutation($v: Int) { removeAcl(name: "gizmo_read", draftVersion: $v) }`, { v: a1 - 1 })).errors?.[0].extensions?.code).toBe('CONFLICT');

    const discardStale = await t.gql(`mutation($d: [DraftRefInput!]) { discardDrafts(drafts: $d) }`, { d: [{ name: 'acl:gizmo_read', version: a1 }, { name: 'criteria:night_shift', version: c1 }] });
    expect(discardStale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', draft: 'criteria:night_shift', currentVersion: c2 });
    // All or nothing: the ACL draft named with its right version is still there.
    expect((await t.ok(`{ metadataDrafts { name } }`)).metadataDrafts.map((d: any) => d.name)).toEqual(['acl:gizmo_read', 'criteria:night_shift', 'gizmo']);
    expect((await t.ok(`mutation($d: [DraftRefInput!]) { discardDrafts(drafts: $d) }`, { d: [{ name: 'acl:gizmo_read', version: a1 }, { name: 'criteria:night_shift', version: c2 }] })).discardDrafts).toBe(2);
    expect((await t.ok(`{ metadataDrafts { name } }`)).metadataDrafts.map((d: any) => d.name)).toEqual(['gizmo']);
  });
});

describe('concurrent edits lose nothing', () => {
  it('many addField calls on one type at once: every one answers OK and every field is there', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `part_${i}`);
    const results = await Promise.all(names.map((n, i) => t.gql(ADD, { type: 'gizmo', f: text(n) }, i % 2 ? bob : t.adminToken)));
    expect(results.map((r) => r.errors)).toEqual(names.map(() => undefined));
    expect(new Set(results.map((r) => r.data.addField.draftVersion)).size).toBe(names.length);
    expect(await fieldsOf('gizmo', true)).toEqual(expect.arrayContaining(names));
  });

  it('a draft saved while a publish is being prepared survives the publish as a draft', async () => {
    await t.ok(`mutation { discardDrafts }`);
    await t.ok(ADD, { type: 'gizmo', f: text('before_publish') });
    // A publish through a database whose transactions wait at a gate: it has read the drafts and not yet begun.
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const atGate = new Promise<void>((r) => (reached = r));
    const db = t.atrium.db;
    const gated: Database = Object.assign(Object.create(db) as Database, {
      transaction: async <T>(fn: Parameters<Database['transaction']>[0]) => {
        reached();
        await gate;
        return db.transaction(fn) as Promise<T>;
      },
    });
    const publishing = new MetadataService(gated, t.atrium.registry).publishDrafts('admin', 'gated');
    await atGate;
    const during = (await t.ok(ADD, { type: 'gizmo', f: text('during_publish') })).addField.draftVersion;
    release();
    const published = await publishing;
    expect(published.version).not.toBeNull();

    expect(await fieldsOf('gizmo', false)).toContain('before_publish');
    expect(await fieldsOf('gizmo', false)).not.toContain('during_publish');
    expect((await t.ok(`{ metadataDrafts { name version } }`)).metadataDrafts).toEqual([{ name: 'gizmo', version: during }]);
    await t.ok(`mutation { publishMetadata(message: "the rest") { version { id } } }`);
    expect(await fieldsOf('gizmo', false)).toEqual(expect.arrayContaining(['before_publish', 'during_publish']));
    expect((await t.ok(`{ metadataDrafts { name } }`)).metadataDrafts).toEqual([]);
  });
});
