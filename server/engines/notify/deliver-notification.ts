import { sql } from 'drizzle-orm';
import type { EngineContext } from '../engine.js';
import { LEASE_MS, MAX_ATTEMPTS, NO_MAIL_SERVER_RECHECK_MS, retryDelayMs } from './delivery-policy.js';
import { sendMail } from './mail-sender.js';
import { messageId } from './message-id.js';
import { notificationRow, type NotificationRow, type WebhookPayload } from './notification-row.js';
import { postWebhook } from './post-webhook.js';
import { recordView } from './record-view.js';
import { renderMessage } from './render-message.js';
import { resolveRecipients, type Recipient } from './resolve-recipients.js';

/** The job kind that delivers one notification. */
export const DELIVER_JOB = 'notify.deliver';

/** How an attempt ended. */
type Outcome =
  | { kind: 'sent'; recipients?: Recipient[] }
  /** Worth trying again later (a refusing mail server, a receiver answering 500). */
  | { kind: 'failed'; error: string; recipients?: Recipient[] }
  /** Will never work as it is (a template that is gone, nobody to send to). */
  | { kind: 'dead'; error: string; recipients?: Recipient[] }
  /** Nothing to send it with yet: stays pending, the attempt not counted. */
  | { kind: 'waiting'; error: string; recipients?: Recipient[] };

/**
 * Delivers one notification, at most once at a time and never again once sent: the attempt claims the row (a
 * compare-and-set on its status and timer, taking a lease), sends outside any transaction (a slow mail server
 * must not hold the database), then records the outcome in one transaction. A crash between sending and
 * recording leaves the lease to run out and the message to be sent again, with the same Message-ID (or
 * X-Atrium-Delivery) for receivers to recognise.
 */
export async function deliverNotification(ctx: EngineContext, id: number): Promise<void> {
  const now = ctx.clock.now();
  const [claimed] = await ctx.db.run(sql`
    UPDATE "atrium"."notification" SET "attempts" = "attempts" + 1, "due_at" = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
    WHERE "id" = ${id} AND "status" IN ('pending', 'failed') AND "due_at" IS NULL
    RETURNING *`);
  if (!claimed) return;
  const n = notificationRow(claimed);
  let outcome: Outcome;
  try {
    outcome = n.channel === 'webhook' ? await attemptWebhook(ctx, n) : await attemptEmail(ctx, n);
  } catch (err) {
    outcome = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
  await recordOutcome(ctx, n, outcome);
}

async function attemptEmail(ctx: EngineContext, n: NotificationRow): Promise<Outcome> {
  const graph = ctx.graph();
  const { publicUrl, smtpUrl, mailFrom } = ctx.config.notify;
  const view = n.record_type && n.record_id !== null ? await recordView(ctx.db, graph, n.record_type, n.record_id, publicUrl) : { row: null, values: {} };
  const template = n.template ? graph.model.snapshot.notificationTemplates[n.template] : undefined;
  if (n.template && !template) return { kind: 'dead', error: `the notification template "${n.template}" does not exist (any more)` };
  const subject = template?.subject ?? n.subject;
  const body = template?.body ?? n.body;
  if (!subject || !body) return { kind: 'dead', error: 'the notification has neither a template nor a subject and body' };
  const { recipients, unresolved } = await resolveRecipients(ctx.db, graph, n.recipients, n.record_type, view.row);
  if (!recipients.length) return { kind: 'dead', error: `nobody to send it to: ${unresolved.join('; ') || 'no recipients were given'}` };
  if (!smtpUrl) return { kind: 'waiting', error: 'no mail server configured: set ATRIUM_SMTP_URL; the message goes out once one is', recipients };
  await sendMail(smtpUrl, {
    messageId: messageId(n.id, n.key, mailFrom),
    from: mailFrom,
    to: recipients.map((r) => r.address),
    subject: renderMessage(subject, view.values).replace(/\s*\n\s*/g, ' '),
    text: renderMessage(body, view.values),
  });
  return { kind: 'sent', recipients };
}

async function attemptWebhook(ctx: EngineContext, n: NotificationRow): Promise<Outcome> {
  const payload = n.payload as WebhookPayload | null;
  const hook = payload ? ctx.graph().model.snapshot.webhooks[payload.webhook] : undefined;
  if (!payload || !hook) return { kind: 'dead', error: `the webhook "${payload?.webhook ?? '?'}" does not exist (any more)` };
  if (hook.active === false) return { kind: 'dead', error: `the webhook "${hook.name}" is inactive` };
  // The one setting read from the environment outside config.ts: which variable is named is metadata.
  const secret = process.env[hook.secretEnv];
  if (!secret) return { kind: 'failed', error: `the environment variable ${hook.secretEnv} (the secret of webhook "${hook.name}") is not set on this server` };
  await postWebhook({
    url: hook.url,
    secret,
    deliveryId: `${n.id}`,
    body: JSON.stringify(payload.body),
    timestamp: Math.floor(ctx.clock.now().getTime() / 1000),
    timeoutMs: ctx.config.notify.webhookTimeoutMs,
  });
  return { kind: 'sent' };
}

/** Records how the claimed attempt ended, unless another attempt took over meanwhile (its lease ran out). */
async function recordOutcome(ctx: EngineContext, n: NotificationRow, outcome: Outcome): Promise<void> {
  const now = ctx.clock.now();
  const at = (ms: number) => sql`${new Date(now.getTime() + ms).toISOString()}::timestamptz`;
  const set = (() => {
    switch (outcome.kind) {
      case 'sent':
        return sql`"status" = 'sent', "sent_at" = ${now.toISOString()}::timestamptz, "due_at" = NULL, "last_error" = NULL`;
      case 'failed':
        return n.attempts >= MAX_ATTEMPTS
          ? sql`"status" = 'dead', "due_at" = NULL, "last_error" = ${outcome.error}`
          : sql`"status" = 'failed', "due_at" = ${at(retryDelayMs(n.attempts))}, "last_error" = ${outcome.error}`;
      case 'dead':
        return sql`"status" = 'dead', "due_at" = NULL, "last_error" = ${outcome.error}`;
      case 'waiting':
        return sql`"attempts" = "attempts" - 1, "due_at" = ${at(NO_MAIL_SERVER_RECHECK_MS)}, "last_error" = ${outcome.error}`;
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
  })();
  await ctx.db.transaction(async (tx) => {
    const [mine] = await tx.run(sql`UPDATE "atrium"."notification" SET ${set} WHERE "id" = ${n.id} AND "attempts" = ${n.attempts} AND "status" IN ('pending', 'failed') RETURNING "id"`);
    if (!mine || !outcome.recipients) return;
    await tx.run(sql`DELETE FROM "atrium"."notification_recipient" WHERE "notification_id" = ${n.id}`);
    const rows = outcome.recipients.map((r) => sql`(${n.id}, ${r.address}, ${r.personId})`);
    if (rows.length) await tx.run(sql`INSERT INTO "atrium"."notification_recipient" ("notification_id", "address", "person_id") VALUES ${sql.join(rows, sql`, `)}`);
  });
  if (outcome.kind !== 'sent') ctx.log.warn({ notification: n.id, attempt: n.attempts, outcome: outcome.kind, error: outcome.error }, 'a notification was not delivered');
}
