import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/test-server.js';
import { startTwoProcesses, type TwoProcesses } from '../../helpers/two-processes.js';
import { assignments, createIncident, createOrg, publishRules, tally } from './routing-fixture.js';

// Two servers share one database only on PostgreSQL (PGlite lives inside one process); CI runs both drivers.
describe.skipIf(!process.env.DATABASE_URL)('routing with two server processes over one PostgreSQL database', () => {
  let servers: TwoProcesses;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    servers = await startTwoProcesses();
    ({ a, b } = servers);
    await publishRules(a, [{ name: 'net_rr', recordType: 'incident', condition: { field: 'category', op: 'eq', value: 'network' }, target: { group: 'Network' }, strategy: 'round_robin' }]);
    await Promise.all([a.atrium.engines.drain(), b.atrium.engines.drain()]);
  }, 120_000);
  afterAll(() => servers?.stop());

  /** Both processes drain at once until the routing consumer has read every committed event. */
  async function drainBoth(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      await Promise.all([a.atrium.engines.drain(), b.atrium.engines.drain()]);
      const [{ behind }] = await a.atrium.db.run<{ behind: boolean }>(
        sql`SELECT EXISTS (SELECT 1 FROM atrium.record_event e, atrium.event_consumer c WHERE c.name = 'routing' AND (e.tx, e.id) > (c.tx, c.event_id)) AS behind`,
      );
      if (!behind) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the routing consumer did not catch up with the committed events');
  }

  it('routes each record exactly once, fairly, when both process events at the same time', async () => {
    const org = await createOrg(a);
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => createIncident(i % 2 ? a : b, { category: 'NETWORK' }, org.people.zed)));
    await drainBoth();
    const [{ dupes, routed }] = await a.atrium.db.run<{ dupes: number; routed: number }>(
      sql`SELECT (SELECT count(*) FROM (SELECT record_id FROM atrium.routing_decision GROUP BY record_id HAVING count(*) > 1) d)::int AS dupes, (SELECT count(DISTINCT record_id) FROM atrium.routing_decision)::int AS routed`,
    );
    expect({ dupes, routed }).toEqual({ dupes: 0, routed: 30 });
    const counts = tally((await assignments(a, ids)).map((x) => x.user));
    expect(Object.keys(counts).sort()).toEqual(['ada', 'grace', 'linus']);
    expect(Math.max(...Object.values(counts)) - Math.min(...Object.values(counts))).toBeLessThanOrEqual(1);
  }, 120_000);
});
