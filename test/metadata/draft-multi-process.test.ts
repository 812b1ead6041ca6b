import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlResult, TestServer } from '../helpers/test-server.js';
import { startTwoProcesses, type TwoProcesses } from '../helpers/two-processes.js';

// Two servers share one database only on PostgreSQL (PGlite lives inside one process); CI runs both drivers.
describe.skipIf(!process.env.DATABASE_URL)('draft edits from two server processes over one PostgreSQL database', () => {
  let servers: TwoProcesses;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    servers = await startTwoProcesses();
    ({ a, b } = servers);
    await a.ok(`mutation { saveRecordTypeDraft(input: { name: "gizmo", label: "Gizmo", fields: [{ name: "title", label: "Title", type: STRING }] }) { name } }`);
    await a.ok(`mutation { publishMetadata(message: "gizmo") { version { id } } }`);
  });
  afterAll(() => servers?.stop());

  const ADD = `mutation($f: RecordFieldInput!, $v: Int) { addField(type: "gizmo", field: $f, draftVersion: $v) { draftVersion } }`;
  const text = (name: string) => ({ name, label: name, type: 'STRING' });
  const fields = async (includeDrafts: boolean): Promise<string[]> =>
    (await a.ok(`query($d: Boolean!) { recordType(name: "gizmo", includeDrafts: $d) { fields { name } } }`, { d: includeDrafts })).recordType.fields.map((f: { name: string }) => f.name);
  const acknowledged = (rs: GqlResult[], names: string[]) => names.filter((_, i) => !rs[i].errors);

  it('addField on both at once: every acknowledged field is in the draft', async () => {
    const names = Array.from({ length: 16 }, (_, i) => `part_${i}`);
    const results = await Promise.all(names.map((n, i) => (i % 2 ? b : a).gql(ADD, { f: text(n) })));
    // Without a version a relative edit waits for the other instead of failing: all of them succeed.
    expect(results.map((r) => r.errors)).toEqual(names.map(() => undefined));
    expect(await fields(true)).toEqual(expect.arrayContaining(names));
  });

  it('two whole-document saves from the version both read: one wins, the other is a CONFLICT naming it', async () => {
    const { draftVersion } = (await a.ok(`{ recordType(name: "gizmo") { draftVersion } }`)).recordType;
    const save = (s: TestServer, field: string) =>
      s.gql(`mutation($i: RecordTypeInput!, $v: Int) { saveRecordTypeDraft(input: $i, draftVersion: $v) { draftVersion } }`, { i: { name: 'gizmo', label: 'Gizmo', fields: [text('title'), text(field)] }, v: draftVersion });
    const [ra, rb] = await Promise.all([save(a, 'from_a'), save(b, 'from_b')]);
    const codes = [ra, rb].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = ra.errors ? 'from_b' : 'from_a';
    expect((ra.errors ?? rb.errors)![0].extensions).toMatchObject({ currentVersion: (ra.data ?? rb.data).saveRecordTypeDraft.draftVersion, updatedBy: 'admin' });
    expect(await fields(true)).toEqual(['title', winner]);
  });

  it('a publish on A while B edits: whatever B was told it saved is published or still a draft', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `late_${i}`);
    const edits = Promise.all(names.map((n) => b.gql(ADD, { f: text(n) })));
    const published = await a.gql(`mutation { publishMetadata(message: "meanwhile") { version { id } } }`);
    const results = await edits;
    expect(published.errors).toBeUndefined();
    const kept = new Set([...(await fields(false)), ...(await fields(true))]);
    for (const n of acknowledged(results, names)) expect(kept).toContain(n);
    expect(results.map((r) => r.errors?.[0].extensions?.code).filter(Boolean)).toEqual([]);
  });

  it('a draft saved on B while A waits to publish is not deleted by that publish', async () => {
    await a.ok(`mutation { discardDrafts }`);
    await a.ok(ADD, { f: text('before_publish') });
    // Hold the publish lock from outside so A's publish stops after reading the drafts, inside its transaction.
    const holder = postgres(a.database.url!, { max: 1, onnotice: () => {} });
    await holder`SELECT pg_advisory_lock(hashtext('atrium.publish'))`;
    try {
      const publishing = a.gql(`mutation { publishMetadata(message: "waits") { version { id } } }`);
      for (let waiting = 0; waiting === 0; ) {
        const [row] = await holder`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
        waiting = row.n;
        if (!waiting) await new Promise((r) => setTimeout(r, 20));
      }
      const during = (await b.ok(ADD, { f: text('during_publish') })).addField.draftVersion;
      await holder`SELECT pg_advisory_unlock(hashtext('atrium.publish'))`;
      expect((await publishing).errors).toBeUndefined();
      expect(await fields(false)).toContain('before_publish');
      expect(await fields(false)).not.toContain('during_publish');
      expect((await a.ok(`{ metadataDrafts { name version } }`)).metadataDrafts).toEqual([{ name: 'gizmo', version: during }]);
      expect(await fields(true)).toEqual(expect.arrayContaining(['before_publish', 'during_publish']));
    } finally {
      await holder.end();
    }
  });
});
