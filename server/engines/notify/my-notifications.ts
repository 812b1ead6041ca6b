import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { accessScope } from '../../access/access-scope.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { CompileContext, recordAccess, type GraphInfo } from '../../records/index.js';
import { addressesOf, notificationRow } from './notification-row.js';
import { afterCursor, pageSize, toPage, type NotificationPage } from './notification-page.js';

/**
 * The e-mail a signed-in user was sent (addressed to them at its last attempt), newest first, and only about
 * records they may read now — the record's access rules are part of the one statement, as on every read path.
 */
export async function myNotifications(db: Executor, graph: GraphInfo, actor: Actor, page: { first?: number | null; after?: string | null }): Promise<NotificationPage> {
  const first = pageSize(page.first);
  const me = actor.profile?.userId;
  if (!me) return { rows: [], hasNextPage: false, endCursor: null };
  const rows = await db.run(sql`
    SELECT n.*, ${addressesOf(Number(me))} FROM "atrium"."notification" n
    WHERE n."channel" = 'email'
      AND EXISTS (SELECT 1 FROM "atrium"."notification_recipient" r WHERE r."notification_id" = n."id" AND r."person_id" = ${Number(me)})
      AND ${readableRecord(graph, actor)}
      AND ${afterCursor(page.after)}
    ORDER BY n."id" DESC LIMIT ${first + 1}`);
  // A webhook's payload is never theirs to see; an e-mail's channel data is the engine's, not the reader's.
  return toPage(rows.map((r) => ({ ...notificationRow(r), payload: null })), first);
}

/** `n` is about no record, or about one the actor may read: each concrete type's rules, ORed by record type. */
function readableRecord(graph: GraphInfo, actor: Actor): SQL {
  const ctx = new CompileContext(graph, { defaultPageSize: 20, maxPageSize: 100 }, 'resolve', accessScope(actor, graph.model));
  const terms: SQL[] = [sql`n."record_type" IS NULL`];
  for (const info of graph.byName.values()) {
    if (info.type.abstract) continue;
    const alias = ctx.alias();
    const access = recordAccess(ctx, info, alias);
    terms.push(sql`(n."record_type" = ${info.type.name} AND EXISTS (SELECT 1 FROM ${tableRef(info.type.name)} ${alias} WHERE ${alias}."id" = n."record_id"${access ? sql` AND ${access}` : sql``}))`);
  }
  return sql`(${sql.join(terms, sql` OR `)})`;
}
