import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const SAVE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`;
const PUBLISH = `mutation($d: Boolean!) { publishMetadata(message: "gadgets", dryRun: $d) { version { id } changes { kind path } } }`;
const IMPORT = `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: true) { applied changes { kind path } } }`;

async function head(): Promise<number> {
  return (await t.ok(`{ metadataVersions(limit: 1) { id } }`)).metadataVersions[0].id;
}

describe('metadata version numbers', () => {
  it('are consecutive: validations and dry runs (publish and import) take no number', async () => {
    const before = await head();
    await t.ok(SAVE, { i: { name: 'gadget', label: 'Gadget', numberPrefix: 'GDG', displayField: 'name', fields: [{ name: 'name', label: 'Name', type: 'STRING' }] } });
    expect((await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata).toEqual([]);
    const dry = (await t.ok(PUBLISH, { d: true })).publishMetadata;
    expect(dry).toEqual({ version: null, changes: [{ kind: 'type_added', path: 'gadget' }] });
    const files = (await t.ok(`{ exportMetadata { path content } }`)).exportMetadata;
    const imported = (await t.ok(IMPORT, { f: files })).importMetadata;
    expect(imported.applied).toBe(false);
    expect((await t.ok(`{ validateMetadata { path } }`)).validateMetadata).toEqual([]);

    const published = (await t.ok(PUBLISH, { d: false })).publishMetadata;
    expect(published.version.id).toBe(before + 1);
    // And the next one follows it, after another dry run.
    await t.ok(SAVE, { i: { name: 'gizmo', label: 'Gizmo', numberPrefix: 'GZM', displayField: 'name', fields: [{ name: 'name', label: 'Name', type: 'STRING' }] } });
    expect((await t.ok(PUBLISH, { d: true })).publishMetadata.version).toBeNull();
    expect((await t.ok(PUBLISH, { d: false })).publishMetadata.version.id).toBe(before + 2);
    expect((await t.ok(`{ metadataVersions(limit: 3) { id } }`)).metadataVersions.map((v: { id: number }) => v.id)).toEqual([before + 2, before + 1, before]);
  });
});
