import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let ada: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  const d = await t.ok(`mutation { createPerson(input: { userName: "ada", name: "Ada", email: "ada@example.com" }) { person { id } } }`);
  ada = d.createPerson.person.id;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => t?.stop());

interface EventShape {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  recordId: string;
  version: number;
  record: { number: string; shortDescription: string; caller: { name: string } | null } | null;
}

const EVENT_FIELDS = `kind recordId version record { number shortDescription caller { name } }`;

/** How the server closed a client's connection, once it has. */
const closedWith = new WeakMap<Client, { code: number; reason: string }>();

function connect(authorization: string | null = `Bearer ${t.adminToken}`): Client {
  const client = createClient({
    url: `${t.atrium.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { Authorization: authorization } : {},
    retryAttempts: 0,
    shouldRetry: () => false,
  });
  client.on('closed', (event) => {
    const { code, reason } = event as { code: number; reason: string };
    if (!closedWith.has(client)) closedWith.set(client, { code, reason: String(reason) });
  });
  clients.push(client);
  return client;
}

/**
 * One subscription's results as a queue the test pulls from with a deadline. Events of probe records (see
 * {@link live}) are skipped.
 */
class Feed {
  private readonly items: EventShape[] = [];
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  readonly ignored = new Set<string>();
  readonly dispose: () => void;

  constructor(client: Client, query: string) {
    this.dispose = client.subscribe<Record<string, EventShape>>(
      { query },
      {
        next: (result) => {
          if (result.errors?.length) this.failure = new Error(`subscription errors: ${JSON.stringify(result.errors)}`);
          else this.items.push(Object.values(result.data!)[0]);
          this.wake?.();
        },
        error: (err) => {
          this.failure = err ?? new Error('subscription failed');
          this.wake?.();
        },
        complete: () => {},
      },
    );
  }

  /** Resolves with `check()`'s first non-undefined answer, re-checked whenever something arrives; undefined after `ms`. */
  private async until<T>(check: () => T | undefined, ms: number): Promise<T | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const answer = check();
      if (answer !== undefined) return answer;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
      });
    }
  }

  private take(): EventShape | undefined {
    if (this.failure) throw this.failure;
    const i = this.items.findIndex((e) => !this.ignored.has(e.recordId));
    return i >= 0 ? this.items.splice(i, 1)[0] : undefined;
  }

  /** The next event not about a probe record; rejects after `ms`. */
  async next(ms = 5_000): Promise<EventShape> {
    const e = await this.until(() => this.take(), ms);
    if (!e) throw new Error(`no event within ${ms} ms`);
    return e;
  }

  /** Whether an event about `recordId` (probe or not) arrives within `ms`. */
  async arrivedFor(recordId: string, ms: number): Promise<boolean> {
    return !!(await this.until(() => {
      if (this.failure) throw this.failure;
      return this.items.some((e) => e.recordId === recordId) || undefined;
    }, ms));
  }

  /** The error the subscription ended with; rejects after `ms`. */
  async failed(ms = 5_000): Promise<unknown> {
    const err = await this.until(() => this.failure ?? undefined, ms);
    if (!err) throw new Error(`the subscription did not fail within ${ms} ms`);
    return err;
  }
}

async function createIncident(shortDescription: string): Promise<{ id: string; number: string }> {
  const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id number } } }`, {
    i: { shortDescription, caller: ada },
  });
  return d.createIncident.incident;
}

async function deleteIncident(id: string): Promise<void> {
  await t.ok(`mutation($i: DeleteIncidentInput!) { deleteIncident(input: $i) { deletedId } }`, { i: { id } });
}

/**
 * The server registers a subscription a few asynchronous steps after the client sends it, and nothing tells
 * the client when. Until an event of a probe record (created and deleted, so every incident or task feed sees
 * it) arrives, the subscription is not live yet; probe events are skipped afterwards.
 */
async function live(feed: Feed, probeRecord: () => Promise<{ id: string }> = () => createIncident('probe'), remove: (id: string) => Promise<void> = deleteIncident): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const probe = await probeRecord();
    feed.ignored.add(probe.id);
    await remove(probe.id);
    if (await feed.arrivedFor(probe.id, 200)) return;
  }
  throw new Error('the subscription did not go live within 5 s');
}

describe('record subscriptions over graphql-ws', () => {
  it('delivers created, updated and deleted in order, with the record (as it was, when deleted)', async () => {
    const feed = new Feed(connect(), `subscription { incidentsEvents { ${EVENT_FIELDS} } }`);
    await live(feed);

    const { id, number } = await createIncident('Printer on fire');
    const created = await feed.next();
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`, {
      i: { id, version: 1, patch: { shortDescription: 'Printer still on fire' } },
    });
    const updated = await feed.next();
    await deleteIncident(id);
    const deleted = await feed.next();

    expect(created).toEqual({ kind: 'CREATED', recordId: id, version: 1, record: { number, shortDescription: 'Printer on fire', caller: { name: 'Ada' } } });
    expect(updated).toEqual({ kind: 'UPDATED', recordId: id, version: 2, record: { number, shortDescription: 'Printer still on fire', caller: { name: 'Ada' } } });
    expect(deleted).toEqual({ kind: 'DELETED', recordId: id, version: 2, record: { number, shortDescription: 'Printer still on fire', caller: { name: 'Ada' } } });
  });

  it('keeps the order of a burst, each event carrying the record as that change left it', async () => {
    const feed = new Feed(connect(), `subscription { incidentsEvents { kind recordId version record { shortDescription } } }`);
    await live(feed);
    const { id } = await createIncident('Burst 0');
    // One operation, four writes back to back: later writes commit while earlier events are still being delivered.
    await t.ok(`mutation($id: ID!) {
      u1: updateIncident(input: { id: $id, version: 1, patch: { shortDescription: "Burst 1" } }) { incident { version } }
      u2: updateIncident(input: { id: $id, version: 2, patch: { shortDescription: "Burst 2" } }) { incident { version } }
      u3: updateIncident(input: { id: $id, version: 3, patch: { shortDescription: "Burst 3" } }) { incident { version } }
      d: deleteIncident(input: { id: $id }) { deletedId }
    }`, { id });
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await feed.next());
    expect(events.map((e) => [e.kind, e.version, e.record?.shortDescription])).toEqual([
      ['CREATED', 1, 'Burst 0'],
      ['UPDATED', 2, 'Burst 1'],
      ['UPDATED', 3, 'Burst 2'],
      ['UPDATED', 4, 'Burst 3'],
      ['DELETED', 4, 'Burst 3'],
    ]);
    expect(new Set(events.map((e) => e.recordId))).toEqual(new Set([id]));
  });

  it('filters by kind', async () => {
    const feed = new Feed(connect(), `subscription { incidentsEvents(kinds: [DELETED]) { ${EVENT_FIELDS} } }`);
    await live(feed);
    const a = await createIncident('Only the deletion counts');
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`, { i: { id: a.id, version: 1, patch: { shortDescription: 'Changed' } } });
    await deleteIncident(a.id);
    // Events arrive in order, so had the creation or the update passed the filter, it would come first.
    expect(await feed.next()).toEqual({ kind: 'DELETED', recordId: a.id, version: 2, record: { number: a.number, shortDescription: 'Changed', caller: { name: 'Ada' } } });
  });

  it('delivers the events of every concrete kind to the abstract parent', async () => {
    const feed = new Feed(connect(), `subscription { tasksEvents { kind recordId version record { __typename number shortDescription ... on Incident { caller { name } } } } }`);
    await live(feed);
    const { id, number } = await createIncident('Seen as a task');
    const event: any = await feed.next();
    expect(event).toEqual({ kind: 'CREATED', recordId: id, version: 1, record: { __typename: 'Incident', number, shortDescription: 'Seen as a task', caller: { name: 'Ada' } } });
  });

  it('sends nothing for a write that fails, only for what commits', async () => {
    const feed = new Feed(connect(), `subscription { incidentsEvents { kind recordId version } }`);
    await live(feed);
    const { id } = await createIncident('Conflicted');
    expect(await feed.next()).toMatchObject({ kind: 'CREATED', recordId: id, version: 1 });

    const stale = await t.gql(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`, { i: { id, version: 7, patch: { shortDescription: 'Stale' } } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    // Deleting a referenced record (a group with a member: the membership's group is required) writes its outbox
    // row (and NOTIFY) in the statement that then fails on the foreign key: the event must die with the transaction.
    const groups = new Feed(connect(), `subscription { assignmentGroupsEvents { kind recordId version } }`);
    let probes = 0;
    const createGroup = async () => (await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name: `Probe ${++probes}` } })).createAssignmentGroup.assignmentGroup as { id: string };
    await live(groups, createGroup, async (gid) => void (await t.ok(`mutation($i: DeleteAssignmentGroupInput!) { deleteAssignmentGroup(input: $i) { deletedId } }`, { i: { id: gid } })));
    const group = await createGroup();
    expect(await groups.next()).toMatchObject({ kind: 'CREATED', recordId: group.id, version: 1 });
    await t.ok(`mutation($i: CreateGroupMemberInput!) { createGroupMember(input: $i) { groupMember { id } } }`, { i: { assignmentGroup: group.id, person: ada } });
    const referenced = await t.gql(`mutation($i: DeleteAssignmentGroupInput!) { deleteAssignmentGroup(input: $i) { deletedId } }`, { i: { id: group.id } });
    expect(referenced.errors?.[0].extensions?.code).toBe('REFERENCED');
    await t.ok(`mutation($i: UpdateAssignmentGroupInput!) { updateAssignmentGroup(input: $i) { assignmentGroup { version } } }`, { i: { id: group.id, version: 1, patch: { name: 'Kept' } } });
    expect(await groups.next()).toMatchObject({ kind: 'UPDATED', recordId: group.id, version: 2 });

    // A change that commits: it is the very next event, so neither failure produced one.
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`, { i: { id, version: 1, patch: { shortDescription: 'Fresh' } } });
    expect(await feed.next()).toMatchObject({ kind: 'UPDATED', recordId: id, version: 2 });
  });

  it('refuses a connection without a valid token at connect, with 4401 and a reason a person can read', async () => {
    const cases: [string | null, RegExp][] = [
      [null, /^sign in first: send connectionParams/],
      ['Bearer not-a-token', /^the token is not valid for this server: it is not a well-formed JWT/],
      [`Bearer ${await t.atrium.auth.issueDevToken({ subject: 'u1', name: 'Expired' }, '-1m')}`, /^the token expired on .*; sign in again$/],
      [`Basic ${Buffer.from('a:b').toString('base64')}`, /^the Authorization header must be "Bearer <token>"$/],
      [`Bearer ${await t.token({ subject: 'nobody.here' })}`, /^there is no Atrium user "nobody\.here"/],
      [`Bearer ${await t.token({ subject: 'ada\u0000' })}`, /^the token is not valid for this server: its "sub" claim contains a NUL byte/],
    ];
    for (const [authorization, reason] of cases) {
      const client = connect(authorization);
      const refused = new Feed(client, `subscription { incidentsEvents { kind } }`);
      const err = await refused.failed();
      expect(err, String(authorization)).toMatchObject({ code: 4401, reason: expect.stringMatching(reason) });
      expect(Buffer.byteLength((err as { reason: string }).reason)).toBeLessThanOrEqual(123);
    }
  });

  it('ends every subscription of a connection when its token expires, saying so, and closes the connection', async () => {
    const shortLived = await t.atrium.auth.issueDevToken({ subject: 'admin', name: 'Short-lived admin', admin: true }, '5s');
    const expiresAt = (JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
    const client = connect(`Bearer ${shortLived}`);
    const incidents = new Feed(client, `subscription { incidentsEvents { ${EVENT_FIELDS} } }`);
    const tasks = new Feed(client, `subscription { tasksEvents { kind recordId version record { number shortDescription } } }`);
    await live(incidents);
    await live(tasks);
    // A subscriber with a long-lived token, on its own connection: events keep flowing to it.
    const other = new Feed(connect(), `subscription { incidentsEvents { ${EVENT_FIELDS} } }`);
    await live(other);

    for (const feed of [incidents, tasks]) {
      const errors = (await feed.failed(15_000)) as { message: string; extensions: Record<string, unknown> }[];
      expect(errors).toEqual([
        {
          message: `your sign-in expired at ${new Date(expiresAt).toISOString()}; subscribe again with a new token`,
          extensions: { code: 'UNAUTHENTICATED', expiredAt: new Date(expiresAt).toISOString() },
        },
      ]);
    }
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    await until(() => closedWith.get(client));
    expect(closedWith.get(client)).toEqual({ code: 4401, reason: expect.stringMatching(/^sign-in expired at .*; connect again with a new token$/) });

    const { id } = await createIncident('After the expiry');
    // Events of earlier writes may still be on their way to `other` (delivered after commit): skip to this one.
    let seen = (await other.next()) as { kind?: string; recordId?: string } | undefined;
    for (let i = 0; i < 10 && seen && !(seen.kind === 'CREATED' && seen.recordId === id); i++) seen = (await other.next()) as typeof seen;
    expect(seen).toMatchObject({ kind: 'CREATED', recordId: id });
    // The same token over HTTP is refused too, and a new connection with it is refused at connect.
    expect((await t.gql(`{ __typename }`, {}, shortLived)).status).toBe(401);
    const again = new Feed(connect(`Bearer ${shortLived}`), `subscription { incidentsEvents { kind } }`);
    expect(await again.failed()).toMatchObject({ code: 4401, reason: expect.stringMatching(/^the token expired on/) });
  });
});

/** Resolves once `check()` answers something; fails the test after 5 s. */
async function until<T>(check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const answer = check();
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error('the condition did not hold within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
