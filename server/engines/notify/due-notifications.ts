import { sql } from 'drizzle-orm';
import type { EngineContext } from '../engine.js';
import { DELIVER_JOB } from './deliver-notification.js';

/** Notifications handed to jobs per tick; the rest wait for the next one. */
const BATCH = 100;

/**
 * The delivery timer: notifications whose time has come (new ones, retries, attempts whose lease ran out) are
 * claimed with SKIP LOCKED, their timer cleared and a delivery job sent in the same transaction, so each due
 * time fires once even with several processes. Resolves to how many were handed on.
 */
export async function dueNotifications(ctx: EngineContext, now: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await tx.run<{ id: unknown }>(sql`
      SELECT "id" FROM "atrium"."notification"
      WHERE "status" IN ('pending', 'failed') AND "due_at" <= ${now.toISOString()}::timestamptz
      ORDER BY "due_at" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
    if (!due.length) return 0;
    const ids = due.map((r) => Number(r.id));
    await tx.run(sql`UPDATE "atrium"."notification" SET "due_at" = NULL WHERE "id" IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    for (const id of ids) await ctx.jobs.send(DELIVER_JOB, { id }, { tx });
    return ids.length;
  });
}
