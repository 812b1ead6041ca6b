import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * userCriteriaMatches over HTTP: the studio's live "who matches" for criteria not yet saved, decided by the same
 * code access rules use, on the ITSM demo people (nested groups with the agent role, nested accounts).
 */
let t: TestServer;
let activeUsers: number;

const MATCHES = `query($c: JSONObject!, $s: Int) { userCriteriaMatches(criteria: $c, sample: $s) { count checked truncated sample { userName name } } }`;
const matches = async (criteria: Record<string, unknown>, sample = 100) => (await t.ok(MATCHES, { c: { name: 'preview', label: 'Preview', ...criteria }, s: sample })).userCriteriaMatches;
const names = (m: { sample: { userName: string }[] }) => m.sample.map((s) => s.userName);

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  await loadDemoData(asUser(t));
  activeUsers = (await t.ok(`{ peopleAggregate(filter: { active: { ne: false } }) { count } }`)).peopleAggregate.count;
}, 120_000);
afterAll(() => t?.stop());

describe('userCriteriaMatches', () => {
  it('counts the holders of a role, checking every active user', async () => {
    const m = await matches({ roles: ['admin'] });
    expect(m).toMatchObject({ count: 1, checked: activeUsers, truncated: false, sample: [{ userName: 'admin', name: 'Ada Admin' }] });
  });

  it('follows nested groups: members of Network Operations belong to Network', async () => {
    const child = await matches({ groups: ['Network Operations'] });
    const parent = await matches({ groups: ['Network'] });
    expect(child.count).toBe(3);
    expect(names(child)).toContain('bob.agent');
    expect(parent.count).toBe(child.count + 2);
    expect(names(parent)).toEqual(expect.arrayContaining(names(child)));
  });

  it('counts a role granted through groups (every top-level group holds agent)', async () => {
    const agents = await matches({ roles: ['agent'] });
    expect(agents.count).toBe(14);
    expect(names(agents)).toEqual(expect.arrayContaining(['alice.agent', 'bob.agent']));
    expect(names(agents)).not.toContain('erin.employee');
  });

  it('takes an account alone, or with the accounts below it', async () => {
    const alone = await matches({ accounts: [{ account: 'Globex' }] });
    const withChildren = await matches({ accounts: [{ account: 'Globex', includeChildren: true }] });
    expect(names(alone)).toContain('carol.contact');
    expect(names(alone)).not.toContain('dave.contact');
    expect(names(withChildren)).toContain('dave.contact');
    expect(withChildren.count).toBe(alone.count + 1);
  });

  it('needs every dimension with match all, one with match any', async () => {
    const any = await matches({ match: 'any', roles: ['agent'], groups: ['Network'] });
    const all = await matches({ match: 'all', roles: ['agent'], groups: ['Network'] });
    expect(any.count).toBe(14);
    expect(all.count).toBe(5);
    const none = await matches({ match: 'all', roles: ['agent'], accounts: [{ account: 'Globex' }] });
    expect(none).toMatchObject({ count: 0, sample: [] });
  });

  it("evaluates a condition on the person's own record", async () => {
    const contacts = (await t.ok(`{ peopleAggregate(filter: { account: { id: { isNull: false } } }) { count } }`)).peopleAggregate.count;
    const m = await matches({ condition: { field: 'account', op: 'is_not_empty' } });
    expect(contacts).toBeGreaterThan(0);
    expect(m.count).toBe(contacts);
    expect(names(m)).toEqual(expect.arrayContaining(['carol.contact', 'pat.partner']));
  });

  it('matches every active user when the criteria list nothing, and returns only the sample asked for', async () => {
    const m = await matches({}, 3);
    expect(m.count).toBe(activeUsers);
    expect(m.sample).toHaveLength(3);
    expect(names(m)).toEqual([...names(m)].sort());
  });

  it('refuses anyone but the platform admin (criteria are shared by every unit)', async () => {
    const r = await t.gql(MATCHES, { c: { name: 'x', label: 'X', roles: ['agent'] } }, await t.token({ subject: 'alice.agent' }));
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data?.userCriteriaMatches ?? null).toBeNull();
  });

  it('refuses a document that is not user criteria with the reason, and a condition on an unknown field', async () => {
    const bad = await t.gql(MATCHES, { c: { name: 'x', label: 'X', match: 'some', groups: 'Network' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/match/);
    expect(bad.errors?.[0]?.message).toMatch(/groups/);
    const field = await t.gql(MATCHES, { c: { name: 'x', label: 'X', condition: { field: 'shoe_size', op: 'eq', value: 42 } } });
    expect(field.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(field.errors?.[0]?.message).toMatch(/shoe_size/);
  });
});
