import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import { fromGlobalId } from '../../../server/records/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { eventsOf, instancesOf, publishSlas } from './sla-fixture.js';

const H = 3_600_000;
// Field history carries the database's commit times, so this clock starts at the wall clock's time.
const clock = new ManualClock(new Date());
let t: TestServer;

const FIX = { name: 't_fix', recordType: 'incident', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT8H' };
const PREMIUM = { name: 't_premium', recordType: 'customer_case', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT2H', entitlementLevels: ['premium'] };

beforeAll(async () => {
  t = await startTestServer({ clock });
  await publishSlas(t, [FIX, PREMIUM]);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

async function create(type: string, values: Record<string, unknown>): Promise<number> {
  const d = await t.ok(`mutation($i: Create${type}Input!) { create${type}(input: $i) { record: ${type[0].toLowerCase()}${type.slice(1)} { id } } }`, { i: values });
  return fromGlobalId(d[`create${type}`].record.id).id;
}

describe('SLA recompute and entitlements', () => {
  it('recomputes open instances from field history when a publish changes their definition', async () => {
    const id = await create('Incident', { shortDescription: 'Slow VPN', priority: 3 });
    await t.atrium.engines.drain();
    const [before] = await instancesOf(t, id);
    expect(before).toMatchObject({ definition: 't_fix', stage: 'in_progress', target_ms: 8 * H, has_breached: false });
    clock.advance(2 * H);
    await t.atrium.engines.drain();
    expect((await instancesOf(t, id))[0].has_breached).toBe(false);

    await publishSlas(t, [{ ...FIX, target: 'PT1H' }, PREMIUM]);
    await t.atrium.engines.drain();
    const [after] = await instancesOf(t, id);
    expect(after).toMatchObject({ id: before.id, stage: 'in_progress', target_ms: H, has_breached: true });
    expect(after.definition_version).not.toBe(before.definition_version);
    expect(after.elapsed_ms).toBeGreaterThan(1.9 * H);
    expect(await eventsOf(t, before.id)).toEqual(['started', 'recomputed', 'breached@100']);
    // A second drain recomputes nothing again.
    await t.atrium.engines.drain();
    expect(await eventsOf(t, before.id)).toEqual(['started', 'recomputed', 'breached@100']);
  });

  it('backtests a draft over recent records from their field history, writing nothing', async () => {
    const open = await create('Incident', { shortDescription: 'Mail down', priority: 2 });
    const done = await create('Incident', { shortDescription: 'Typo', priority: 2 });
    const gid = (await t.ok(`query { incidents(filter: { shortDescription: { eq: "Typo" } }) { nodes { id version } } }`)).incidents.nodes[0];
    await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: gid.id, version: gid.version, to: 'IN_PROGRESS' } });
    await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: gid.id, version: gid.version + 1, to: 'RESOLVED', patch: { resolutionNotes: 'Fixed', closeCode: 'SOLVED' } } });
    expect(open).not.toBe(done);
    const draft = { name: 'draft', recordType: 'incident', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT1H' };
    const q = `query($d: JSONObject!) { backtestSla(definition: $d, weeks: 2) { total breached breachRate considered truncated byGroup { key total breached breachRate } byPriority { key total breached breachRate } } }`;
    const counts = () => t.atrium.db.run(sql`SELECT (SELECT count(*)::int FROM "atrium"."sla_instance") AS i, (SELECT count(*)::int FROM "atrium"."sla_instance_event") AS e, (SELECT count(*)::int FROM "atrium"."record_event") AS r`);
    const before = await counts();
    const { result, sql: statements } = await t.statements(() => t.ok(q, { d: draft }));
    expect(statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(s))).toEqual([]);
    expect(await counts()).toEqual(before);
    // The incident of the first test has been open for over two hours; "Mail down" since the clock moved; "Typo" was resolved at once.
    expect(result.backtestSla).toEqual({
      total: 3,
      breached: 2,
      breachRate: 0.6667,
      considered: 3,
      truncated: false,
      byGroup: [{ key: '(none)', total: 3, breached: 2, breachRate: 0.6667 }],
      byPriority: [
        { key: '2', total: 2, breached: 1, breachRate: 0.5 },
        { key: '3', total: 1, breached: 1, breachRate: 1 },
      ],
    });
    const bad = await t.gql(q, { d: { ...draft, target: 'soon' } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toContain('target');
  });

  it('gives a customer case the premium SLA only when its account holds a premium entitlement for the product', async () => {
    const premium = await t.ok(`mutation { createAccount(input: { name: "Acme" }) { account { id } } }`);
    const standard = await t.ok(`mutation { createAccount(input: { name: "Globex" }) { account { id } } }`);
    const widget = await t.ok(`mutation { createProduct(input: { name: "Widget", code: "WDG" }) { product { id } } }`);
    const today = clock.now().toISOString().slice(0, 10);
    const entitle = (account: string, level: string, startDate = '2020-01-01') =>
      t.ok(`mutation($i: CreateEntitlementInput!) { createEntitlement(input: $i) { entitlement { id } } }`, { i: { account, product: widget.createProduct.product.id, startDate, supportLevel: level } });
    await entitle(premium.createAccount.account.id, 'PREMIUM');
    await entitle(standard.createAccount.account.id, 'STANDARD');
    // A premium entitlement that begins tomorrow does not count today.
    const later = new Date(clock.now().getTime() + 48 * H).toISOString().slice(0, 10);
    await entitle(standard.createAccount.account.id, 'PREMIUM', later);
    expect(today < later).toBe(true);
    const a = await create('CustomerCase', { shortDescription: 'Widget broken', account: premium.createAccount.account.id, product: 'WDG' });
    const b = await create('CustomerCase', { shortDescription: 'Widget broken', account: standard.createAccount.account.id, product: 'Widget' });
    const c = await create('CustomerCase', { shortDescription: 'Other product', account: premium.createAccount.account.id, product: 'Gizmo' });
    await t.atrium.engines.drain();
    expect((await instancesOf(t, a)).map((i) => i.definition)).toEqual(['t_premium']);
    expect(await instancesOf(t, b)).toEqual([]);
    expect(await instancesOf(t, c)).toEqual([]);
  });
});
