import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApproverSourceDoc } from '../../../schema/index.js';
import { tableRef } from '../../../server/ddl/sql-names.js';
import { resolveApprovers } from '../../../server/engines/flows/approvers/index.js';
import type { ApproverResolution } from '../../../server/engines/flows/flow-types.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let t: TestServer;
const NOW = new Date('2026-03-02T09:00:00Z');
/** Person ids by user name, group and account ids by name. */
const p: Record<string, string> = {};
const g: Record<string, string> = {};
const acc: Record<string, string> = {};

async function insert(type: string, values: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(values);
  const [row] = await t.atrium.db.run<{ id: string | number }>(
    sql`INSERT INTO ${tableRef(type)} (${sql.join([...cols, 'sys_created_by', 'sys_updated_by'].map((c) => sql.identifier(c)), sql`, `)})
        VALUES (${sql.join([...cols.map((c) => sql`${values[c]}`), sql`'test'`, sql`'test'`], sql`, `)}) RETURNING "id"`,
  );
  return String(row.id);
}
async function role(name: string): Promise<string> {
  const [found] = await t.atrium.db.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef('role')} WHERE "name" = ${name}`);
  return found ? String(found.id) : insert('role', { name });
}
async function delegate(from: string, to: string, startsAt: string, endsAt: string | null, active = true): Promise<void> {
  await t.atrium.db.run(sql`INSERT INTO atrium.approval_delegation (person_id, delegate_id, starts_at, ends_at, active) VALUES (${p[from]}::bigint, ${p[to]}::bigint, ${startsAt}::timestamptz, ${endsAt}::timestamptz, ${active})`);
}

/** Resolves `sources` for a record of `recordType`; answers with user names instead of ids, for readable expectations. */
async function resolve(sources: ApproverSourceDoc[], options: { requester?: string | null; recordType?: string; row?: Record<string, unknown>; now?: Date } = {}) {
  const res = await resolveApprovers({
    tx: t.atrium.db,
    sources,
    recordType: options.recordType ?? 'role_grant',
    row: options.row ?? {},
    requesterId: options.requester ? p[options.requester] : null,
    now: options.now ?? NOW,
    model: t.atrium.registry.current.graph.model,
  });
  return named(res);
}
function named(res: ApproverResolution) {
  const name = (id: string | null | undefined) => (id ? (Object.entries(p).find(([, v]) => v === id)?.[0] ?? `#${id}`) : null);
  return {
    approvers: res.approvers.map((a) => ({ who: name(a.personId), from: name(a.delegatedFrom), via: a.via })),
    flags: res.flags.map((f) => ({ kind: f.kind, source: f.source, ...(f.personId ? { who: name(f.personId) } : {}) })),
    messages: res.flags.map((f) => f.message),
  };
}

beforeAll(async () => {
  t = await startTestServer();
  // Users are made in this order, so ids ascend alphabetically except where noted.
  for (const name of ['ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jo']) p[name] = await insert('person', { user_name: `fx_${name}`, name: name.toUpperCase(), active: name !== 'eve' && name !== 'hal' });
  // Names are looked up as user names; keep the short ones for the expectations.
  for (const name of Object.keys(p)) await t.atrium.db.run(sql`UPDATE ${tableRef('person')} SET "user_name" = ${name} WHERE "id" = ${p[name]}::bigint`);
  // Managers: ada → bob → cy (cy has none).
  await t.atrium.db.run(sql`UPDATE ${tableRef('person')} SET "manager" = ${p.bob}::bigint WHERE "id" = ${p.ada}::bigint`);
  await t.atrium.db.run(sql`UPDATE ${tableRef('person')} SET "manager" = ${p.cy}::bigint WHERE "id" = ${p.bob}::bigint`);
  g.cab = await insert('assignment_group', { name: 'fx_cab' });
  g.cab_core = await insert('assignment_group', { name: 'fx_cab_core', parent: g.cab });
  g.ghosts = await insert('assignment_group', { name: 'fx_ghosts' });
  g.empty = await insert('assignment_group', { name: 'fx_empty' });
  for (const [group, who] of [['cab', 'dee'], ['cab', 'ada'], ['cab', 'eve'], ['cab_core', 'fay'], ['cab_core', 'dee'], ['ghosts', 'eve'], ['ghosts', 'hal']] as const)
    await insert('group_member', { assignment_group: g[group], person: p[who] });
  const finance = await role('fx_finance');
  await insert('role_grant', { role: finance, person: p.gus });
  await insert('role_grant', { role: finance, assignment_group: g.cab_core });
  await role('fx_nobody');
  const accountAdmin = await role('account_admin');
  acc.top = await insert('account', { name: 'fx_top' });
  acc.mid = await insert('account', { name: 'fx_mid', parent: acc.top });
  acc.leaf = await insert('account', { name: 'fx_leaf', parent: acc.mid });
  acc.own = await insert('account', { name: 'fx_own', approver: p.jo });
  acc.gone = await insert('account', { name: 'fx_gone', approver: p.hal });
  acc.alone = await insert('account', { name: 'fx_alone' });
  for (const [who, account] of [['ivy', 'top'], ['gus', 'gone']] as const) {
    await t.atrium.db.run(sql`UPDATE ${tableRef('person')} SET "account" = ${acc[account]}::bigint WHERE "id" = ${p[who]}::bigint`);
    await insert('role_grant', { role: accountAdmin, person: p[who] });
  }
}, 120_000);
afterAll(() => t?.stop());

describe('resolveApprovers', () => {
  it('asks a user by user name; flags an unknown and an inactive user', async () => {
    expect(await resolve([{ user: 'ada' }, { user: 'nobody' }, { user: 'eve' }])).toEqual({
      approvers: [{ who: 'ada', from: null, via: 'user:ada' }],
      flags: [
        { kind: 'unknown_user', source: 'user:nobody' },
        { kind: 'inactive_user', source: 'user:eve', who: 'eve' },
      ],
      messages: ['there is no user "nobody"', 'eve is inactive and is not asked'],
    });
  });

  it("asks a group's active members and those of the groups below it, once each, in id order", async () => {
    const r = await resolve([{ group: 'fx_cab' }]);
    expect(r.approvers).toEqual([
      { who: 'ada', from: null, via: 'group:fx_cab' },
      { who: 'dee', from: null, via: 'group:fx_cab' },
      { who: 'fay', from: null, via: 'group:fx_cab' },
    ]);
    expect(r.flags).toEqual([{ kind: 'inactive_user', source: 'group:fx_cab', who: 'eve' }]);
    // The child group alone: only its own members.
    expect((await resolve([{ group: 'fx_cab_core' }])).approvers.map((a) => a.who)).toEqual(['dee', 'fay']);
  });

  it('flags an unknown group, a group with no members and a group whose members are all inactive', async () => {
    const r = await resolve([{ group: 'fx_nope' }, { group: 'fx_empty' }, { group: 'fx_ghosts' }]);
    expect(r.approvers).toEqual([]);
    expect(r.flags).toEqual([
      { kind: 'unknown_group', source: 'group:fx_nope' },
      { kind: 'empty_group', source: 'group:fx_empty' },
      { kind: 'inactive_user', source: 'group:fx_ghosts', who: 'eve' },
      { kind: 'inactive_user', source: 'group:fx_ghosts', who: 'hal' },
      { kind: 'empty_group', source: 'group:fx_ghosts' },
    ]);
    expect(r.messages[1]).toBe('group fx_empty has no active members, so nobody is asked through it');
  });

  it('asks the holders of a role: granted to a user, or to a group (its members and those below it)', async () => {
    const r = await resolve([{ role: 'fx_finance' }, { role: 'fx_nobody' }, { role: 'fx_unknown' }]);
    expect(r.approvers).toEqual([
      { who: 'dee', from: null, via: 'role:fx_finance' },
      { who: 'fay', from: null, via: 'role:fx_finance' },
      { who: 'gus', from: null, via: 'role:fx_finance' },
    ]);
    expect(r.flags).toEqual([
      { kind: 'empty_group', source: 'role:fx_nobody' },
      { kind: 'unknown_role', source: 'role:fx_unknown' },
    ]);
    expect(r.messages[0]).toBe('role fx_nobody has no active holders, so nobody is asked through it');
  });

  it("asks the requester's manager N levels up; flags a missing manager or requester", async () => {
    expect((await resolve([{ manager: { levels: 1 } }], { requester: 'ada' })).approvers).toEqual([{ who: 'bob', from: null, via: 'manager:1' }]);
    expect((await resolve([{ manager: { levels: 2 } }], { requester: 'ada' })).approvers).toEqual([{ who: 'cy', from: null, via: 'manager:2' }]);
    const tooFar = await resolve([{ manager: { levels: 3 } }], { requester: 'ada' });
    expect(tooFar.approvers).toEqual([]);
    expect(tooFar.flags).toEqual([{ kind: 'no_manager', source: 'manager:3' }]);
    expect(tooFar.messages[0]).toMatch(/ends 2 levels up/);
    expect((await resolve([{ manager: { levels: 1 } }], { requester: 'cy' })).flags).toEqual([{ kind: 'no_manager', source: 'manager:1' }]);
    expect((await resolve([{ manager: { levels: 1 } }], { requester: null })).flags).toEqual([{ kind: 'no_manager', source: 'manager:1' }]);
  });

  it('asks the person or the group a reference field names; flags an empty field', async () => {
    const row = { person: p.jo, assignment_group: g.cab_core, role: null };
    expect((await resolve([{ field: 'person' }, { field: 'assignment_group' }], { row })).approvers).toEqual([
      { who: 'jo', from: null, via: 'field:person' },
      { who: 'dee', from: null, via: 'field:assignment_group' },
      { who: 'fay', from: null, via: 'field:assignment_group' },
    ]);
    const empty = await resolve([{ field: 'person' }, { field: 'role' }], { row: { person: null, role: 5 } });
    expect(empty.flags).toEqual([
      { kind: 'empty_field', source: 'field:person' },
      { kind: 'empty_field', source: 'field:role' },
    ]);
    expect(empty.messages[1]).toBe('field role of role_grant refers to role, not to a user or a group');
  });

  it("asks the account's designated approver, else the nearest account administrators up the tree", async () => {
    const on = (account: string) => resolve([{ accountApprover: { field: 'account' } }], { recordType: 'person', row: { account: acc[account] } });
    expect((await on('own')).approvers).toEqual([{ who: 'jo', from: null, via: 'accountApprover:account' }]);
    expect((await on('top')).approvers).toEqual([{ who: 'ivy', from: null, via: 'accountApprover:account' }]);
    expect((await on('leaf')).approvers).toEqual([{ who: 'ivy', from: null, via: 'accountApprover:account' }]);
    const gone = await on('gone');
    expect(gone.approvers).toEqual([{ who: 'gus', from: null, via: 'accountApprover:account' }]);
    expect(gone.flags).toEqual([{ kind: 'inactive_user', source: 'accountApprover:account', who: 'hal' }]);
    const alone = await on('alone');
    expect(alone.approvers).toEqual([]);
    expect(alone.flags).toEqual([{ kind: 'no_account_approver', source: 'accountApprover:account' }]);
    expect((await resolve([{ accountApprover: { field: 'account' } }], { recordType: 'person', row: { account: null } })).flags).toEqual([{ kind: 'no_account_approver', source: 'accountApprover:account' }]);
  });

  it('never asks the requester and flags it; a person found twice keeps the first source', async () => {
    const r = await resolve([{ user: 'fay' }, { group: 'fx_cab' }, { role: 'fx_finance' }], { requester: 'dee' });
    expect(r.approvers).toEqual([
      { who: 'fay', from: null, via: 'user:fay' },
      { who: 'ada', from: null, via: 'group:fx_cab' },
      { who: 'gus', from: null, via: 'role:fx_finance' },
    ]);
    expect(r.flags).toEqual([
      { kind: 'self_approval', source: 'group:fx_cab', who: 'dee' },
      { kind: 'inactive_user', source: 'group:fx_cab', who: 'eve' },
      { kind: 'self_approval', source: 'role:fx_finance', who: 'dee' },
    ]);
    // Only the requester in a group: nobody asked, flagged, not called empty.
    const alone = await resolve([{ user: 'dee' }], { requester: 'dee' });
    expect(alone).toMatchObject({ approvers: [], flags: [{ kind: 'self_approval', source: 'user:dee', who: 'dee' }] });
  });

  it('sends approvals to an out-of-office delegate while the delegation is in force, never to the requester or an inactive delegate', async () => {
    await delegate('ada', 'jo', '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z');
    await delegate('ada', 'ivy', '2026-02-01T00:00:00Z', null); // older: the later one wins
    await delegate('bob', 'hal', '2026-03-01T00:00:00Z', null); // inactive delegate: bob keeps it
    await delegate('cy', 'dee', '2026-03-01T00:00:00Z', null); // dee is the requester below: cy keeps it
    await delegate('fay', 'gus', '2026-03-03T00:00:00Z', null); // not yet
    await delegate('gus', 'jo', '2026-03-01T00:00:00Z', null, false); // switched off
    const r = await resolve([{ user: 'ada' }, { user: 'bob' }, { user: 'cy' }, { user: 'fay' }, { user: 'gus' }, { user: 'jo' }], { requester: 'dee' });
    // ada's delegate jo is asked in ada's place; jo's own place (later) is not asked twice.
    expect(r.approvers).toEqual([
      { who: 'jo', from: 'ada', via: 'user:ada' },
      { who: 'bob', from: null, via: 'user:bob' },
      { who: 'cy', from: null, via: 'user:cy' },
      { who: 'fay', from: null, via: 'user:fay' },
      { who: 'gus', from: null, via: 'user:gus' },
    ]);
    // After the first delegation ends, the older open-ended one is in force.
    const later = await resolve([{ user: 'ada' }], { now: new Date('2026-03-06T00:00:00Z') });
    expect(later.approvers).toEqual([{ who: 'ivy', from: 'ada', via: 'user:ada' }]);
    // At the end instant it is over (ends_at is exclusive); before the start it has not begun.
    expect((await resolve([{ user: 'fay' }], { now: new Date('2026-03-03T00:00:00Z') })).approvers).toEqual([{ who: 'gus', from: 'fay', via: 'user:fay' }]);
    expect((await resolve([{ user: 'ada' }], { now: new Date('2026-01-01T00:00:00Z') })).approvers).toEqual([{ who: 'ada', from: null, via: 'user:ada' }]);
  });

  it('gives the same answer for the same input and writes nothing', async () => {
    const sources: ApproverSourceDoc[] = [{ role: 'fx_finance' }, { group: 'fx_cab' }, { manager: { levels: 1 } }];
    const { result, sql: statements } = await t.statements(() => resolve(sources, { requester: 'ada' }));
    expect(await resolve(sources, { requester: 'ada' })).toEqual(result);
    expect(statements.filter((s) => !/^\s*(WITH|SELECT)\b/i.test(s))).toEqual([]);
  });
});
