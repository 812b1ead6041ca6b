import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../seeds/seed.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

describe('seedIfEmpty (what npm start runs)', () => {
  it('imports the packs and writes the demo once, telling each step; a second start changes nothing', async () => {
    const steps: string[] = [];
    const t0 = performance.now();
    const first = await seedIfEmpty(t.atrium, (s) => steps.push(s));
    console.log(`seedIfEmpty in process: ${first.records} records in ${Math.round(performance.now() - t0)} ms`);
    expect(first.seeded).toBe(true);
    expect(first.records).toBeGreaterThan(2500);
    expect(steps[0]).toBe('importing the ITSM, CSM, HR, facilities and finance packs');
    expect(steps.length).toBeGreaterThanOrEqual(6);
    const version = (await t.atrium.metadata.published()).id;
    const again: string[] = [];
    expect(await seedIfEmpty(t.atrium, (s) => again.push(s))).toEqual({ seeded: false, records: 0 });
    expect(again).toEqual([]);
    expect((await t.atrium.metadata.published()).id).toEqual(version);
    const d = await t.ok(`{ configurationItems { totalCount } incidents(filter: { problemId: { isNull: false } }) { totalCount } }`);
    expect(d.configurationItems.totalCount).toBe(530);
    expect(d.incidents.totalCount).toBeGreaterThan(100);
  }, 300_000);
});
