import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/index.js';
import { JobQueue } from '../../../server/engines/jobs/job-queue.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

describe('durable jobs (pg-boss over our own connection)', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  const seen: string[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    await migrate(database.db);
    queue = new JobQueue(database.db, pino({ level: 'silent' }), { work: false });
    queue.define<{ n: string }>('echo', async (data) => {
      seen.push(data.n);
    });
    queue.define<{ n: string }>('flaky', async (data) => {
      if (failuresLeft-- > 0) throw new Error(`flaky ${data.n} failed`);
      seen.push(`flaky:${data.n}`);
    }, { retryLimit: 0 });
    await queue.start();
  }, 60_000);
  afterAll(async () => {
    await queue.stop();
    await database.drop();
  });

  it('runs a sent job once when drained', async () => {
    seen.length = 0;
    await queue.send('echo', { n: 'a' });
    expect(await queue.drain()).toBe(1);
    expect(seen).toEqual(['a']);
    expect(await queue.drain()).toBe(0);
  });

  it('keeps one job per key', async () => {
    seen.length = 0;
    const first = await queue.send('echo', { n: 'k1' }, { key: 'same' });
    const second = await queue.send('echo', { n: 'k2' }, { key: 'same' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await queue.drain();
    expect(seen).toEqual(['k1']);
  });

  it('enqueues inside a transaction only when it commits', async () => {
    seen.length = 0;
    await database.db
      .transaction(async (tx) => {
        await queue.send('echo', { n: 'rolled back' }, { tx });
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await queue.send('echo', { n: 'committed' }, { tx });
    });
    await queue.drain();
    expect(seen).toEqual(['committed']);
  });

  it('shows a job that failed past its retries as dead, and runs it again when retried', async () => {
    seen.length = 0;
    failuresLeft = 1;
    await queue.send('flaky', { n: 'x' });
    await queue.drain();
    const dead = await queue.dead();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ kind: 'flaky', error: 'flaky x failed', data: { n: 'x' } });
    await queue.retry('flaky', dead[0].id);
    await queue.drain();
    expect(seen).toEqual(['flaky:x']);
    expect(await queue.dead()).toHaveLength(0);
  });
});
