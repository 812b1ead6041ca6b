import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { fromGlobalId, type GraphInfo } from '../../records/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { addressesOf, notificationRow, type NotificationRow } from './notification-row.js';
import { afterCursor, pageSize, toPage, type NotificationPage } from './notification-page.js';

export interface NotificationFilter {
  status?: NotificationRow['status'] | null;
  /** A record's global id: only notifications about it. */
  recordId?: string | null;
  first?: number | null;
  after?: string | null;
}

/** The outbox as an administrator sees it (every notification), newest first, in one statement. */
export async function listNotifications(db: Executor, graph: GraphInfo, filter: NotificationFilter): Promise<NotificationPage> {
  const first = pageSize(filter.first);
  const terms = [afterCursor(filter.after)];
  if (filter.status) terms.push(sql`n."status" = ${filter.status}`);
  if (filter.recordId) {
    const { typeName, id } = fromGlobalId(filter.recordId);
    const info = graph.byGqlName.get(typeName);
    if (!info) throw new DomainError(ErrorCode.INVALID_ID, `"${filter.recordId}" is not the id of a record of a live record type`);
    const types = info.type.concreteTypes.length ? info.type.concreteTypes : [info.type.name];
    terms.push(sql`n."record_id" = ${id} AND n."record_type" IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`);
  }
  const rows = await db.run(sql`SELECT n.*, ${addressesOf()} FROM "atrium"."notification" n WHERE ${sql.join(terms, sql` AND `)} ORDER BY n."id" DESC LIMIT ${first + 1}`);
  return toPage(rows.map(notificationRow), first);
}
