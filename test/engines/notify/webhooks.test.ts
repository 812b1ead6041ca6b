import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/index.js';
import { queueNotification } from '../../../server/engines/notify/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { importWith } from './notify-fixtures.js';

const SECRET_ENV = 'ATRIUM_WEBHOOK_SECRET_TEST';
const SECRET = 'a-secret-only-the-receiver-knows';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** What a receiver does: recompute the signature over `<timestamp>.<body>` and compare in constant time. */
function verified(r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${r.headers['x-atrium-timestamp']}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-atrium-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('webhooks', () => {
  let t: TestServer;
  let receiver: Server;
  let url = '';
  const received: Received[] = [];
  /** Status codes to answer with, in turn; 200 once they run out. */
  const answers: number[] = [];
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const drain = () => t.atrium.engines.drain();
  const create = async (priority: number) =>
    (await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id number } } }`, { i: { shortDescription: `P${priority} outage`, priority } })).createIncident.incident;

  beforeAll(async () => {
    process.env[SECRET_ENV] = SECRET;
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = answers.shift() ?? 200;
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    t = await startTestServer({ clock });
    const imported = await importWith(t, {
      'webhooks/urgent_incidents.yaml': {
        name: 'urgent_incidents',
        url,
        recordType: 'task',
        events: ['created', 'transitioned'],
        condition: { field: 'priority', op: 'lte', value: 2 },
        secretEnv: SECRET_ENV,
      },
    });
    expect(imported.errors).toBeUndefined();
    // Engines do not run in the background here: the first drain is when the webhooks' consumer starts reading
    // (from then on, as a server's does from its start).
    await drain();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    delete process.env[SECRET_ENV];
  });

  it('posts a signed payload; a 500 is retried with backoff and the call delivered once', async () => {
    answers.push(500);
    const incident = await create(1);
    await drain();
    expect(received).toHaveLength(1);
    expect(received[0].answered).toBe(500);
    const failed = (await t.ok(`{ notifications(status: FAILED) { edges { node { id channel lastError nextAttemptAt } } } }`)).notifications.edges.map((e: any) => e.node);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ channel: 'WEBHOOK', lastError: 'the receiver answered 500 Internal Server Error' });
    clock.advance(30_000);
    await drain();
    expect(received).toHaveLength(2);
    clock.advance(6 * 3_600_000);
    await drain();
    expect(received).toHaveLength(2);

    const [first, second] = received;
    for (const r of received) {
      expect(verified(r)).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(second.answered).toBe(200);
    // The same delivery both times, so a receiver can drop a repeat; the timestamp is the engine clock's.
    expect(second.headers['x-atrium-delivery']).toBe(first.headers['x-atrium-delivery']);
    expect(Number(second.headers['x-atrium-timestamp'])).toBe(Math.floor(clock.now().getTime() / 1000) - 6 * 3600);
    expect(second.body).toBe(first.body);
    const body = JSON.parse(second.body);
    expect(body).toMatchObject({ event: 'created', recordType: 'incident', id: incident.id, version: 1, record: { number: incident.number, short_description: 'P1 outage', priority: 1 } });
    expect(body.changes.short_description).toEqual({ old: null, new: 'P1 outage' });
    const sent = (await t.ok(`{ notifications(status: SENT) { edges { node { id attempts payload } } } }`)).notifications.edges.map((e: any) => e.node);
    expect(sent).toEqual([{ id: first.headers['x-atrium-delivery'], attempts: 2, payload: { webhook: 'urgent_incidents', body } }]);
  });

  it('calls only for the events listed and records matching the condition', async () => {
    received.length = 0;
    await create(4);
    const urgent = await create(2);
    await drain();
    expect(received.map((r) => JSON.parse(r.body).id)).toEqual([urgent.id]);
    // An update that is no transition is not listed; a transition is.
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id: urgent.id, version: 1, patch: { shortDescription: 'still down' } } });
    await drain();
    expect(received).toHaveLength(1);
    await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: urgent.id, version: 2, to: 'IN_PROGRESS' } });
    await drain();
    expect(received).toHaveLength(2);
    const body = JSON.parse(received[1].body);
    expect(body).toMatchObject({ event: 'transitioned', id: urgent.id, version: 3, changes: { state: { old: 'new', new: 'in_progress' } } });
    expect(verified(received[1])).toBe(true);
  });

  it('never calls twice, even when two delivery jobs are handed one notification', async () => {
    received.length = 0;
    answers.length = 0;
    await create(1);
    // Take the notification before the timer does, and hand it to two jobs at once.
    await t.atrium.engines.feed.drain();
    const [row] = await t.atrium.db.run<{ id: unknown }>(sql`UPDATE "atrium"."notification" SET "due_at" = NULL WHERE "status" = 'pending' RETURNING "id"`);
    const id = Number(row.id);
    await Promise.all([t.atrium.engines.jobs.send('notify.deliver', { id }), t.atrium.engines.jobs.send('notify.deliver', { id })]);
    await drain();
    expect(received).toHaveLength(1);
    clock.advance(3_600_000);
    await drain();
    expect(received).toHaveLength(1);
  });

  it('keeps e-mail pending, saying so to administrators, while no mail server is configured', async () => {
    // This server has no ATRIUM_SMTP_URL.
    const id = await queueNotification(t.atrium.engines.jobs, t.atrium.db, { key: 'test:no-smtp', recipients: [{ group: 'Service Desk' }], subject: 's', body: 'b' });
    await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name: 'Service Desk', email: 'desk@example.test' } });
    await drain();
    const pending = (await t.ok(`{ notifications(status: PENDING) { edges { node { id attempts addresses lastError nextAttemptAt } } } }`)).notifications.edges.map((e: any) => e.node);
    expect(pending).toEqual([
      { id: String(id), attempts: 0, addresses: ['desk@example.test'], lastError: 'no mail server configured: set ATRIUM_SMTP_URL; the message goes out once one is', nextAttemptAt: new Date(clock.now().getTime() + 15 * 60_000).toISOString() },
    ]);
  });

  it('refuses a webhook that is not http(s), or listens for transitions of a type without states, at validation', async () => {
    const r = await importWith(t, {
      'webhooks/bad.yaml': { name: 'bad', url: 'ftp://example.test/x', recordType: 'person', events: ['transitioned'], secretEnv: SECRET_ENV },
    });
    expect(r.errors?.[0].extensions?.code).toBeDefined();
    expect(JSON.stringify(r.errors)).toMatch(/an absolute http:\/\/ or https:\/\/ URL/);
    const r2 = await importWith(t, {
      'webhooks/bad.yaml': { name: 'bad', url: 'https://example.test/x', recordType: 'person', events: ['transitioned'], secretEnv: SECRET_ENV },
    });
    expect(r2.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r2.errors)).toContain('record type \\"person\\" (and every kind of it) has no state model');
  });
});
