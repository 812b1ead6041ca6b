import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/engines/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** An engine of the test's own: a job that fails until told otherwise, and a consumer that refuses people named "Bad". */
const state = { failing: true, ran: [] as number[] };
const TEST_ENGINE: Engine = {
  name: 'test_admin',
  install(ctx) {
    ctx.jobs.define<{ n: number }>(
      'test.flaky',
      async (data) => {
        if (state.failing) throw new Error(`printer ${data.n} on fire`);
        state.ran.push(data.n);
      },
      { retryLimit: 0 },
    );
    ctx.feed.consume('test.picky', async (_tx, events) => {
      for (const e of events) if (e.recordType === 'person' && e.row?.name === 'Bad') throw new Error(`cannot handle person ${e.recordId}`);
    });
  },
};

const DEAD = `query($first: Int) { deadJobs(first: $first) { id kind data error retries createdAt failedAt } }`;
const RETRY = `mutation($kind: String!, $id: ID!) { retryJob(kind: $kind, id: $id) }`;
const CONSUMERS = `{ eventConsumers { name position lag lastHandledAt } }`;
const FAILURES = `{ eventConsumerFailures(first: 10) { id consumer eventId error failedAt } }`;
const CREATE_PERSON = `mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ engines: [TEST_ENGINE] });
});
afterAll(() => t?.stop());

const picky = async () => (await t.ok(CONSUMERS)).eventConsumers.find((c: { name: string }) => c.name === 'test.picky');

describe('job and event admin (platform administrators only)', () => {
  it('refuses a user who is no platform administrator, and an anonymous caller', async () => {
    await t.ok(CREATE_PERSON, { i: { userName: 'ada', name: 'Ada', email: 'ada@example.com' } });
    const ada = await t.token({ subject: 'ada' });
    for (const [query, variables] of [
      [DEAD, {}],
      [RETRY, { kind: 'test.flaky', id: '00000000-0000-4000-8000-000000000000' }],
      [CONSUMERS, {}],
      [FAILURES, {}],
    ] as const) {
      const asAda = await t.gql(query, variables, ada);
      expect(asAda.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(asAda.errors?.[0].message).toMatch(/only platform administrators/);
      expect((await t.gql(query, variables, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lists a dead job with its kind, data, error and retries, and runs it again on retry', async () => {
    await t.atrium.engines.jobs.send('test.flaky', { n: 7 });
    await t.atrium.engines.drain();
    const dead = (await t.ok(DEAD, { first: 10 })).deadJobs;
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ kind: 'test.flaky', data: { n: 7 }, error: 'printer 7 on fire', retries: 0 });
    expect(Date.parse(dead[0].failedAt)).toBeGreaterThanOrEqual(Date.parse(dead[0].createdAt));

    state.failing = false;
    expect((await t.ok(RETRY, { kind: 'test.flaky', id: dead[0].id })).retryJob).toBe(true);
    await t.atrium.engines.drain();
    expect(state.ran).toEqual([7]);
    expect((await t.ok(DEAD)).deadJobs).toEqual([]);
  });

  it('says what is wrong with a retry of a job that is not dead, or a bad page size', async () => {
    const unknown = await t.gql(RETRY, { kind: 'test.flaky', id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].message).toMatch(/there is no dead job .* of kind "test.flaky"; see deadJobs/);
    expect((await t.gql(RETRY, { kind: 'test.flaky', id: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tooMany = await t.gql(DEAD, { first: 100_000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/first must be between 1 and 500/);
  });

  it('shows each consumer with its position and the committed events it still has to handle, and the events it failed on', async () => {
    await t.atrium.engines.drain();
    const before = await picky();
    expect(before.lag).toBe(0);
    const bad = (await t.ok(CREATE_PERSON, { i: { userName: 'bad', name: 'Bad', email: 'bad@example.com' } })).createPerson.person.id;
    await t.ok(CREATE_PERSON, { i: { userName: 'good', name: 'Good', email: 'good@example.com' } });
    expect((await picky()).lag).toBe(2);
    expect((await picky()).position).toBe(before.position);

    await t.atrium.engines.drain();
    const after = await picky();
    expect(after.lag).toBe(0);
    expect(after.position).toBeGreaterThan(before.position);
    expect(Date.parse(after.lastHandledAt)).toBeGreaterThanOrEqual(Date.parse(before.lastHandledAt));

    const failures = (await t.ok(FAILURES)).eventConsumerFailures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ consumer: 'test.picky' });
    expect(failures[0].error).toMatch(/^cannot handle person \d+$/);
    expect(failures[0].eventId).toBeLessThanOrEqual(after.position);
    expect(bad).toBeTruthy();
  });
});
