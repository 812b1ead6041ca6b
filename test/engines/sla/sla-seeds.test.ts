import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import { fromGlobalId } from '../../../server/records/index.js';
import { importItsm } from '../../helpers/itsm.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { instancesOf } from './sla-fixture.js';

const clock = new ManualClock(new Date());
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ clock });
  await importItsm(t);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('the seeded SLAs', () => {
  it('attach to incidents by priority through the case type, and measure in GraphQL', async () => {
    const urgent = await t.ok(`mutation { createIncident(input: { shortDescription: "Core switch down", priority: 1 }) { incident { id } } }`);
    const minor = await t.ok(`mutation { createIncident(input: { shortDescription: "Mouse squeaks", priority: 4 }) { incident { id } } }`);
    await t.atrium.engines.drain();
    const defs = async (gid: string) => (await instancesOf(t, fromGlobalId(gid).id)).map((i) => i.definition).sort();
    expect(await defs(urgent.createIncident.incident.id)).toEqual(['incident_resolution_high', 'incident_response_high']);
    expect(await defs(minor.createIncident.incident.id)).toEqual(['incident_resolution_standard', 'incident_response_standard']);
    const d = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { slas { definition label type stage target } } } }`, { id: urgent.createIncident.incident.id });
    expect(d.node.slas).toEqual(
      expect.arrayContaining([
        { definition: 'incident_response_high', label: 'Incident response (P1–P2)', type: 'response', stage: 'IN_PROGRESS', target: 'PT30M' },
        { definition: 'incident_resolution_high', label: 'Incident resolution (P1–P2)', type: 'resolution', stage: 'IN_PROGRESS', target: 'PT8H' },
      ]),
    );
  });

  it('give a customer case no premium SLA without a premium entitlement', async () => {
    const acct = await t.ok(`mutation { createAccount(input: { name: "Initech" }) { account { id } } }`);
    const c = await t.ok(`mutation($a: ID!) { createCustomerCase(input: { shortDescription: "Help", account: $a }) { customerCase { id } } }`, { a: acct.createAccount.account.id });
    await t.atrium.engines.drain();
    expect(await instancesOf(t, fromGlobalId(c.createCustomerCase.customerCase.id).id)).toEqual([]);
  });
});
