import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { toGlobalId } from '../../server/records/global-id.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * The journal on every task type (addComment / addWorkNote over HTTP, who may write and read what) and field
 * history (complete, in the write's own statement, visible by field access), on the demo data.
 */
let t: TestServer;
const tokens: Record<string, string> = {};
type Row = Record<string, any>;
const as = (who: string, q: string, v: Record<string, unknown> = {}): Promise<GqlResult> => t.gql(q, v, tokens[who]);
const codes = (r: GqlResult) => r.errors?.map((e) => e.extensions?.code);
const one = async <T extends Row>(q: ReturnType<typeof sql>) => (await t.atrium.db.run<T>(q))[0];

const COMMENT = `mutation($r: ID!, $b: String!) { addComment(recordId: $r, body: $b) { journalEntry { id kind body author { userName } record { id } } } }`;
const NOTE = `mutation($r: ID!, $b: String!) { addWorkNote(recordId: $r, body: $b) { journalEntry { id kind body } } }`;
const journalCount = async () => (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.journal_entry`)).n;

let erinIncident: string;
let hiddenIncident: string;
let aliceIncident: string;
let globexCase: string;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  await loadDemoData(asUser(t));
  for (const u of ['erin.employee', 'alice.agent', 'carol.contact']) tokens[u] = await t.token({ subject: u });
  const id = async (q: ReturnType<typeof sql>) => String((await one<{ id: string }>(q)).id);
  erinIncident = toGlobalId('Incident', await id(sql`SELECT i.id::text AS id FROM records.incident i JOIN records.person p ON p.id = i.caller WHERE p.user_name = 'erin.employee' ORDER BY i.id LIMIT 1`));
  const sd = sql`(SELECT id FROM records.assignment_group WHERE name = 'Service Desk')`;
  aliceIncident = toGlobalId('Incident', await id(sql`SELECT i.id::text AS id FROM records.incident i WHERE i.assignment_group = ${sd} AND i.state = 'in_progress' ORDER BY i.id LIMIT 1`));
  hiddenIncident = toGlobalId('Incident', await id(sql`SELECT i.id::text AS id FROM records.incident i JOIN records.person p ON p.id = i.caller WHERE p.user_name <> 'erin.employee' AND i.assignment_group <> ${sd} ORDER BY i.id LIMIT 1`));
  globexCase = toGlobalId('CustomerCase', await id(sql`SELECT c.id::text AS id FROM records.customer_case c JOIN records.account a ON a.id = c.account WHERE a.name = 'Globex' ORDER BY c.id LIMIT 1`));
}, 240_000);
afterAll(() => t?.stop());

describe('addComment and addWorkNote', () => {
  it('a caller comments on her incident: the server sets kind, author and record', async () => {
    const r = await as('erin.employee', COMMENT, { r: erinIncident, b: 'Still broken' });
    expect(r.errors).toBeUndefined();
    expect(r.data.addComment.journalEntry).toMatchObject({ kind: 'COMMENT', body: 'Still broken', author: { userName: 'erin.employee' }, record: { id: erinIncident } });
  });

  it('a work note by a non-fulfiller is FORBIDDEN and writes nothing', async () => {
    const before = await journalCount();
    const r = await as('erin.employee', NOTE, { r: erinIncident, b: 'let me in' });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors![0].message).toMatch(/only fulfillers may add work notes/);
    expect(await journalCount()).toBe(before);
  });

  it('a comment (or work note) on a record the writer may not read is NOT_FOUND, exactly as for an unknown id', async () => {
    const before = await journalCount();
    const unknown = toGlobalId('Incident', 999_999_999);
    const hidden = await as('erin.employee', COMMENT, { r: hiddenIncident, b: 'probe' });
    const missing = await as('erin.employee', COMMENT, { r: unknown, b: 'probe' });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.errors![0].message.replace(hiddenIncident, '<id>')).toBe(missing.errors![0].message.replace(unknown, '<id>'));
    expect(codes(await as('erin.employee', NOTE, { r: hiddenIncident, b: 'probe' }))).toEqual(['NOT_FOUND']);
    expect(codes(await as('erin.employee', COMMENT, { r: toGlobalId('Person', 1), b: 'probe' }))).toEqual(['INVALID_ID']);
    expect(await journalCount()).toBe(before);
  });

  it('an agent writes a work note on its group\'s incident; the caller sees the comments but never the note', async () => {
    const note = await as('alice.agent', NOTE, { r: aliceIncident, b: 'Root cause: expired certificate' });
    expect(note.errors).toBeUndefined();
    expect(note.data.addWorkNote.journalEntry.kind).toBe('WORK_NOTE');
    const q = `query($id: ID!) { incident(id: $id) { journalEntries(first: 100) { nodes { id kind body } } } }`;
    const agentView = (await as('alice.agent', q, { id: aliceIncident })).data.incident.journalEntries.nodes as Row[];
    expect(agentView.map((n) => n.id)).toContain(note.data.addWorkNote.journalEntry.id);
    const [caller] = await t.atrium.db.run<{ user_name: string }>(sql`SELECT p.user_name FROM records.incident i JOIN records.person p ON p.id = i.caller WHERE i.id = ${Number(Buffer.from(aliceIncident, 'base64url').toString().split(':')[1])}`);
    const token = await t.token({ subject: caller.user_name });
    const callerView = (await t.gql(q, { id: aliceIncident }, token)).data.incident.journalEntries.nodes as Row[];
    expect(callerView.length).toBe(agentView.filter((n) => n.kind === 'COMMENT').length);
    expect(callerView.every((n) => n.kind === 'COMMENT')).toBe(true);
    // Nor by id, nor through the root list.
    const byId = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: note.data.addWorkNote.journalEntry.id }, token);
    expect(byId.data.node).toBeNull();
  });

  it('the same journal works on a customer case: a contact comments on her account\'s case, and may not add work notes', async () => {
    const r = await as('carol.contact', COMMENT, { r: globexCase, b: 'Any news?' });
    expect(r.errors).toBeUndefined();
    expect(r.data.addComment.journalEntry.record.id).toBe(globexCase);
    expect(codes(await as('carol.contact', NOTE, { r: globexCase, b: 'internal' }))).toEqual(['FORBIDDEN']);
    const d = await as('carol.contact', `query($id: ID!) { customerCase(id: $id) { journalEntries(first: 100) { nodes { kind body } } } }`, { id: globexCase });
    expect(d.data.customerCase.journalEntries.nodes).toContainEqual({ kind: 'COMMENT', body: 'Any news?' });
    expect(d.data.customerCase.journalEntries.nodes.every((n: Row) => n.kind === 'COMMENT')).toBe(true);
  });

  it('a new case type extending task gets journalEntries, addComment and addWorkNote with no wiring of its own', async () => {
    await t.ok(`mutation { saveRecordTypeDraft(input: { name: "hr_case", label: "HR case", pluralLabel: "HR cases", extends: "task", numberPrefix: "HRC", fields: [{ name: "employee", label: "Employee", type: REFERENCE, reference: "person" }] }) { name } }`);
    await t.ok(`mutation { saveAclDraft(input: { name: "hr_case_read_agents", recordType: "hr_case", operation: READ, criteria: ["agents"] }) { name } }`);
    await t.ok(`mutation { publishMetadata(message: "hr cases") { version { id } } }`);
    const created = await t.ok(`mutation { createHrCase(input: { shortDescription: "Parental leave" }) { hrCase { id } } }`);
    const id = created.createHrCase.hrCase.id as string;
    expect((await as('alice.agent', NOTE, { r: id, b: 'Checked the contract' })).errors).toBeUndefined();
    expect((await as('alice.agent', COMMENT, { r: id, b: 'We will call you' })).errors).toBeUndefined();
    const d = await as('alice.agent', `query($id: ID!) { hrCase(id: $id) { journalEntries(first: 10) { totalCount nodes { kind body } } } }`, { id });
    expect(d.data.hrCase.journalEntries.totalCount).toBe(2);
    expect(d.data.hrCase.journalEntries.nodes.map((n: Row) => n.kind).sort()).toEqual(['COMMENT', 'WORK_NOTE']);
    // erin may not read HR cases: she can neither comment nor see the journal.
    expect(codes(await as('erin.employee', COMMENT, { r: id, b: 'probe' }))).toEqual(['NOT_FOUND']);
    const hers = await as('erin.employee', `{ journalEntries(first: 100, filter: { body: { eq: "We will call you" } }) { totalCount } }`);
    expect(hers.data.journalEntries.totalCount).toBe(0);
  });
});

describe('field history', () => {
  const UPDATE = `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`;
  const HISTORY = `query($id: ID!, $f: String) { incident(id: $id) { version history(first: 100, field: $f) { totalCount nodes { field fieldName oldValue newValue version changedBy } } } }`;

  it('records every changed field with old and new values, version and author, in the same statement', async () => {
    const before = (await as('alice.agent', HISTORY, { id: aliceIncident })).data.incident;
    const r = await as('alice.agent', UPDATE, { i: { id: aliceIncident, version: before.version, patch: { priority: 1, timeWorked: 'PT9H', description: before.history.nodes.find((n: Row) => n.field === 'description')?.newValue ?? null } } });
    expect(r.errors).toBeUndefined();
    // A state changes by transition, and its history is written the same way.
    const moved = await as('alice.agent', `mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { version } } }`, { i: { id: aliceIncident, version: before.version + 1, to: 'ON_HOLD' } });
    expect(moved.errors).toBeUndefined();
    const after = (await as('alice.agent', HISTORY, { id: aliceIncident })).data.incident;
    const added = after.history.nodes.filter((n: Row) => n.version === before.version + 1);
    // Only what changed: the unchanged description wrote no row.
    expect(added.map((n: Row) => n.field).sort()).toEqual(expect.arrayContaining(['priority', 'timeWorked']));
    expect(added.every((n: Row) => n.changedBy === 'alice.agent')).toBe(true);
    const transitioned = after.history.nodes.filter((n: Row) => n.version === before.version + 2);
    expect(transitioned).toEqual([expect.objectContaining({ field: 'state', fieldName: 'state', oldValue: 'in_progress', newValue: 'on_hold', changedBy: 'alice.agent' })]);
    expect(added.find((n: Row) => n.field === 'description')).toBeUndefined();
    const times = await as('alice.agent', HISTORY, { id: aliceIncident, f: 'timeWorked' });
    expect(times.data.incident.history.nodes.at(-1)).toMatchObject({ field: 'timeWorked', newValue: 'PT9H', version: before.version + 1 });
    // The creation wrote a row per field given a value, at version 1.
    expect(after.history.nodes.filter((n: Row) => n.version === 1).map((n: Row) => n.field)).toContain('shortDescription');
  });

  it('a field the reader may not read has no visible history (erin and time worked), though the record has', async () => {
    const stored = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM atrium.record_history WHERE record_id = ${Number(Buffer.from(erinIncident, 'base64url').toString().split(':')[1])} AND field_name = 'time_worked'`);
    expect(stored.n).toBeGreaterThan(0);
    const mine = await as('erin.employee', HISTORY, { id: erinIncident });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.incident.history.totalCount).toBeGreaterThan(0);
    expect(mine.data.incident.history.nodes.some((n: Row) => n.fieldName === 'time_worked')).toBe(false);
    const filtered = await as('erin.employee', HISTORY, { id: erinIncident, f: 'timeWorked' });
    expect(filtered.data.incident.history).toEqual({ totalCount: 0, nodes: [] });
    const unknown = await as('erin.employee', HISTORY, { id: erinIncident, f: 'nope' });
    expect(codes(unknown)).toEqual(['UNKNOWN_FIELD']);
  });

  it('pages with cursors, in one statement with the record', async () => {
    const q = `query($id: ID!, $after: String) { incident(id: $id) { history(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { fieldName version } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const { result, sql: statements } = await t.statements(() => as('alice.agent', q, { id: aliceIncident, after }));
      expect(statements).toHaveLength(1);
      const h = (result as GqlResult).data.incident.history;
      total = h.totalCount;
      seen.push(...h.nodes.map((n: Row) => `${n.version}:${n.fieldName}`));
      if (!h.pageInfo.hasNextPage) break;
      after = h.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('is complete under 20 concurrent updaters: every committed version has its row, no gaps, no duplicates', async () => {
    const created = await t.ok(`mutation { createIncident(input: { shortDescription: "contended" }) { incident { id version } } }`);
    const id = created.createIncident.incident.id as string;
    let conflicts = 0;
    const writer = async (w: number) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const v = (await t.ok(`query($id: ID!) { incident(id: $id) { version } }`, { id })).incident.version as number;
        const r = await t.gql(UPDATE, { i: { id, version: v, patch: { shortDescription: `writer ${w}` } } });
        if (!r.errors) return;
        expect(codes(r)).toEqual(['CONFLICT']);
        conflicts++;
      }
      throw new Error(`writer ${w} never got through`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
    const rows = await t.atrium.db.run<{ version: number; old: unknown; new: unknown }>(
      sql`SELECT version, old_value AS old, new_value AS new FROM atrium.record_history WHERE record_id = ${Number(Buffer.from(id, 'base64url').toString().split(':')[1])} AND field_name = 'short_description' ORDER BY version`,
    );
    const json = (v: unknown) => (typeof v === 'string' && v.startsWith('"') ? JSON.parse(v) : v);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(json(rows[i].old), `version ${rows[i].version}`).toEqual(json(rows[i - 1].new));
    expect(new Set(rows.slice(1).map((r) => json(r.new)))).toEqual(new Set(Array.from({ length: 20 }, (_, w) => `writer ${w}`)));
    console.log(`20 concurrent updaters: ${conflicts} conflicts retried, ${rows.length} history rows`);
  }, 120_000);
});
