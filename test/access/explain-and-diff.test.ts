import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let erinIncident: string;
let serviceDeskIncident: string;

const EXPLAIN = `query($u: String!, $r: ID!) { explainAccess(userName: $u, recordId: $r) {
  userName admin recordType recordExists
  operations { operation allowed decidedBy reason rules { rule appliesToUser conditionHolds grants criteria { name matched } } }
  fields { field read { allowed reason decidedBy } write { allowed reason } } } }`;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  await loadDemoData(asUser(t));
  const d = await t.ok(`{ incidents(first: 100, filter: { caller: { userName: { eq: "erin.employee" } }, assignmentGroup: { name: { eq: "Database" } } }) { nodes { id } }
    sd: incidents(first: 1, filter: { assignmentGroup: { name: { eq: "Service Desk" } }, caller: { userName: { ne: "erin.employee" } } }) { nodes { id } } }`);
  erinIncident = d.incidents.nodes[0].id;
  serviceDeskIncident = d.sd.nodes[0].id;
}, 120_000);
afterAll(() => t?.stop());

describe('explainAccess', () => {
  it('names the rule that lets a caller read her incident, and why she may not update it or see time worked', async () => {
    const { explainAccess: e } = await t.ok(EXPLAIN, { u: 'erin.employee', r: erinIncident });
    expect(e).toMatchObject({ userName: 'erin.employee', admin: false, recordType: 'incident', recordExists: true });
    const op = (name: string) => e.operations.find((o: { operation: string }) => o.operation === name);
    expect(op('read')).toMatchObject({ allowed: true, decidedBy: 'incident', reason: 'allowed by incident_read_caller' });
    expect(op('read').rules.find((r: { rule: string }) => r.rule === 'incident_read_group')).toMatchObject({ appliesToUser: false, grants: false, criteria: [{ name: 'agents', matched: false }] });
    expect(op('update')).toMatchObject({ allowed: false, decidedBy: 'incident' });
    expect(op('update').reason).toBe('none of the rules on incident is for this user (criteria not matched)');
    expect(op('delete')).toMatchObject({ allowed: false, decidedBy: null });
    const field = (name: string) => e.fields.find((f: { field: string }) => f.field === name);
    expect(field('timeWorked').read).toMatchObject({ allowed: false, decidedBy: 'incident' });
    expect(field('shortDescription').read.allowed).toBe(true);
    expect(field('shortDescription').read.reason).toMatch(/no rule restricts this field/);
  });

  it('explains an agent reading through its group, and denies a record of another group by condition', async () => {
    const alice = (await t.ok(EXPLAIN, { u: 'alice.agent', r: serviceDeskIncident })).explainAccess;
    const read = alice.operations.find((o: { operation: string }) => o.operation === 'read');
    expect(read).toMatchObject({ allowed: true, reason: 'allowed by incident_read_group' });
    const other = (await t.ok(EXPLAIN, { u: 'alice.agent', r: erinIncident })).explainAccess;
    const denied = other.operations.find((o: { operation: string }) => o.operation === 'read');
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toBe('the rules for this user do not match this record');
    expect(denied.rules.find((r: { rule: string }) => r.rule === 'incident_read_group')).toMatchObject({ appliesToUser: true, conditionHolds: false, grants: false });
  });

  it('agrees with what the user actually gets', async () => {
    for (const [user, record] of [['erin.employee', erinIncident], ['alice.agent', erinIncident], ['alice.agent', serviceDeskIncident], ['bob.agent', serviceDeskIncident]]) {
      const e = (await t.ok(EXPLAIN, { u: user, r: record })).explainAccess;
      const allowed = e.operations.find((o: { operation: string }) => o.operation === 'read').allowed;
      const got = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: record }, await t.token({ subject: user }));
      expect(got.data?.node !== null, `${user} on ${record}`).toBe(allowed);
    }
  });

  it('explains journal rules that go through the record: a comment follows the record, a work note needs a fulfiller', async () => {
    const q = `query($r: ID!) { journalEntries(first: 100, filter: { record: { id: { eq: $r } } }) { nodes { id kind } } }`;
    const mine = (await t.ok(q, { r: erinIncident })).journalEntries.nodes as { id: string; kind: string }[];
    const other = (await t.ok(q, { r: serviceDeskIncident })).journalEntries.nodes as { id: string; kind: string }[];
    const explainRead = async (id: string) => {
      const e = (await t.ok(EXPLAIN.replace('rules { rule', 'rules { through rule'), { u: 'erin.employee', r: id })).explainAccess;
      return e.operations.find((o: { operation: string }) => o.operation === 'read');
    };
    const comment = await explainRead(mine.find((n) => n.kind === 'COMMENT')!.id);
    expect(comment).toMatchObject({ allowed: true, decidedBy: 'journal_entry', reason: 'allowed by journal_read_comments' });
    expect(comment.rules.find((r: { rule: string }) => r.rule === 'journal_read_comments')).toMatchObject({ through: 'record', conditionHolds: true, grants: true });
    const note = await explainRead(mine.find((n) => n.kind === 'WORK_NOTE')!.id);
    expect(note.allowed).toBe(false);
    expect(note.rules.find((r: { rule: string }) => r.rule === 'journal_read_work_notes')).toMatchObject({ through: 'record', appliesToUser: false, grants: false });
    // A comment on an incident she may not read: the condition on the kind holds, the record does not.
    const hidden = await explainRead(other.find((n) => n.kind === 'COMMENT')!.id);
    expect(hidden.allowed).toBe(false);
    expect(hidden.rules.find((r: { rule: string }) => r.rule === 'journal_read_comments')).toMatchObject({ conditionHolds: false, grants: false });
  });

  it('is for admins only, and refuses an unknown user', async () => {
    const r = await t.gql(EXPLAIN, { u: 'erin.employee', r: erinIncident }, await t.token({ subject: 'erin.employee' }));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const u = await t.gql(EXPLAIN, { u: 'nobody', r: erinIncident });
    expect(u.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('finds the record by its type and number: a contact may read a case of his account, not one of its parent', async () => {
    const BY_NUMBER = `query($u: String!, $t: String, $n: String) { explainAccess(userName: $u, recordType: $t, number: $n) {
      recordType recordId recordNumber recordExists operations { operation allowed reason decidedBy rules { rule appliesToUser conditionHolds grants } } } }`;
    const d = await t.ok(`{ own: customerCases(first: 1, filter: { account: { name: { eq: "Globex Europe" } } }) { nodes { id number } }
      parent: customerCases(first: 1, filter: { account: { name: { eq: "Globex" } } }) { nodes { id number } } }`);
    const [own, parent] = [d.own.nodes[0], d.parent.nodes[0]];
    const read = (e: { operations: { operation: string }[] }) => e.operations.find((o) => o.operation === 'read') as Record<string, any>;

    const mine = (await t.ok(BY_NUMBER, { u: 'dave.contact', t: 'customer_case', n: own.number.toLowerCase() })).explainAccess;
    expect(mine).toMatchObject({ recordType: 'customer_case', recordId: own.id, recordNumber: own.number, recordExists: true });
    expect(read(mine)).toMatchObject({ allowed: true, decidedBy: 'customer_case', reason: 'allowed by case_read_account' });

    // Through the abstract parent type, as a designer of task rules would ask.
    const other = (await t.ok(BY_NUMBER, { u: 'dave.contact', t: 'task', n: parent.number })).explainAccess;
    expect(other.recordId).toBe(parent.id);
    expect(read(other)).toMatchObject({ allowed: false, reason: 'the rules for this user do not match this record' });
    expect(read(other).rules.find((r: { rule: string }) => r.rule === 'case_read_account')).toMatchObject({ appliesToUser: true, conditionHolds: false, grants: false });

    const byId = (await t.ok(EXPLAIN.replace('recordExists', 'recordExists recordId recordNumber'), { u: 'dave.contact', r: own.id })).explainAccess;
    expect(byId).toMatchObject({ recordId: own.id, recordNumber: own.number });
  });

  it('refuses a number that names no record, a type without numbers, and both or neither way of naming the record', async () => {
    const q = `query($t: String, $n: String, $r: ID) { explainAccess(userName: "dave.contact", recordType: $t, number: $n, recordId: $r) { recordId } }`;
    expect((await t.gql(q, { t: 'customer_case', n: 'CS9999999' })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: 'there is no case numbered "CS9999999"' });
    expect((await t.gql(q, { t: 'customer_case', n: 'INC0000001' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(q, { t: 'department', n: 'X1' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(q, { t: 'no_such_type', n: 'X1' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(q, {})).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(q, { t: 'customer_case', n: 'CS0000001', r: erinIncident })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const erin = await t.gql(q, { t: 'customer_case', n: 'CS0000001' }, await t.token({ subject: 'erin.employee' }));
    expect(erin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('accessDiff', () => {
  const DIFF = `{ accessDiff { usersChecked usersUnaffected truncated skippedTypes changes { userName recordType before after } } }`;

  it('lists who loses read access, and to how many records, before a rule removal is published', async () => {
    const counts: Record<string, number> = {};
    for (const u of ['erin.employee', 'alice.agent']) {
      const d = await t.gql(`{ incidents { totalCount } }`, {}, await t.token({ subject: u }));
      counts[u] = d.data.incidents.totalCount;
    }
    expect((await t.ok(DIFF)).accessDiff.changes).toEqual([]);
    await t.ok(`mutation { removeAcl(name: "incident_read_caller") }`);
    const { accessDiff } = await t.ok(DIFF);
    const erin = accessDiff.changes.find((c: { userName: string; recordType: string }) => c.userName === 'erin.employee' && c.recordType === 'incident');
    expect(erin).toEqual({ userName: 'erin.employee', recordType: 'incident', before: counts['erin.employee'], after: 0 });
    // The journal's own rules did not change, but they go through the record: erin loses the comments too.
    const journal = accessDiff.changes.find((c: { userName: string; recordType: string }) => c.userName === 'erin.employee' && c.recordType === 'journal_entry');
    expect(journal?.after).toBe(0);
    expect(journal?.before).toBeGreaterThan(0);
    // Agents keep what their groups give them; only incidents they called in and that are not their groups' go.
    const alice = accessDiff.changes.find((c: { userName: string; recordType: string }) => c.userName === 'alice.agent' && c.recordType === 'incident');
    if (alice) expect(alice.after).toBeLessThan(alice.before);
    expect(accessDiff.changes.every((c: { after: number; before: number }) => c.after < c.before)).toBe(true);
    expect(accessDiff.usersChecked).toBeGreaterThan(40);
    // Nothing is published by a preview: erin still reads her incidents.
    const still = await t.gql(`{ incidents { totalCount } }`, {}, await t.token({ subject: 'erin.employee' }));
    expect(still.data.incidents.totalCount).toBe(counts['erin.employee']);
    await t.ok(`mutation { discardDrafts }`);
  });
});

describe('access inside the one statement', () => {
  it('a nested page as an agent or a contact is one statement once the profile is read', async () => {
    const query = `{ incidents(first: 5, orderBy: [OPENED_AT_DESC]) { totalCount nodes { number caller { name } assignmentGroup { name }
      journalEntries(first: 3) { nodes { body author { name } } } } }
      customerCases(first: 5) { nodes { number account { name } contact { name } } } }`;
    for (const user of ['alice.agent', 'carol.contact']) {
      const token = await t.token({ subject: user });
      await t.gql(query, {}, token);
      const { result, sql } = await t.statements(() => t.gql(query, {}, token));
      expect(result.errors).toBeUndefined();
      // Two root fields, two statements: the rules are inside them, not extra queries.
      expect(sql, user).toHaveLength(2);
    }
  });
});

describe('rules walking to the parent of a nested connection', () => {
  it('read the parent row in hand instead of looking it up again per record', async () => {
    const token = await t.token({ subject: 'alice.agent' });
    const query = `{ incidents(first: 5) { nodes { journalEntries(first: 3) { nodes { body } } } } }`;
    await t.gql(query, {}, token);
    const { result, sql } = await t.statements(() => t.gql(query, {}, token));
    expect(result.errors).toBeUndefined();
    expect(result.data.incidents.nodes.some((n: { journalEntries: { nodes: unknown[] } }) => n.journalEntries.nodes.length > 0)).toBe(true);
    // journal_read_agents tests incident.assignment_group: under an incident that is the incident's own column.
    expect(sql).toHaveLength(1);
    expect(sql[0].match(/"records"\."incident"/g)).toHaveLength(1);
  });
});
