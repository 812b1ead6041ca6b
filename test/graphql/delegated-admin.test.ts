import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../schema/index.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * Delegated administration over GraphQL HTTP: the HR unit's administrator (the hr_admin role, not the platform
 * admin) builds a new case type end to end, is refused everything outside HR, and publishes only HR's drafts.
 */
let t: TestServer;
const tokens: Record<string, string> = {};

const SAVE_DOC = `mutation($k: MetadataKind!, $d: JSONObject!, $v: Int) { saveMetadataDraft(kind: $k, document: $d, draftVersion: $v) { kind name document hasDraft draftVersion } }`;
const REMOVE_DOC = `mutation($k: MetadataKind!, $n: String!) { removeMetadataDocument(kind: $k, name: $n) { name hasDraft } }`;
const ADD_FIELD = `mutation($t: String!, $f: RecordFieldInput!) { addField(type: $t, field: $f) { name draftVersion } }`;
const PUBLISH = `mutation($m: String!) { publishMetadata(message: $m) { version { id author } changes { kind path } } }`;
const DRAFTS = `{ metadataDrafts { name version updatedBy } }`;

const as = (user: string) => <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> => t.gql<T>(query, variables, tokens[user]);
const ok = async (user: string, query: string, variables: Record<string, unknown> = {}) => {
  const r = await as(user)(query, variables);
  if (r.errors?.length) throw new Error(`GraphQL errors as ${user}: ${JSON.stringify(r.errors)}`);
  return r.data as Record<string, any>;
};
const refusal = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message ?? '' });

const RELOCATION_TYPE = {
  name: 'hr_relocation',
  label: 'Relocation',
  pluralLabel: 'Relocations',
  extends: 'task',
  numberPrefix: 'REL',
  fields: [
    { name: 'employee', label: 'Employee', type: 'reference', reference: 'person', required: true, reverseName: 'relocations' },
    { name: 'destination', label: 'Destination', type: 'string', maxLength: 80, required: true },
    { name: 'move_date', label: 'Move date', type: 'date' },
  ],
};
const RELOCATION_CASE = { name: 'hr_relocation', businessUnit: 'hr', submitters: ['employees'], fulfillers: ['hr_agents'], defaultForm: 'hr_relocation' };
const RELOCATION_STATES = {
  name: 'hr_relocation',
  recordType: 'hr_relocation',
  initial: 'new',
  states: [
    { name: 'new', label: 'Requested', category: 'new' },
    { name: 'in_progress', label: 'Planning', category: 'in_progress' },
    { name: 'closed', label: 'Moved', category: 'closed' },
  ],
  transitions: [
    { from: 'new', to: 'in_progress', criteria: ['hr_agents'] },
    { from: 'in_progress', to: 'closed', criteria: ['hr_agents'] },
  ],
};
const RELOCATION_FORM = { name: 'hr_relocation', recordType: 'hr_relocation', sections: [{ columns: [['employee', 'destination'], ['move_date', 'state']] }] };
// Anyone may create one for themselves as far as ACLs go: who may submit is the case type's submitters' call.
const RELOCATION_CREATE = { name: 'hr_relocation_create_self', recordType: 'hr_relocation', operation: 'create', condition: { field: 'employee', op: 'eq', value: { dynamic: 'me' } } };
const RELOCATION_READ = { name: 'hr_relocation_read_self', recordType: 'hr_relocation', operation: 'read', condition: { field: 'employee', op: 'eq', value: { dynamic: 'me' } } };
// HR agents work every relocation.
const RELOCATION_AGENTS_READ = { name: 'hr_relocation_read_agents', recordType: 'hr_relocation', operation: 'read', criteria: ['hr_agents'] };
const RELOCATION_AGENTS_UPDATE = { name: 'hr_relocation_update_agents', recordType: 'hr_relocation', operation: 'update', criteria: ['hr_agents'] };

const people: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  const role = (await t.ok(`mutation { createRole(input: { name: "hr_admin" }) { role { id } } }`)).createRole.role.id;
  const agentRole = (await t.ok(`mutation { createRole(input: { name: "hr_agent" }) { role { id } } }`)).createRole.role.id;
  const account = (await t.ok(`mutation { createAccount(input: { name: "Globex", kind: CUSTOMER }) { account { id } } }`)).createAccount.account.id;
  for (const [userName, acct] of [['hana.hradmin', null], ['hugo.hragent', null], ['erin.employee', null], ['carol.contact', account]] as const) {
    const r = await t.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName, name: userName, email: `${userName}@example.com`, account: acct } });
    people[userName] = r.createPerson.person.id;
    tokens[userName] = await t.token({ subject: userName });
  }
  await t.ok(`mutation($r: ID!, $p: ID!) { createRoleGrant(input: { role: $r, person: $p }) { roleGrant { id } } }`, { r: role, p: people['hana.hradmin'] });
  await t.ok(`mutation($r: ID!, $p: ID!) { createRoleGrant(input: { role: $r, person: $p }) { roleGrant { id } } }`, { r: agentRole, p: people['hugo.hragent'] });
});
afterAll(() => t?.stop());

describe('a business unit administrator', () => {
  it('is told by studioAccess which units it designs; a user without rights is told which rights are missing', async () => {
    const Q = `{ studioAccess { signedIn userName platformAdmin administeredUnits canDesign missingRights } }`;
    expect((await ok('hana.hradmin', Q)).studioAccess).toEqual({ signedIn: true, userName: 'hana.hradmin', platformAdmin: false, administeredUnits: ['hr'], canDesign: true, missingRights: null });
    const erin = (await ok('erin.employee', Q)).studioAccess;
    expect(erin).toMatchObject({ signedIn: true, platformAdmin: false, administeredUnits: [], canDesign: false });
    expect(erin.missingRights).toMatch(/admin role.*business unit's administrator/);
    const admin = (await t.ok(Q)).studioAccess;
    expect(admin).toMatchObject({ platformAdmin: true, canDesign: true, administeredUnits: ['customer_service', 'facilities', 'finance', 'hr', 'it'] });
    const anonymous = await t.gql(Q, {}, null);
    expect(anonymous.data?.studioAccess ?? anonymous.errors).toMatchObject({ signedIn: false, canDesign: false, missingRights: expect.stringMatching(/^Sign in first/) });
  });

  it('reads metadata but is no platform admin: other admin APIs stay closed', async () => {
    const units = await ok('hana.hradmin', `{ metadataDocuments(kind: BUSINESS_UNIT) { name document } }`);
    expect(units.metadataDocuments.map((d: any) => d.name)).toEqual(['customer_service', 'facilities', 'finance', 'hr', 'it']);
    expect(units.metadataDocuments.find((d: any) => d.name === 'hr').document).toMatchObject({ admins: ['hr_admins'] });
    expect(refusal(await as('hana.hradmin')(`mutation { importMetadata(files: [], dryRun: true) { applied } }`)).code).toBe('FORBIDDEN');
    expect(refusal(await as('erin.employee')(`{ metadataDocuments(kind: CASE_TYPE) { name } }`))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only administrators can read or change metadata') });
  });

  it('reads the whole metadata as one snapshot that the shared validator accepts, with the published version it lies over', async () => {
    const { metadataSnapshot: m } = await ok('hana.hradmin', `{ metadataSnapshot { publishedVersion draftCount snapshot } }`);
    const { metadataVersions } = await ok('hana.hradmin', `{ metadataVersions(limit: 1) { id } }`);
    expect(m.publishedVersion).toBe(metadataVersions[0].id);
    expect(Object.keys(m.snapshot.recordTypes)).toEqual(expect.arrayContaining(['incident', 'hr_employee_change']));
    expect(validateSnapshot(m.snapshot)).toEqual([]);
    expect(refusal(await as('erin.employee')(`{ metadataSnapshot { draftCount } }`)).code).toBe('FORBIDDEN');
  });

  it('cannot touch what lies outside its unit, and is told what is outside', async () => {
    const hana = as('hana.hradmin');
    const field = { name: 'hr_note', label: 'HR note', type: 'STRING' };
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [ADD_FIELD, { t: 'incident', f: field }, /record type "incident" is outside your business units \(hr\): it belongs to business unit "it"/],
      [ADD_FIELD, { t: 'task', f: field }, /record type "task" is outside .*not the record type of any case type/],
      [ADD_FIELD, { t: 'person', f: field }, /record type "person" is outside/],
      [ADD_FIELD, { t: 'expense_claim', f: field }, /record type "expense_claim" is outside .*business unit "finance"/],
      [SAVE_DOC, { k: 'CASE_TYPE', d: { name: 'expense_claim', businessUnit: 'hr' } }, /case type "expense_claim" is outside .*"finance"/],
      [SAVE_DOC, { k: 'CASE_TYPE', d: { name: 'incident', businessUnit: 'hr' } }, /case type "incident" is outside/],
      [SAVE_DOC, { k: 'USER_CRITERIA', d: { name: 'hr_everyone', label: 'Everyone' } }, /user criteria "hr_everyone" is outside/],
      [SAVE_DOC, { k: 'BUSINESS_UNIT', d: { name: 'hr', label: 'HR', admins: ['employees'] } }, /business unit "hr" is outside/],
      [SAVE_DOC, { k: 'ACL', d: { name: 'incident_read_hr', recordType: 'incident', operation: 'read' } }, /ACL "incident_read_hr" is outside .*"it"/],
      [SAVE_DOC, { k: 'FORM', d: { name: 'task_hr', recordType: 'task', sections: [{ columns: [['state']] }] } }, /form "task_hr" is outside/],
      [REMOVE_DOC, { k: 'ACL', n: 'expense_claim_read_agents' }, /ACL "expense_claim_read_agents" is outside .*"finance"/],
      // A new record type is HR's only once an HR case type names it.
      [SAVE_DOC, { k: 'RECORD_TYPE', d: { ...RELOCATION_TYPE, name: 'hr_unclaimed' } }, /record type "hr_unclaimed" is outside .*save the case type "hr_unclaimed" of your unit first/],
    ];
    for (const [query, variables, message] of cases) {
      const r = refusal(await hana(query, variables));
      expect(r.code, JSON.stringify(variables)).toBe('FORBIDDEN');
      expect(r.message).toMatch(message);
    }
    // Nothing was drafted by any of it.
    expect((await t.ok(DRAFTS)).metadataDrafts).toEqual([]);
  });

  it('drafts and publishes a new case type inside its unit: live at once; the platform admin’s drafts stay drafts', async () => {
    // The platform admin has work in progress elsewhere.
    await t.ok(ADD_FIELD, { t: 'incident', f: { name: 'vendor', label: 'Vendor', type: 'STRING' } });
    const before = (await t.ok(DRAFTS)).metadataDrafts;
    expect(before.map((d: any) => d.name)).toEqual(['incident']);

    await ok('hana.hradmin', SAVE_DOC, { k: 'CASE_TYPE', d: RELOCATION_CASE });
    await ok('hana.hradmin', SAVE_DOC, { k: 'RECORD_TYPE', d: RELOCATION_TYPE });
    await ok('hana.hradmin', ADD_FIELD, { t: 'hr_relocation', f: { name: 'reason', label: 'Reason', type: 'TEXT' } });
    for (const [k, d] of [
      ['STATE_MODEL', RELOCATION_STATES],
      ['FORM', RELOCATION_FORM],
      ['ACL', RELOCATION_CREATE],
      ['ACL', RELOCATION_READ],
      ['ACL', RELOCATION_AGENTS_READ],
      ['ACL', RELOCATION_AGENTS_UPDATE],
    ] as const)
      await ok('hana.hradmin', SAVE_DOC, { k, d });
    const saved = await ok('hana.hradmin', `{ metadataDocument(kind: CASE_TYPE, name: "hr_relocation") { document hasDraft draftVersion } }`);
    expect(saved.metadataDocument).toMatchObject({ hasDraft: true, document: { businessUnit: 'hr', submitters: ['employees'] } });

    expect((await ok('hana.hradmin', `{ validateMetadata { path message } }`)).validateMetadata).toEqual([]);
    const published = (await ok('hana.hradmin', PUBLISH, { m: 'relocation cases' })).publishMetadata;
    expect(published.version.author).toBe('hana.hradmin');
    const paths = published.changes.map((c: any) => c.path);
    expect(new Set(paths)).toEqual(new Set(['hr_relocation', 'hr_relocation_create_self', 'hr_relocation_read_self', 'hr_relocation_read_agents', 'hr_relocation_update_agents']));
    expect(paths.filter((p: string) => p.startsWith('incident'))).toEqual([]);
    // The platform admin's draft is untouched: same name, same version, same author.
    expect((await t.ok(DRAFTS)).metadataDrafts).toEqual(before);
    const history = (await t.ok(`{ metadataVersions(limit: 1) { author message } }`)).metadataVersions[0];
    expect(history).toEqual({ author: 'hana.hradmin', message: 'relocation cases' });

    // Live at once, no restart: an employee submits one through the generated mutation.
    const created = await ok('erin.employee', `mutation($i: CreateHrRelocationInput!) { createHrRelocation(input: $i) { hrRelocation { number destination employee { id } } } }`, {
      i: { shortDescription: 'Moving to Berlin', employee: people['erin.employee'], destination: 'Berlin' },
    });
    expect(created.createHrRelocation.hrRelocation).toMatchObject({ number: expect.stringMatching(/^REL/), destination: 'Berlin', employee: { id: people['erin.employee'] } });
  });

  it('the new case type lives at once: an HR agent moves it through its states, the employee may not; comments and history need no wiring', async () => {
    const READ = `query($id: ID!) { hrRelocation(id: $id) { version state availableTransitions { to label } journalEntries { nodes { body kind } } history(field: "state") { nodes { oldValue newValue changedBy } } } }`;
    const MOVE = `mutation($i: TransitionHrRelocationInput!) { transitionHrRelocation(input: $i) { hrRelocation { version state availableTransitions { to } } } }`;
    const created = await ok('erin.employee', `mutation($i: CreateHrRelocationInput!) { createHrRelocation(input: $i) { hrRelocation { id state version } } }`, {
      i: { shortDescription: 'Moving to Madrid', employee: people['erin.employee'], destination: 'Madrid' },
    });
    const { id } = created.createHrRelocation.hrRelocation;
    expect(created.createHrRelocation.hrRelocation).toMatchObject({ state: 'NEW', version: 1 });

    // The employee may read it but no move is hers: none offered, and trying one names the rule.
    expect((await ok('erin.employee', READ, { id })).hrRelocation.availableTransitions).toEqual([]);
    const refused = refusal(await as('erin.employee')(MOVE, { i: { id, version: 1, to: 'IN_PROGRESS' } }));
    expect(refused.code).toBe('INVALID_TRANSITION');
    // Nor may an update change the state behind the model's back.
    const sneaky = refusal(await as('hugo.hragent')(`mutation($i: UpdateHrRelocationInput!) { updateHrRelocation(input: $i) { hrRelocation { state } } }`, { i: { id, version: 1, patch: { state: 'CLOSED' } } }));
    expect(sneaky.code).toBe('INVALID_TRANSITION');
    expect(sneaky.message).toMatch(/transitionHrRelocation/);

    // The HR agent sees the one move the model allows from here, takes it, then the next; NEW → CLOSED is no move.
    expect((await ok('hugo.hragent', READ, { id })).hrRelocation.availableTransitions.map((x: any) => x.to)).toEqual(['IN_PROGRESS']);
    expect(refusal(await as('hugo.hragent')(MOVE, { i: { id, version: 1, to: 'CLOSED' } })).code).toBe('INVALID_TRANSITION');
    const planning = (await ok('hugo.hragent', MOVE, { i: { id, version: 1, to: 'IN_PROGRESS' } })).transitionHrRelocation.hrRelocation;
    expect(planning).toEqual({ version: 2, state: 'IN_PROGRESS', availableTransitions: [{ to: 'CLOSED' }] });
    const moved = (await ok('hugo.hragent', MOVE, { i: { id, version: 2, to: 'CLOSED' } })).transitionHrRelocation.hrRelocation;
    expect(moved).toEqual({ version: 3, state: 'CLOSED', availableTransitions: [] });

    // The journal of every task type, this one included: the HR agent (a fulfiller) writes a work note, the
    // employee comments on her own case; she sees her comment, not the work note.
    await ok('hugo.hragent', `mutation($r: ID!, $b: String!) { addWorkNote(recordId: $r, body: $b) { journalEntry { id } } }`, { r: id, b: 'Movers booked.' });
    expect(refusal(await as('erin.employee')(`mutation($r: ID!, $b: String!) { addWorkNote(recordId: $r, body: $b) { journalEntry { id } } }`, { r: id, b: 'x' })).code).toBe('FORBIDDEN');
    await ok('erin.employee', `mutation($r: ID!, $b: String!) { addComment(recordId: $r, body: $b) { journalEntry { id } } }`, { r: id, b: 'Thanks, all done.' });
    const agentView = (await ok('hugo.hragent', READ, { id })).hrRelocation.journalEntries.nodes;
    expect(agentView.map((n: any) => n.kind).sort()).toEqual(['COMMENT', 'WORK_NOTE']);
    const after = (await ok('erin.employee', READ, { id })).hrRelocation;
    expect(after.journalEntries.nodes).toEqual([{ body: 'Thanks, all done.', kind: 'COMMENT' }]);
    // Field history, written with each write: the state went NEW → IN_PROGRESS → CLOSED, moved by the agent.
    expect(after.history.nodes.filter((h: any) => h.oldValue !== null)).toEqual([
      { oldValue: 'new', newValue: 'in_progress', changedBy: 'hugo.hragent' },
      { oldValue: 'in_progress', newValue: 'closed', changedBy: 'hugo.hragent' },
    ]);
  });

  it('refuses a submitter who is not one, though the ACLs would let it create, before any statement', async () => {
    const create = `mutation($i: CreateHrRelocationInput!) { createHrRelocation(input: $i) { hrRelocation { id } } }`;
    // Signed in once already, so the profile is read: the submitters check itself is in memory.
    await as('carol.contact')(`{ hrRelocations { totalCount } }`);
    const { result, sql } = await t.statements(() => as('carol.contact')(create, { i: { shortDescription: 'Moving', employee: people['carol.contact'], destination: 'Paris' } }));
    expect(refusal(result)).toEqual({ code: 'FORBIDDEN', message: 'you may not submit Relocation cases: only Employees may' });
    expect(sql).toEqual([]);
    // A submitter's create costs what any create costs: the one write statement.
    const done = await t.statements(() => as('erin.employee')(create, { i: { shortDescription: 'Moving again', employee: people['erin.employee'], destination: 'Lyon' } }));
    expect(done.result.errors).toBeUndefined();
    expect(done.sql.length, done.sql.join('\n')).toBe(1);
    const count = await t.ok(`{ hrRelocations { totalCount } }`);
    expect(count.hrRelocations.totalCount).toBe(3);
  });

  it('edits its unit’s shipped case types and publishes again; discarding takes only its own unit’s drafts', async () => {
    await ok('hana.hradmin', ADD_FIELD, { t: 'hr_leave_request', f: { name: 'handover_to', label: 'Handover to', type: 'REFERENCE', reference: 'person', reverseName: 'handovers' } });
    await ok('hana.hradmin', SAVE_DOC, { k: 'CASE_TYPE', d: { name: 'hr_leave_request', businessUnit: 'hr', submitters: ['employees'], fulfillers: ['hr_agents'] } });
    expect((await ok('hana.hradmin', `mutation { discardDrafts }`)).discardDrafts).toBe(2);
    expect((await t.ok(DRAFTS)).metadataDrafts.map((d: any) => d.name)).toEqual(['incident']);
    expect(refusal(await as('hana.hradmin')(`mutation { discardDrafts(names: ["incident"]) }`)).code).toBe('FORBIDDEN');
    await ok('hana.hradmin', ADD_FIELD, { t: 'hr_leave_request', f: { name: 'handover_to', label: 'Handover to', type: 'REFERENCE', reference: 'person', reverseName: 'handovers' } });
    const r = (await ok('hana.hradmin', PUBLISH, { m: 'handover' })).publishMetadata;
    expect(r.changes.map((c: any) => c.path)).toEqual(['hr_leave_request.handover_to']);
  });

  it('publishing as a unit admin with nothing of its own to publish is refused plainly', async () => {
    const r = refusal(await as('hana.hradmin')(PUBLISH, { m: 'nothing' }));
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.message).toMatch(/no drafts to publish that you may publish/);
    // The platform admin still publishes everything.
    expect((await t.gql(PUBLISH, { m: 'vendor' })).errors).toBeUndefined();
  });
});
