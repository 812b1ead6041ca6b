import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../server/records/global-id.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
/** Global ids. */
let parent: string;
let child: string;
let other: string;
let agentToken: string;
/** A contact of `parent` holding account_admin: decides for `parent` and `child`. */
let parentAdminToken: string;
/** A contact of `other` holding account_admin. */
let otherAdminToken: string;
/** A contact of `parent` with no role. */
let plainContactToken: string;

const REGISTER = `mutation($i: RegisterContactInput!) { registerContact(input: $i) { message userName email account } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $comment: String, $userName: String) {
  decideRegistration(id: $id, approve: $approve, comment: $comment, userName: $userName) { id state userName user approval decidedAt }
}`;
/** What every well-formed registration is answered with, whatever exists already. */
const RECEIVED = 'Thank you: if the details are in order, your registration awaits approval by an administrator of your account or an agent. You can sign in once it is approved.';

async function create(kind: string, input: Record<string, unknown>): Promise<string> {
  const d = await t.ok(`mutation($i: Create${kind}Input!) { create${kind}(input: $i) { ${lower(kind)} { id } } }`, { i: input });
  return d[`create${kind}`][lower(kind)].id;
}

function lower(s: string): string {
  return s[0].toLowerCase() + s.slice(1);
}

async function contact(userName: string, account: string, roles: string[]): Promise<string> {
  const person = await create('Person', { userName, name: userName, email: `${userName}@example.com`, account });
  for (const role of roles) await create('RoleGrant', { role, person });
  return t.token({ subject: userName });
}

let seq = 0;
/** A fresh registration's input; every call a new user name and e-mail. */
function input(account: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return { userName: `new.contact${seq}`, name: `New Contact ${seq}`, email: `new${seq}@customer.example`, account, message: 'please let me in', ...extra };
}

/** Registers anonymously and finds what was recorded: the answer itself names no record. */
async function register(account: string, extra: Record<string, unknown> = {}): Promise<{ id: string; approval: string; userName: string; email: string }> {
  const i = input(account, extra) as { userName: string; email: string };
  const r = await t.gql(REGISTER, { i }, null);
  expect(r.errors).toBeUndefined();
  expect(r.data.registerContact).toEqual({ message: RECEIVED, userName: i.userName, email: i.email, account });
  const [row] = await t.atrium.db.run<{ id: number }>(sql`SELECT max("id")::int AS "id" FROM "records"."registration" WHERE "user_name" = ${i.userName}`);
  const id = toGlobalId('Registration', String(row.id));
  // The contact registration flow asks (an engine step after the commit): the agent's request is the one named here.
  await t.atrium.engines.drain();
  const [approval] = await rowOf('approval', sql`"document" = ${id} AND "approver" = (SELECT "id" FROM "records"."person" WHERE "user_name" = 'agent.smith')`);
  return { id, approval: toGlobalId('Approval', String(approval.id)), userName: i.userName, email: i.email };
}

/** Rows as JSON, the same on both drivers (ids are numbers). */
async function rowOf(type: 'registration' | 'approval' | 'person', where: ReturnType<typeof sql>): Promise<Record<string, any>[]> {
  const rows = await t.atrium.db.run<{ row: unknown }>(sql`SELECT to_jsonb(r) AS "row" FROM ${sql.identifier('records')}.${sql.identifier(type)} r WHERE ${where}`);
  return rows.map((x) => (typeof x.row === 'string' ? JSON.parse(x.row) : x.row));
}

async function personNamed(userName: string) {
  return rowOf('person', sql`"user_name" = ${userName}`);
}

function idOf(globalId: string): number {
  return fromGlobalId(globalId).id;
}

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  parent = await create('Account', { name: 'Globex' });
  child = await create('Account', { name: 'Globex Europe', parent });
  other = await create('Account', { name: 'Initech' });
  const agentRole = await create('Role', { name: 'agent' });
  const accountAdminRole = await create('Role', { name: 'account_admin' });
  const agent = await create('Person', { userName: 'agent.smith', name: 'Agent Smith', email: 'smith@example.com' });
  await create('RoleGrant', { role: agentRole, person: agent });
  agentToken = await t.token({ subject: 'agent.smith' });
  parentAdminToken = await contact('globex.admin', parent, [accountAdminRole]);
  otherAdminToken = await contact('initech.admin', other, [accountAdminRole]);
  plainContactToken = await contact('globex.user', parent, []);
  // The flows engine reads events from when it first runs: start it before the first registration.
  await t.atrium.engines.drain();
});
afterAll(() => t?.stop());

describe('contact self-registration', () => {
  it('registers anonymously: a requested registration with its event; the contact registration flow asks the account admins above it and the agents', async () => {
    const before = await t.atrium.db.run<{ n: number }>(sql`SELECT coalesce(max("id"), 0)::int AS n FROM "atrium"."record_event"`);
    const r = await register(child);
    const [row] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(row).toMatchObject({ user_name: r.userName, email: r.email, account: idOf(child), state: 'requested', message: 'please let me in', sys_created_by: 'anonymous', person: null, decided_at: null });
    const approvals = await rowOf('approval', sql`"document" = ${r.id}`);
    const asked = await t.atrium.db.run<{ user_name: string }>(sql`SELECT "user_name" FROM "records"."person" WHERE "id" IN (${sql.join(approvals.map((a) => sql`${a.approver}::bigint`), sql`, `)}) ORDER BY 1`);
    // The child account has no admins: the parent's account admin is asked, and every agent.
    expect(asked.map((p) => p.user_name)).toEqual(['agent.smith', 'globex.admin']);
    for (const a of approvals) expect(a).toMatchObject({ document: r.id, document_type: 'registration', state: 'requested', flow_node: 'approval', sys_created_by: 'system' });
    const events = await t.atrium.db.run<{ record_type: string; kind: string; actor: string }>(sql`SELECT "record_type", "kind", "actor" FROM "atrium"."record_event" WHERE "id" > ${before[0].n} ORDER BY "id"`);
    expect(events.map((e) => `${e.record_type}:${e.kind}:${e.actor}`)).toEqual(['registration:created:anonymous', 'approval:created:system', 'approval:created:system']);
  });

  it('refuses a bad user name or e-mail', async () => {
    const bad = await t.gql(REGISTER, { i: input(parent, { userName: ' x', email: 'not-an-address' }) }, null);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining(['userName', 'email']) });
  });

  it('refuses input that is not well-formed, NUL bytes included, judged without looking anything up', async () => {
    for (const [extra, field] of [
      [{ name: 'Ada\u0000' }, 'name'],
      [{ name: 'Ada\u0007Bell' }, 'name'],
      [{ message: 'let me in\u0000' }, 'message'],
      [{ email: 'ada\u0000@customer.example' }, 'email'],
      [{ userName: 'ada\u0000' }, 'userName'],
    ] as const) {
      const r = await t.gql(REGISTER, { i: input(parent, extra) }, null);
      // A NUL is refused for every request at the door (400, naming the variable); other control characters by
      // the registration itself (naming the field).
      const nul = Object.values(extra).some((v) => v.includes('\u0000'));
      expect(r.status, field).toBe(nul ? 400 : 200);
      expect(r.errors?.[0].extensions, field).toMatchObject(nul ? { code: 'BAD_USER_INPUT', path: `$i.${field}` } : { code: 'BAD_USER_INPUT', fields: [field] });
    }
    // Line breaks and tabs belong in a message.
    await register(parent, { message: 'line one\n\tline two' });
  });

  it('answers the same whether or not the user name, e-mail address or account is taken or exists', async () => {
    const pending = await register(parent);
    const unknownAccount = Buffer.from('Account:999999').toString('base64url');
    const asked: [string, Record<string, unknown>, string][] = [
      ['a fresh registration', {}, parent],
      ['a user name a user has (in another case)', { userName: 'Globex.User' }, parent],
      ['a user name a pending registration asks for', { userName: pending.userName }, parent],
      ['an e-mail address a user has', { email: 'globex.user@example.com' }, parent],
      ['an e-mail address a pending registration uses', { email: pending.email }, parent],
      ["a user name that is someone's e-mail address", { userName: 'smith@example.com' }, parent],
      ['an account that does not exist', {}, unknownAccount],
    ];
    for (const [what, extra, account] of asked) {
      const i = input(account, extra) as { userName: string; email: string };
      const r = await t.gql(REGISTER, { i }, null);
      expect({ status: r.status, errors: r.errors, data: r.data }, what).toEqual({ status: 200, errors: undefined, data: { registerContact: { message: RECEIVED, userName: i.userName, email: i.email, account } } });
    }
    // Every one for an existing account is recorded and waits for its approver; the unknown account's is not.
    for (const userName of ['Globex.User', pending.userName, 'smith@example.com']) {
      expect((await rowOf('registration', sql`"user_name" = ${userName} AND "state" = 'requested'`)).length, userName).toBeGreaterThanOrEqual(1);
    }
    expect(await rowOf('registration', sql`"account" = 999999`)).toEqual([]);
    const wrongType = await t.gql(REGISTER, { i: input(Buffer.from('Person:1').toString('base64url')) }, null);
    expect(wrongType.errors?.[0].extensions?.code).toBe('INVALID_ID');
  });

  it('settles clashes at approval: a taken user name or e-mail is a CONFLICT for the approver, who rejects or approves under another user name', async () => {
    const byUser = await register(parent, { userName: 'Globex.User' });
    const refused = await t.gql(DECIDE, { id: byUser.id, approve: true }, agentToken);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'the user name "Globex.User" is already taken by another user; approve with another user name (userName), or reject the registration; the registration stays requested',
      extensions: { code: 'CONFLICT', field: 'userName', takenBy: 'user' },
    });
    const [still] = await rowOf('registration', sql`"id" = ${idOf(byUser.id)}`);
    expect(still).toMatchObject({ state: 'requested', person: null, sys_version: 1 });

    // A user name equal to someone's e-mail would take over their sign-in: taken just the same.
    const nameIsEmail = await register(parent, { userName: 'smith@example.com' });
    expect((await t.gql(DECIDE, { id: nameIsEmail.id, approve: true }, agentToken)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'userName' });

    const bad = await t.gql(DECIDE, { id: byUser.id, approve: true, userName: 'no spaces' }, agentToken);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userName' });
    const renamedReject = await t.gql(DECIDE, { id: byUser.id, approve: false, userName: 'globex.user2' }, agentToken);
    expect(renamedReject.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userName' });

    const approved = await t.gql(DECIDE, { id: byUser.id, approve: true, userName: 'globex.user2' }, parentAdminToken);
    expect(approved.errors).toBeUndefined();
    expect(approved.data.decideRegistration).toMatchObject({ state: 'APPROVED', userName: 'globex.user2' });
    const [person] = await personNamed('globex.user2');
    expect(person).toMatchObject({ email: byUser.email, account: idOf(parent) });
    expect(await rowOf('registration', sql`"id" = ${idOf(byUser.id)}`)).toMatchObject([{ state: 'approved', user_name: 'globex.user2', person: person.id }]);

    const byEmail = await register(parent, { email: 'globex.user@example.com' });
    const emailTaken = await t.gql(DECIDE, { id: byEmail.id, approve: true }, agentToken);
    expect(emailTaken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email', takenBy: 'user' });
    expect(emailTaken.errors?.[0].message).toMatch(/^the e-mail address globex\.user@example\.com is already used by another user/);
    expect((await t.gql(DECIDE, { id: byEmail.id, approve: false, comment: 'already has a user' }, agentToken)).data.decideRegistration.state).toBe('REJECTED');
  });

  it('records both of two concurrent registrations for the same user name; of their approvals at once one wins, the other is a CONFLICT', async () => {
    const first = input(parent) as { userName: string };
    const results = await Promise.all([t.gql(REGISTER, { i: first }, null), t.gql(REGISTER, { i: { ...input(parent), userName: first.userName.toUpperCase() } }, null)]);
    expect(results.map((x) => x.errors)).toEqual([undefined, undefined]);
    const regs = await rowOf('registration', sql`lower("user_name") = ${first.userName}`);
    expect(regs).toHaveLength(2);
    await t.atrium.engines.drain();
    const decisions = await Promise.all(regs.map((r) => t.gql(DECIDE, { id: toGlobalId('Registration', String(r.id)), approve: true }, agentToken)));
    expect(decisions.filter((d) => !d.errors)).toHaveLength(1);
    expect(decisions.filter((d) => d.errors).map((d) => d.errors![0].extensions)).toMatchObject([{ code: 'CONFLICT', field: 'userName' }]);
    expect(await rowOf('person', sql`lower("user_name") = ${first.userName}`)).toHaveLength(1);
  });

  it('lets an agent approve: the user exists with the account, the approval is decided, events are written', async () => {
    const r = await register(child);
    const before = await t.atrium.db.run<{ id: number }>(sql`SELECT coalesce(max("id"), 0)::int AS id FROM "atrium"."record_event"`);
    const d = await t.gql(DECIDE, { id: r.id, approve: true, comment: 'welcome' }, agentToken);
    expect(d.errors).toBeUndefined();
    expect(d.data.decideRegistration).toMatchObject({ id: r.id, state: 'APPROVED', approval: r.approval });
    expect(d.data.decideRegistration.decidedAt).toBeTruthy();
    const [person] = await personNamed(r.userName);
    expect(person).toMatchObject({ account: idOf(child), active: true, email: expect.stringMatching(/@customer\.example$/), sys_created_by: 'agent.smith' });
    expect(d.data.decideRegistration.user).toBe(Buffer.from(`Person:${person.id}`).toString('base64url'));
    const [agent] = await personNamed('agent.smith');
    const [reg] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(reg).toMatchObject({ state: 'approved', person: person.id, decided_by: agent.id, sys_version: 2, sys_updated_by: 'agent.smith' });
    const [approval] = await rowOf('approval', sql`"id" = ${idOf(r.approval)}`);
    expect(approval).toMatchObject({ state: 'approved', decided_by: agent.id, comments: 'welcome', sys_version: 2 });
    const events = await t.atrium.db.run<{ record_type: string; kind: string; actor: string; snapshot: Record<string, unknown> }>(
      sql`SELECT "record_type", "kind", "actor", "snapshot" FROM "atrium"."record_event" WHERE "id" > ${before[0].id} ORDER BY "id"`,
    );
    // The decision, the other request closed by the flow, then what the flow's outcome did: the user, the registration.
    expect(events.map((e) => `${e.record_type}:${e.kind}:${e.actor}`)).toEqual(['approval:updated:agent.smith', 'approval:updated:agent.smith', 'person:created:agent.smith', 'registration:updated:agent.smith']);
    expect(events[1].snapshot).toMatchObject({ state: 'not_required' });
    // The registration's one event carries the whole decision: state and the user it created.
    expect(events[3].snapshot).toMatchObject({ state: 'approved', person: person.id, sys_version: 2 });
    // Field history comes with each of these writes (writeWithEvent): the new user's fields, the approval's decision.
    const history = await t.atrium.db.run<{ record_type: string; field_name: string; version: number; old_value: unknown; new_value: unknown; actor: string }>(
      sql`SELECT "record_type", "field_name", "version", "old_value", "new_value", "actor" FROM "atrium"."record_history" WHERE "record_id" IN (${person.id}::bigint, ${idOf(r.approval)}::bigint) ORDER BY "id"`,
    );
    expect(history.filter((h) => h.record_type === 'person').map((h) => h.field_name)).toEqual(expect.arrayContaining(['user_name', 'email', 'account', 'active']));
    const state = history.find((h) => h.record_type === 'approval' && h.field_name === 'state' && h.version === 2)!;
    expect([state.old_value, state.new_value, state.actor]).toEqual(['requested', 'approved', 'agent.smith']);
    expect(history.every((h) => h.record_type !== 'approval' || h.version === 1 || h.field_name !== 'document')).toBe(true);
  });

  it('approve(id) from myApprovals decides the registration through its flow: the user is created exactly once', async () => {
    const r = await register(parent);
    const mine = await t.gql(`{ myApprovals(first: 100) { edges { node { id recordType record { id } } } } }`, {}, agentToken);
    const request = mine.data.myApprovals.edges.map((e: any) => e.node).find((n: any) => n.id === r.approval);
    expect(request).toMatchObject({ recordType: 'registration', record: { id: r.id } });
    const [first, second] = await Promise.all([
      t.gql(`mutation($id: ID!) { approve(id: $id, comment: "ok") { state } }`, { id: r.approval }, agentToken),
      t.gql(`mutation($id: ID!) { approve(id: $id) { state } }`, { id: r.approval }, agentToken),
    ]);
    expect([first, second].filter((x) => !x.errors).map((x) => x.data.approve.state)).toEqual(['APPROVED']);
    expect([first, second].filter((x) => x.errors).map((x) => x.errors![0].extensions?.code)).toEqual(['CONFLICT']);
    expect(await personNamed(r.userName)).toHaveLength(1);
    const [reg] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(reg).toMatchObject({ state: 'approved', person: (await personNamed(r.userName))[0].id });
    const late = await t.gql(DECIDE, { id: r.id, approve: true }, parentAdminToken);
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await personNamed(r.userName)).toHaveLength(1);
  });

  it('gives no token until approved: sign-in is refused and a token for the user name gets 401; after approval both work', async () => {
    const r = await register(parent);
    expect(await t.atrium.signIn(r.userName)).toBeNull();
    const early = await t.token({ subject: r.userName });
    const refused = await t.gql(`{ __typename }`, {}, early);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(DECIDE, { id: r.id, approve: true }, parentAdminToken)).errors).toBeUndefined();
    const token = await t.atrium.signIn(r.userName);
    expect(token).toBeTruthy();
    // The token made before approval works now too: the profile cached as "no such user" was dropped.
    for (const tk of [token!, early]) {
      const me = await t.gql(`{ people(first: 100) { nodes { userName account { name } } } }`, {}, tk);
      expect(me.status).toBe(200);
      expect(me.errors).toBeUndefined();
      expect(me.data.people.nodes).toContainEqual({ userName: r.userName, account: { name: 'Globex' } });
    }
  });

  it('lets an account admin of the parent account approve a registration for a child account', async () => {
    const r = await register(child);
    const d = await t.gql(DECIDE, { id: r.id, approve: true }, parentAdminToken);
    expect(d.errors).toBeUndefined();
    expect(d.data.decideRegistration.state).toBe('APPROVED');
    const [person] = await personNamed(r.userName);
    expect(person.account).toBe(idOf(child));
    const [admin] = await personNamed('globex.admin');
    const [reg] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(reg.decided_by).toBe(admin.id);
  });

  it('refuses a contact without account_admin, an account admin of another account, and anonymous callers', async () => {
    const r = await register(child);
    const plain = await t.gql(DECIDE, { id: r.id, approve: true }, plainContactToken);
    expect(plain.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await t.gql(DECIDE, { id: r.id, approve: true }, otherAdminToken);
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(DECIDE, { id: r.id, approve: true }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const [reg] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(reg.state).toBe('requested');
    expect(await personNamed(r.userName)).toHaveLength(0);
  });

  it('decides once: of two concurrent approvals exactly one succeeds, the other is a CONFLICT', async () => {
    const r = await register(parent);
    const results = await Promise.all([
      t.gql(DECIDE, { id: r.id, approve: true }, agentToken),
      t.gql(DECIDE, { id: r.id, approve: true }, parentAdminToken),
      t.gql(DECIDE, { id: r.id, approve: true }, t.adminToken),
      t.gql(DECIDE, { id: r.id, approve: false }, agentToken),
    ]);
    const ok = results.filter((x) => !x.errors);
    const failed = results.filter((x) => x.errors);
    expect(ok).toHaveLength(1);
    expect(failed.map((x) => x.errors![0].extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const won = ok[0].data.decideRegistration.state;
    expect(await personNamed(r.userName)).toHaveLength(won === 'APPROVED' ? 1 : 0);
    // One request carries the decision; the flow closed the other as no longer required.
    const approvals = await rowOf('approval', sql`"document" = ${r.id}`);
    expect(approvals.map((a) => a.state).sort()).toEqual([won.toLowerCase(), 'not_required'].sort());
    const again = await t.gql(DECIDE, { id: r.id, approve: false }, agentToken);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('rejects: both records rejected, no user', async () => {
    const r = await register(parent);
    const d = await t.gql(DECIDE, { id: r.id, approve: false, comment: 'not one of ours' }, agentToken);
    expect(d.errors).toBeUndefined();
    expect(d.data.decideRegistration).toMatchObject({ state: 'REJECTED', user: null });
    expect(await personNamed(r.userName)).toHaveLength(0);
    const [approval] = await rowOf('approval', sql`"id" = ${idOf(r.approval)}`);
    expect(approval).toMatchObject({ state: 'rejected', comments: 'not one of ours' });
    expect(await t.atrium.signIn(r.userName)).toBeNull();
    // The same person may register again; the new registration waits for its own decision.
    const again = await register(parent, { userName: r.userName });
    expect(again.id).not.toBe(r.id);
  });

  it('leaves nothing half-applied when approval fails (the e-mail was taken meanwhile)', async () => {
    const r = await register(parent);
    const [reg0] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    await create('Person', { userName: 'someone.else', name: 'Someone Else', email: reg0.email });
    const events = await t.atrium.db.run<{ id: number }>(sql`SELECT coalesce(max("id"), 0)::int AS id FROM "atrium"."record_event"`);
    const d = await t.gql(DECIDE, { id: r.id, approve: true }, agentToken);
    expect(d.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    const [reg] = await rowOf('registration', sql`"id" = ${idOf(r.id)}`);
    expect(reg).toMatchObject({ state: 'requested', person: null, decided_by: null, decided_at: null, sys_version: 1 });
    const [approval] = await rowOf('approval', sql`"id" = ${idOf(r.approval)}`);
    expect(approval).toMatchObject({ state: 'requested', sys_version: 1 });
    expect(await personNamed(r.userName)).toHaveLength(0);
    const after = await t.atrium.db.run<{ id: number }>(sql`SELECT coalesce(max("id"), 0)::int AS id FROM "atrium"."record_event"`);
    expect(after[0].id).toBe(events[0].id);
    // Still decidable: rejecting it works.
    expect((await t.gql(DECIDE, { id: r.id, approve: false }, agentToken)).errors).toBeUndefined();
  });

  it('shows registrations by the access rules: agents all, account admins their account tree, plain contacts none; nobody but admins writes them generically', async () => {
    const mine = await register(child);
    const theirs = await register(other);
    const list = `{ registrations(first: 100) { nodes { id } } }`;
    const ids = async (token: string) => (await t.gql(list, {}, token)).data.registrations.nodes.map((n: { id: string }) => n.id);
    expect(await ids(agentToken)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const parentAdmin = await ids(parentAdminToken);
    expect(parentAdmin).toContain(mine.id);
    expect(parentAdmin).not.toContain(theirs.id);
    expect(await ids(plainContactToken)).toEqual([]);
    const approvals = (await t.gql(`{ approvals(first: 100) { nodes { id } } }`, {}, agentToken)).data.approvals.nodes.map((n: { id: string }) => n.id);
    expect(approvals).toEqual(expect.arrayContaining([mine.approval, theirs.approval]));
    const forged = await t.gql(`mutation($i: CreateRegistrationInput!) { createRegistration(input: $i) { registration { id } } }`, { i: { userName: 'forged', name: 'F', email: 'f@x.example', account: child } }, parentAdminToken);
    expect(forged.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approve = await t.gql(`mutation($i: UpdateRegistrationInput!) { updateRegistration(input: $i) { registration { id } } }`, { i: { id: mine.id, version: 1, patch: { state: 'APPROVED' } } }, agentToken);
    expect(approve.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
