import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/index.js';
import { MAX_ATTEMPTS, queueNotification, type NotificationRequest } from '../../../server/engines/notify/index.js';
import { createSmallData, type SmallData } from '../../helpers/itsm.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { importWith, rowId, startMailServer, type TestMailServer } from './notify-fixtures.js';

const TEMPLATE = {
  name: 'incident_update',
  recordType: 'incident',
  subject: '{{record.number}}: {{short_description}}',
  body: 'Caller: {{caller}}\nGroup: {{assignment_group}}\nState: {{state}}\nOpen it: {{record.url}}\n',
};

const LIST = `query($status: NotificationStatus, $recordId: ID) { notifications(status: $status, recordId: $recordId, first: 50) {
  edges { node { id status channel recordType recordId addresses attempts lastError sentAt nextAttemptAt } } pageInfo { hasNextPage endCursor } } }`;
const MINE = `{ myNotifications(first: 50) { edges { node { id recordId subject template addresses payload } } } }`;

describe('e-mail notifications over SMTP', () => {
  let t: TestServer;
  let mail: TestMailServer;
  let data: SmallData;
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  const queue = (n: NotificationRequest) => queueNotification(t.atrium.engines.jobs, t.atrium.db, n);
  const drain = () => t.atrium.engines.drain();
  const status = async (id: number) => {
    const d = await t.ok(LIST, {});
    return d.notifications.edges.map((e: any) => e.node).find((n: any) => n.id === String(id));
  };
  const messageIdOf = (raw: string) => /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim();

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestServer({ clock, config: { notify: { smtpUrl: mail.url, mailFrom: 'Atrium <atrium@example.test>', publicUrl: 'https://atrium.example.test', webhookTimeoutMs: 2_000 } } });
    const imported = await importWith(t, { 'notification-templates/incident_update.yaml': TEMPLATE });
    expect(imported.errors).toBeUndefined();
    data = await createSmallData(t, 2);
    // Grace is in the Network group (which has no address of its own).
    await t.ok(`mutation($i: CreateGroupMemberInput!) { createGroupMember(input: $i) { groupMember { id } } }`, { i: { assignmentGroup: data.groups[0], person: data.people[1] } });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await mail?.stop();
  });

  it('renders the template with the record as it is now and delivers it once, with a stable Message-ID', async () => {
    const id = await queue({ key: 'test:rendered', recordType: 'incident', recordId: rowId(data.incidents[0]), recipients: [{ field: 'caller' }], template: 'incident_update' });
    expect(id).not.toBeNull();
    // The same cause queued again is dropped.
    expect(await queue({ key: 'test:rendered', recordType: 'incident', recordId: rowId(data.incidents[0]), recipients: [{ field: 'caller' }], template: 'incident_update' })).toBeNull();
    await drain();
    expect(mail.accepted).toHaveLength(1);
    const [m] = mail.accepted;
    expect(m.to).toEqual(['p0@example.com']);
    // As it is now: the packs' SLAs may have moved it (this P1 incident was opened months before the clock).
    const now = (await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { number assignmentGroup { name } } } }`, { id: data.incidents[0] })).node;
    const number = now.number;
    expect(m.raw).toMatch(new RegExp(`^Subject: ${number}: Problem 0$`, 'm'));
    expect(m.raw).toContain('Caller: Ada');
    expect(m.raw).toContain(`Group: ${now.assignmentGroup.name}`);
    expect(m.raw).toContain('State: New');
    expect(m.raw).toContain(`Open it: https://atrium.example.test/records/${data.incidents[0]}`);
    expect(messageIdOf(m.raw)).toMatch(new RegExp(`^<notification\\.${id}\\.[0-9a-f]{20}@example\\.test>$`));
    await drain();
    clock.advance(24 * 3_600_000);
    await drain();
    expect(mail.accepted).toHaveLength(1);
    expect(await status(id!)).toMatchObject({ status: 'SENT', attempts: 1, addresses: ['p0@example.com'], recordType: 'incident', recordId: data.incidents[0], lastError: null, nextAttemptAt: null });
  });

  it('keeps a refused message as failed, retries it with backoff on the engine clock and sends it once', async () => {
    const before = mail.accepted.length;
    mail.refuse = 1;
    const id = (await queue({ key: 'test:refused', recordType: 'incident', recordId: rowId(data.incidents[0]), recipients: [{ group: 'Network' }], subject: 'About {{short_description}}', body: 'Priority {{priority}}' }))!;
    await drain();
    const failed = await status(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.lastError).toMatch(/mailbox busy/);
    expect(new Date(failed.nextAttemptAt).getTime()).toBe(clock.now().getTime() + 30_000);
    // Not due yet: nothing happens.
    await drain();
    expect(mail.accepted.length).toBe(before);
    clock.advance(30_000);
    await drain();
    expect(mail.accepted.length).toBe(before + 1);
    expect(mail.accepted.at(-1)!.to).toEqual(['p1@example.com']);
    expect(mail.accepted.at(-1)!.raw).toContain('Priority 1');
    clock.advance(3_600_000);
    await drain();
    expect(mail.accepted.length).toBe(before + 1);
    expect(await status(id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it('gives up after its attempts (dead), and an administrator retry sends it', async () => {
    const before = mail.accepted.length;
    mail.refuse = 1000;
    const id = (await queue({ key: 'test:dead', recipients: [{ user: 'linus' }], subject: 'Hello', body: 'Hello {{record.type}}' }))!;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drain();
      clock.advance(2 * 3_600_000);
    }
    expect(await status(id)).toMatchObject({ status: 'DEAD', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect((await t.ok(LIST, { status: 'DEAD' })).notifications.edges.map((e: any) => e.node.id)).toContain(String(id));
    mail.refuse = 0;
    const retried = await t.ok(`mutation($id: ID!) { retryNotification(id: $id) { id status attempts } }`, { id: String(id) });
    expect(retried.retryNotification).toEqual({ id: String(id), status: 'PENDING', attempts: 0 });
    await drain();
    expect(mail.accepted.length).toBe(before + 1);
    expect(await status(id)).toMatchObject({ status: 'SENT', attempts: 1 });
    const again = await t.gql(`mutation($id: ID!) { retryNotification(id: $id) { id } }`, { id: String(id) });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/is sent; only dead notifications can be retried/);
  });

  it('marks a message with nobody to send to as dead, saying why', async () => {
    const id = (await queue({ key: 'test:nobody', recipients: [{ user: 'nobody' }], subject: 'x', body: 'y' }))!;
    await drain();
    const n = await status(id);
    expect(n.status).toBe('DEAD');
    expect(n.lastError).toMatch(/user "nobody" does not exist/);
  });

  it('lists only for administrators, filtered by record', async () => {
    const byRecord = await t.ok(LIST, { recordId: data.incidents[0] });
    expect(byRecord.notifications.edges.length).toBeGreaterThanOrEqual(2);
    expect(byRecord.notifications.edges.every((e: any) => e.node.recordId === data.incidents[0])).toBe(true);
    const ada = await t.token({ subject: 'ada' });
    const refused = await t.gql(LIST, {}, ada);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(`{ notifications(first: 0) { edges { cursor } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows a user the e-mail sent to them, only about records they may read', async () => {
    // Incident 0's caller is Ada; Grace (neither its caller nor an agent) may not read it, yet was sent one about it.
    await queue({ key: 'test:both', recordType: 'incident', recordId: rowId(data.incidents[0]), recipients: [{ user: 'ada' }, { user: 'grace' }], subject: 'Both', body: 'b' });
    await queue({ key: 'test:no-record', recipients: [{ user: 'grace' }], subject: 'Welcome', body: 'w' });
    await drain();
    const mine = async (user: string) => (await t.gql(MINE, {}, await t.token({ subject: user }))).data!.myNotifications.edges.map((e: any) => e.node.subject ?? e.node.template);
    expect(await mine('ada')).toEqual(['Both', 'incident_update']);
    expect(await mine('grace')).toEqual(['Welcome']);
    expect(await mine('linus')).toEqual(['Hello']);
    // Sent to both (Bcc): each sees only their own address.
    const both = (await t.gql(MINE, {}, await t.token({ subject: 'ada' }))).data!.myNotifications.edges[0].node;
    expect(both).toMatchObject({ subject: 'Both', addresses: ['p0@example.com'], payload: null });
    const anonymous = await t.gql(MINE, {}, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a template whose placeholder names no field, naming it', async () => {
    const r = await importWith(t, {
      'notification-templates/incident_update.yaml': TEMPLATE,
      'notification-templates/typo.yaml': { name: 'typo', recordType: 'incident', subject: 'Hi {{caler}}', body: 'ok' },
    });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.errors)).toContain('names the field \\"caler\\", which record type \\"incident\\" does not have');
    expect(JSON.stringify(r.errors)).toContain('notificationTemplates.typo.subject');
  });
});
