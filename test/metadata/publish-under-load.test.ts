import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import type { TestServer } from '../helpers/test-server.js';
import { startTwoProcesses, type TwoProcesses } from '../helpers/two-processes.js';

interface Failure {
  server: string;
  op: string;
  problem: unknown;
}

/**
 * Two server processes over one PostgreSQL database take steady reads, creates and updates while one of them
 * publishes every kind of change. Not one request may fail, and every acknowledged write must be there after.
 * (Two processes need a real database: PGlite lives inside one process.)
 */
describe.skipIf(!process.env.DATABASE_URL)('publishing under load on two processes', () => {
  let servers: TwoProcesses;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    servers = await startTwoProcesses();
    ({ a, b } = servers);
    await importItsm(a);
    // B hears of the import by NOTIFY; wait until it serves incidents.
    for (let i = 0; i < 100 && (await b.gql(`{ incidents(first: 1) { totalCount } }`)).errors; i++) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => servers?.stop());

  it('fails no request and loses no acknowledged write while renaming, requiring, archiving, adding and rolling back', async () => {
    const failures: Failure[] = [];
    const created: string[] = [];
    const updated = new Map<string, number>();
    let running = true;

    async function worker(n: number): Promise<void> {
      const mine: { id: string; version: number }[] = [];
      for (let i = 0; running; i++) {
        const t = (n + i) % 2 ? a : b;
        const server = t === a ? 'A' : 'B';
        const op = i % 3 === 0 ? 'create' : i % 3 === 1 && mine.length ? 'update' : 'read';
        try {
          if (op === 'create') {
            const r = await t.gql(`mutation($d: String!) { createIncident(input: { shortDescription: $d, priority: 3 }) { incident { id version number state } } }`, { d: `load ${n}.${i}` });
            if (r.errors || r.status !== 200) failures.push({ server, op, problem: r.errors ?? r.status });
            else {
              created.push(r.data.createIncident.incident.id);
              mine.push(r.data.createIncident.incident);
            }
          } else if (op === 'update') {
            const rec = mine[i % mine.length];
            const r = await t.gql(`mutation($id: ID!, $v: Int!, $d: String!) { updateIncident(input: { id: $id, version: $v, patch: { shortDescription: $d } }) { incident { version } } }`, { id: rec.id, v: rec.version, d: `load ${n}.${i} updated` });
            if (r.errors || r.status !== 200) failures.push({ server, op, problem: r.errors ?? r.status });
            else {
              rec.version = r.data.updateIncident.incident.version;
              updated.set(rec.id, rec.version);
            }
          } else {
            const r = await t.gql(`{ incidents(first: 10, orderBy: [NUMBER_DESC]) { totalCount nodes { id number shortDescription state priority caller { name } } } tasks(first: 5) { nodes { number } } }`);
            if (r.errors || r.status !== 200) failures.push({ server, op, problem: r.errors ?? r.status });
          }
        } catch (err) {
          failures.push({ server, op, problem: String(err) });
        }
      }
    }

    const publish = async (what: string, edit: string, vars: Record<string, unknown> = {}) => {
      if (edit) await a.ok(edit, vars);
      const r = await a.ok(`mutation($m: String!) { publishMetadata(message: $m) { version { id } } }`, { m: what });
      await new Promise((r) => setTimeout(r, 300));
      return Number(r.publishMetadata.version.id);
    };

    const workers = Array.from({ length: 6 }, (_, n) => worker(n));
    await new Promise((r) => setTimeout(r, 300));
    const before = Number((await a.ok(`{ metadataVersions(limit: 1) { id } }`)).metadataVersions[0].id);
    await publish('rename a defaulted field', `mutation { renameField(type: "incident", from: "impact", to: "impact_rating") { name } }`);
    await publish(
      'a required field with a default',
      `mutation($f: RecordFieldInput!) { addField(type: "incident", field: $f) { name } }`,
      { f: { name: 'channel', label: 'Channel', type: 'CHOICE', required: true, default: 'phone', choices: [{ value: 'phone', label: 'Phone' }, { value: 'web', label: 'Web' }] } },
    );
    // Not resolution_notes: resolving requires it (state model), and a publish refuses to archive a required field of a transition.
    await publish('archive a field', `mutation { removeField(type: "incident", name: "problem") { name } }`);
    await publish('a new type', `mutation { saveRecordTypeDraft(input: { name: "gadget", label: "Gadget", fields: [{ name: "title", label: "Title", type: STRING }] }) { name } }`);
    await a.ok(`mutation($v: Int!) { rollbackMetadata(toVersion: $v) { version { id } } }`, { v: before });
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await Promise.all(workers);

    expect(failures).toEqual([]);
    expect(created.length).toBeGreaterThan(20);
    // Every acknowledged create is there, and every acknowledged update at the version it was answered with.
    const rows = await a.atrium.db.run<{ id: string; sys_version: number }>({ sql: `SELECT id::text, sys_version FROM records.incident WHERE short_description LIKE 'load %'`, params: [] });
    const versions = new Map(rows.map((r) => [r.id, Number(r.sys_version)]));
    const rowId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1];
    expect(created.filter((id) => !versions.has(rowId(id)))).toEqual([]);
    for (const [id, version] of updated) expect(versions.get(rowId(id))).toBe(version);
    // The rollback undid the rename: the old name is served again on both processes.
    for (const t of [a, b]) expect((await t.gql(`{ incidents(first: 1) { nodes { impact } } }`)).errors).toBeUndefined();
  });
});
