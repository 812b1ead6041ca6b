import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const SAVE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name hasDraft } }`;
const PUBLISH = `mutation($m: String!) { publishMetadata(message: $m) { version { id author } changes { kind path } ddl } }`;

async function publish(message: string) {
  return t.gql(PUBLISH, { m: message });
}

async function state() {
  const d = await t.ok(`{ metadataVersions(limit: 1) { id } }`);
  const rows = await t.atrium.db.run({ sql: `SELECT count(*)::int AS n FROM records.asset`, params: [] }).catch(() => [{ n: -1 }]);
  return { version: d.metadataVersions[0]?.id ?? 0, assets: rows[0].n, sdl: (await t.gql(`{ __schema { types { name } } }`)).data.__schema.types.length };
}

describe('publishing and evolving a record type with data in it', () => {
  it('publishes a draft and serves the new type at once, without restart', async () => {
    await t.ok(SAVE, {
      i: {
        name: 'asset',
        label: 'Asset',
        numberPrefix: 'AST',
        displayField: 'name',
        fields: [
          { name: 'name', label: 'Name', type: 'STRING', required: true },
          { name: 'serial', label: 'Serial number', type: 'STRING', maxLength: 40 },
          { name: 'cost', label: 'Cost', type: 'INTEGER' },
          { name: 'kind', label: 'Kind', type: 'CHOICE', choices: [{ value: 'laptop', label: 'Laptop' }, { value: 'phone', label: 'Phone' }] },
          { name: 'purchased', label: 'Purchased', type: 'DATE' },
          { name: 'warranty', label: 'Warranty', type: 'DURATION' },
          { name: 'tags', label: 'Tags', type: 'MULTI_CHOICE', choices: [{ value: 'leased', label: 'Leased' }, { value: 'spare', label: 'Spare' }] },
          { name: 'specs', label: 'Specs', type: 'JSON' },
          { name: 'site', label: 'Site URL', type: 'URL' },
          { name: 'owner_email', label: 'Owner e-mail', type: 'EMAIL' },
          { name: 'depreciation', label: 'Depreciation', type: 'DECIMAL' },
          { name: 'active', label: 'Active', type: 'BOOLEAN' },
          { name: 'notes', label: 'Notes', type: 'TEXT' },
          { name: 'bought_at', label: 'Bought at', type: 'DATETIME' },
        ],
      },
    });
    const r = await publish('assets');
    expect(r.errors).toBeUndefined();
    expect(r.data.publishMetadata.version.author).toBe('admin');
    expect(r.data.publishMetadata.changes).toContainEqual({ kind: 'type_added', path: 'asset' });
    const created = await t.ok(`mutation { createAsset(input: {
      name: "MacBook", serial: "SN-1", cost: 2000, kind: LAPTOP, purchased: "2026-01-15", warranty: "P2Y", tags: [LEASED],
      specs: { ram: 32 }, site: "https://example.com/a", ownerEmail: "a@example.com", depreciation: "120.50", active: true,
      notes: "n", boughtAt: "2026-01-15T10:00:00Z" }) { asset { number name kind tags specs warranty depreciation purchased } } }`);
    expect(created.createAsset.asset).toMatchObject({ number: 'AST0001001', kind: 'LAPTOP', tags: ['LEASED'], specs: { ram: 32 }, depreciation: '120.50', purchased: '2026-01-15' });
    expect(created.createAsset.asset.warranty).toMatch(/^P2Y/);
    await t.ok(`mutation { createAsset(input: { name: "Pixel", serial: "SN-2", cost: 600, kind: PHONE }) { asset { id } } }`);
  });

  it('adds, renames, removes (archives) and restores fields, keeping the data', async () => {
    await t.ok(`mutation { addField(type: "asset", field: { name: "location", label: "Location", type: STRING }) { name } }`);
    await t.ok(`mutation { renameField(type: "asset", from: "serial", to: "serial_number") { name } }`);
    await t.ok(`mutation { removeField(type: "asset", name: "cost") { name } }`);
    const r = await publish('evolve');
    expect(r.errors).toBeUndefined();
    const kinds = r.data.publishMetadata.changes.map((c: any) => `${c.kind} ${c.path}`);
    expect(kinds).toEqual(expect.arrayContaining(['field_added asset.location', 'field_renamed asset.serial_number', 'field_archived asset.cost']));
    const q = await t.ok(`{ assets(orderBy: [NAME_ASC]) { nodes { name serialNumber location } } }`);
    expect(q.assets.nodes).toEqual([{ name: 'MacBook', serialNumber: 'SN-1', location: null }, { name: 'Pixel', serialNumber: 'SN-2', location: null }]);
    const gone = await t.gql(`{ assets { nodes { cost } } }`);
    expect(gone.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const twice = await t.gql(`mutation { removeField(type: "asset", name: "cost") { name } }`);
    expect(twice.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(twice.errors?.[0].message).toMatch(/already removed/);

    await t.ok(`mutation { restoreField(type: "asset", name: "cost") { name } }`);
    expect((await publish('restore')).errors).toBeUndefined();
    const back = await t.ok(`{ assets(orderBy: [COST_DESC]) { nodes { name cost } } }`);
    expect(back.assets.nodes).toEqual([{ name: 'MacBook', cost: 2000 }, { name: 'Pixel', cost: 600 }]);
  });

  it('converts a type when it is safe and refuses, naming field and reason, when the data does not fit', async () => {
    await t.ok(`mutation { updateField(type: "asset", name: "cost", field: { name: "cost", label: "Cost", type: DECIMAL }) { name } }`);
    expect((await publish('cost as decimal')).errors).toBeUndefined();
    expect((await t.ok(`{ assets(orderBy: [NAME_ASC]) { nodes { cost } } }`)).assets.nodes).toEqual([{ cost: '2000.00' }, { cost: '600.00' }]);

    const before = await state();
    await t.ok(`mutation { updateField(type: "asset", name: "serial_number", field: { name: "serial_number", label: "Serial", type: STRING, maxLength: 3 }) { name } }`);
    const tooShort = await publish('narrow');

    expect(tooShort.errors?.[0].extensions?.code).toBe('UNSAFE_CHANGE');
    expect(tooShort.errors?.[0].message).toMatch(/asset\.serial_number.*2 record\(s\) are longer than 3 characters/);
    expect(await state()).toEqual(before);

    await t.ok(`mutation { updateField(type: "asset", name: "serial_number", field: { name: "serial_number", label: "Serial", type: BOOLEAN }) { name } }`);
    const noWay = await publish('to boolean');
    expect(noWay.errors?.[0].extensions?.code).toBe('UNSAFE_CHANGE');
    expect(noWay.errors?.[0].message).toMatch(/cannot convert asset\.serial_number from string\(40\) to boolean: no safe conversion/);
    expect(await state()).toEqual(before);

    await t.ok(`mutation { updateField(type: "asset", name: "serial_number", field: { name: "serial_number", label: "Serial", type: STRING, maxLength: 40, required: true }) { name } }`);
    expect((await publish('required ok')).errors).toBeUndefined();
    await t.ok(`mutation { addField(type: "asset", field: { name: "vendor", label: "Vendor", type: STRING, required: true }) { name } }`);
    const required = await publish('required without default');
    expect(required.errors?.[0].message).toMatch(/cannot make asset\.vendor required: 2 record\(s\) have no value/);
    expect(await state()).toEqual(before.version === 0 ? before : { ...before, version: before.version + 1 });
    await t.ok(`mutation { discardDrafts }`);
  });

  it('keeps versions with author and diff; diffs any two; rolls back as a new publish', async () => {
    const versions = (await t.ok(`{ metadataVersions { id message changes { kind path } } }`)).metadataVersions;
    expect(versions.map((v: any) => v.message).slice(0, 4)).toEqual(['required ok', 'cost as decimal', 'restore', 'evolve']);
    // Version 1 of every installation is the platform's identity types; the asset's story starts after it.
    expect(versions[versions.length - 1].message).toBe('platform identity types');
    const first = versions[versions.length - 2].id;
    const diff = await t.ok(`query($a: Int!, $b: Int!) { metadataDiff(from: $a, to: $b) { kind path } }`, { a: first, b: versions[0].id });
    expect(diff.metadataDiff.map((c: any) => `${c.kind} ${c.path}`)).toEqual(expect.arrayContaining(['field_renamed asset.serial_number', 'field_added asset.location']));
    const rb = await t.gql(`mutation($v: Int!) { rollbackMetadata(toVersion: $v) { version { id rollbackOf } changes { kind path } } }`, { v: first });
    expect(rb.errors).toBeUndefined();
    expect(rb.data.rollbackMetadata.version.rollbackOf).toBe(first);
    // The location field did not exist in the first version: it is archived, its column and data kept.
    const q = await t.ok(`{ assets(orderBy: [NAME_ASC]) { nodes { name serial } } }`);
    expect(q.assets.nodes).toEqual([{ name: 'MacBook', serial: 'SN-1' }, { name: 'Pixel', serial: 'SN-2' }]);
    expect((await t.gql(`{ assets { nodes { location } } }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
