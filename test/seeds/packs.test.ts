import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METADATA_KINDS } from '../../schema/index.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const IMPORT = `mutation($f: [MetadataFileInput!]!, $d: Boolean!) { importMetadata(files: $f, dryRun: $d, message: "packs") { applied changes { kind path } } }`;
const EXPORT = `{ exportMetadata { path content } }`;

type File = { path: string; content: string };

/**
 * A file's document with the defaults its kind fills in (criteria match `any`, an ACL's criteria none), and without
 * the field ids import assigns: pack files are written short, with conditions on one line, and ids left to import.
 */
function documentOf(file: File): Record<string, any> {
  const kind = METADATA_KINDS.find((k) => file.path.startsWith(`${k.folder}/`))!;
  const doc = kind.schema.parse(parse(file.content)) as Record<string, any>;
  return doc.fields ? { ...doc, fields: doc.fields.map(({ id: _id, ...f }: Record<string, unknown>) => f) } : doc;
}

let t: TestServer;
let pack: File[];
beforeAll(async () => {
  t = await startTestServer();
  pack = await readPack(...DEMO_PACKS);
  const first = await t.ok(IMPORT, { f: pack, d: false });
  expect(first.importMetadata.applied).toBe(true);
});
afterAll(() => t?.stop());

describe('the demo packs (ITSM with problem, change, request, CMDB; CSM)', () => {
  it('hold the ITSM record types', () => {
    const types = pack.filter((f) => f.path.startsWith('record-types/')).map((f) => f.path.slice('record-types/'.length, -'.yaml'.length));
    expect(types).toEqual(
      expect.arrayContaining(['problem', 'change_request', 'catalog_item', 'sc_request', 'configuration_item', 'server', 'application', 'database', 'network_device', 'ci_relationship']),
    );
  });

  it('publish the approval flows of the packs (change, catalog request, HR onboarding, expense claim)', async () => {
    const flows = (await t.ok(`{ metadataDocuments(kind: FLOW) { name document } }`)).metadataDocuments as { name: string; document: { trigger: { recordType: string } } }[];
    expect(Object.fromEntries(flows.map((f) => [f.name, f.document.trigger.recordType]))).toEqual({
      catalog_request_approval: 'sc_request',
      change_cab_approval: 'change_request',
      // The platform's own flow, installed with the identity types.
      contact_registration: 'registration',
      expense_claim: 'expense_claim',
      hr_onboarding: 'hr_employee_change',
    });
  });

  it('import a second time without a change', async () => {
    expect((await t.ok(IMPORT, { f: pack, d: true })).importMetadata).toEqual({ applied: false, changes: [] });
    expect((await t.ok(IMPORT, { f: pack, d: false })).importMetadata).toEqual({ applied: false, changes: [] });
  });

  it('export every pack document as written, and the export imports back without a change', async () => {
    const exported = (await t.ok(EXPORT)).exportMetadata as File[];
    const byPath = new Map(exported.map((f) => [f.path, f.content]));
    for (const f of pack) {
      expect(byPath.has(f.path), f.path).toBe(true);
      expect(documentOf({ path: f.path, content: byPath.get(f.path)! }), f.path).toEqual(documentOf(f));
    }
    expect((await t.ok(IMPORT, { f: exported, d: false })).importMetadata).toEqual({ applied: false, changes: [] });
    expect((await t.ok(EXPORT)).exportMetadata).toEqual(exported);
  });

  it('show a reference to the abstract configuration item as an interface, with its reverse connections on every kind', async () => {
    const d = await t.ok(`{ __type(name: "ConfigurationItem") { kind possibleTypes { name } fields { name } } }`);
    expect(d.__type.kind).toBe('INTERFACE');
    expect(d.__type.possibleTypes.map((p: { name: string }) => p.name).sort()).toEqual(['Application', 'Database', 'NetworkDevice', 'Server']);
    expect(d.__type.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['incidents', 'problems', 'changes', 'childRelationships', 'parentRelationships']));
    const incident = await t.ok(`{ __type(name: "Incident") { fields { name type { name } } } }`);
    expect(incident.__type.fields).toEqual(expect.arrayContaining([{ name: 'problem', type: { name: 'Problem' } }, { name: 'configurationItem', type: { name: 'ConfigurationItem' } }]));
  });
});
