import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
});
afterAll(() => t?.stop());

const IMPORT = `mutation($f: [MetadataFileInput!]!, $d: Boolean!) { importMetadata(files: $f, dryRun: $d, message: "auto") { applied changes { kind path before after } } }`;
const EXPORT = `{ exportMetadata { path content } }`;

describe('auto in metadata files', () => {
  it('exports auto, imports the export back with no change, and shows a change of it in the diff', async () => {
    const files = (await t.ok(EXPORT)).exportMetadata as { path: string; content: string }[];
    const journal = files.find((f) => f.path === 'record-types/journal_entry.yaml')!;
    expect(journal.content).toContain('    auto: me\n    reference: person\n');
    expect(journal.content).toContain('    type: datetime\n    auto: now\n');
    expect((await t.ok(IMPORT, { f: files, d: true })).importMetadata).toEqual({ applied: false, changes: [] });
    const edited = files.map((f) => (f === journal ? { ...f, content: f.content.replace('    auto: now\n', '') } : f));
    const diff = (await t.ok(IMPORT, { f: edited, d: true })).importMetadata;
    expect(diff.changes).toEqual([expect.objectContaining({ kind: 'field_changed', path: 'journal_entry.written_at', before: { auto: 'now' }, after: {} })]);
  });

  it('refuses a publish with auto on the wrong kind of field, naming it', async () => {
    const files = (await t.ok(EXPORT)).exportMetadata as { path: string; content: string }[];
    const bad = files.map((f) => (f.path === 'record-types/journal_entry.yaml' ? { ...f, content: f.content.replace('    auto: now\n', '    auto: me\n') } : f));
    const r = await t.gql(IMPORT, { f: bad, d: false });
    expect(r.errors?.[0].message).toContain('journal_entry.fields.written_at.auto');
  });
});
