import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, buildModel, validateSnapshot, type MetadataSnapshot } from '../../schema/index.js';
import { DomainError } from '../../server/domain-error.js';
import { recordTypeDocs } from '../schema/metadata-arbitrary.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.ok(`mutation { saveRecordTypeDraft(input: { name: "gizmo", label: "Gizmo", fields: [{ name: "title", label: "Title", type: STRING }, { name: "size", label: "Size", type: INTEGER }, { name: "colour", label: "Colour", type: STRING }] }) { name } }`);
  await t.ok(`mutation { publishMetadata(message: "gizmo") { version { id } } }`);
  for (const [title, size] of [['Alpha', 1], ['Beta', null]]) await t.ok(`mutation($i: CreateGizmoInput!) { createGizmo(input: $i) { gizmo { id } } }`, { i: { title, size } });
});
afterAll(() => t?.stop());

/** The metadata version, every column of every record table, and every row of them. */
async function state() {
  const [v] = await t.atrium.db.run<{ id: number }>({ sql: `SELECT coalesce(max(id), 0) AS id FROM atrium.meta_version`, params: [] });
  const columns = await t.atrium.db.run({ sql: `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'records' ORDER BY 1, 2`, params: [] });
  const tables = [...new Set(columns.map((c) => String(c.table_name)))];
  const rows: Record<string, unknown> = {};
  for (const table of tables) rows[table] = (await t.atrium.db.run({ sql: `SELECT to_jsonb(r) AS row FROM records."${table}" r ORDER BY 1`, params: [] })).map((r) => r.row);
  return { version: Number(v.id), columns, rows };
}

const noInternal = (r: GqlResult, what: string) => {
  for (const e of r.errors ?? []) expect(e.extensions?.code, `${what}: ${e.message}`).not.toBe('INTERNAL_SERVER_ERROR');
};

/** A generated document as the admin API takes it: field types are enum values. */
function asInput(doc: Record<string, unknown>): Record<string, unknown> {
  const fields = (doc.fields as Record<string, unknown>[]).map((f) => ({ ...f, type: String(f.type).toUpperCase() }));
  return { ...doc, fields };
}

describe('random metadata through the admin API', () => {
  it('never answers INTERNAL_SERVER_ERROR; validateMetadata and publishMetadata agree; a refused publish changes nothing', async () => {
    let published = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(recordTypeDocs, async (docs) => {
        const before = await state();
        for (const doc of docs) noInternal(await t.gql(`mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`, { i: asInput(doc) }), `save ${doc.name}`);
        const validation = await t.gql(`{ validateMetadata { path code message } }`);
        noInternal(validation, 'validateMetadata');
        const problems = validation.data?.validateMetadata ?? [];
        const r = await t.gql(`mutation { publishMetadata(message: "random") { version { id } } }`);
        noInternal(r, 'publishMetadata');
        const noDrafts = r.errors?.[0].extensions?.code === 'BAD_USER_INPUT' && /no drafts/.test(r.errors[0].message);
        if (r.errors && !noDrafts) {
          refused++;
          expect(problems.length, `validateMetadata found nothing, publish said: ${r.errors[0].message}`).toBeGreaterThan(0);
          expect(['VALIDATION_FAILED', 'UNSAFE_CHANGE', 'NAME_CLASH']).toContain(r.errors[0].extensions?.code);
          await t.ok(`mutation { discardDrafts }`);
          expect(await state()).toEqual(before);
        } else if (!r.errors) {
          published++;
          expect(problems).toEqual([]);
          // What was published is valid by the pure validator too, so the studio and the server agree.
          const head = (await t.atrium.metadata.published()).snapshot as MetadataSnapshot;
          expect(validateSnapshot(head)).toEqual([]);
          expect(() => buildModel(head)).not.toThrow();
        }
        await t.ok(`mutation { discardDrafts }`);
      }),
      { numRuns: 16 },
    );
    // Most random documents are refused (about one in ten publishes); a run without refusals proved little.
    expect(refused).toBeGreaterThan(0);
    expect(published + refused).toBeLessThanOrEqual(16);
  });

  it('whatever the pure validator accepts, the GraphQL schema builds from, or refuses with a domain error', () => {
    const base = { ...EMPTY_SNAPSHOT, recordTypes: { task: { name: 'task', label: 'Task', abstract: true, fields: [{ name: 'title', label: 'Title', type: 'string' }] } } };
    let built = 0;
    fc.assert(
      fc.property(recordTypeDocs, (docs) => {
        const snapshot = { ...base, recordTypes: { ...base.recordTypes, ...Object.fromEntries(docs.map((d) => [d.name, d])) } };
        if (validateSnapshot(snapshot).length) return;
        try {
          t.atrium.registry.prepare(buildModel(snapshot as MetadataSnapshot));
          built++;
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(DomainError);
        }
      }),
      { numRuns: 300 },
    );
    expect(built).toBeGreaterThan(0);
  });
});
