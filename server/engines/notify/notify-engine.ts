import type { Engine } from '../engine.js';
import { DELIVER_JOB, deliverNotification } from './deliver-notification.js';
import { dueNotifications } from './due-notifications.js';
import { webhookEvents } from './webhook-events.js';

/**
 * Notifications: record events → webhook calls queued in the outbox; the outbox's due rows → delivery jobs;
 * each job sends one e-mail (SMTP) or webhook call and records the outcome, retrying failures with backoff on
 * the engine clock until they are sent or dead.
 */
export const notifyEngine: Engine = {
  name: 'notify',
  install(ctx) {
    // Delivery failures are retried by the outbox's own timer (on the engine clock); the job is retried only
    // when recording an outcome itself failed.
    ctx.jobs.define<{ id: number }>(DELIVER_JOB, (data) => deliverNotification(ctx, data.id), { retryLimit: 3, retryDelay: 5 });
    ctx.every('notify.due', (now) => dueNotifications(ctx, now));
    ctx.feed.consume('webhooks', webhookEvents(ctx));
  },
};
