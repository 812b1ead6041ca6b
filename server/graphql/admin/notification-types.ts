import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { notificationCursor, type NotificationPage, type NotificationRow } from '../../engines/notify/index.js';
import { toGlobalId, type GraphInfo } from '../../records/index.js';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';

type Status = NotificationRow['status'];
type Channel = NotificationRow['channel'];

export const NotificationStatusEnum: Record<string, Status> = { PENDING: 'pending', SENT: 'sent', FAILED: 'failed', DEAD: 'dead' };
registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description: 'PENDING: not yet delivered; SENT: delivered; FAILED: an attempt failed, retried with backoff; DEAD: given up after its attempts (an administrator may retry it).',
});

export const NotificationChannelEnum: Record<string, Channel> = { EMAIL: 'email', WEBHOOK: 'webhook' };
registerEnumType(NotificationChannelEnum, { name: 'NotificationChannel', description: 'How a notification is delivered: EMAIL over SMTP, or a signed WEBHOOK call.' });

@ObjectType('Notification', { description: 'A message from the notification outbox: an e-mail to people, or a webhook call, about a record.' })
export class NotificationGql {
  @Field(() => ID) id!: string;
  @Field(() => NotificationChannelEnum) channel!: Channel;
  @Field(() => NotificationStatusEnum) status!: Status;
  @Field(() => String, { nullable: true, description: 'The record type of the record it is about.' }) recordType!: string | null;
  @Field(() => ID, { nullable: true, description: 'The global id of the record it is about.' }) recordId!: string | null;
  @Field(() => String, { nullable: true, description: 'The notification template it uses, by name.' }) template!: string | null;
  @Field(() => String, { nullable: true, description: 'Its subject, when given rather than a template (unrendered).' }) subject!: string | null;
  @Field(() => [String], { description: 'The addresses it went (or goes) to, as resolved at its last attempt.' }) addresses!: string[];
  @Field(() => GraphQLJSON, { nullable: true, description: 'A webhook call: the webhook and the body it posts.' }) payload!: unknown;
  @Field(() => Int, { description: 'Delivery attempts so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt did not deliver it (e.g. "no mail server configured").' }) lastError!: string | null;
  @Field(() => GraphQLDateTimeRfc3339) createdAt!: Date;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true }) sentAt!: Date | null;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true, description: 'When the next attempt is due (pending or failed, and not under way).' }) nextAttemptAt!: Date | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeGql {
  @Field(() => String) cursor!: string;
  @Field(() => NotificationGql) node!: NotificationGql;
}

@ObjectType('NotificationPageInfo')
export class NotificationPageInfoGql {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('NotificationConnection', { description: 'Notifications, newest first.' })
export class NotificationConnectionGql {
  @Field(() => [NotificationEdgeGql]) edges!: NotificationEdgeGql[];
  @Field(() => NotificationPageInfoGql) pageInfo!: NotificationPageInfoGql;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** A notification row as the API shows it; `addresses` come from its recipients. */
export function notificationGql(graph: GraphInfo, row: NotificationRow): NotificationGql {
  const gqlName = row.record_type ? graph.byName.get(row.record_type)?.type.gqlName : undefined;
  const dueAt = date(row.due_at);
  return {
    id: String(row.id),
    channel: row.channel,
    status: row.status,
    recordType: row.record_type,
    recordId: row.record_id !== null && gqlName ? toGlobalId(gqlName, row.record_id) : null,
    template: row.template,
    subject: row.subject,
    addresses: row.addresses,
    payload: row.payload,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: date(row.created_at)!,
    sentAt: date(row.sent_at),
    // '-infinity' (queued, due at once) reads back as an invalid date: due now.
    nextAttemptAt: dueAt && Number.isNaN(dueAt.getTime()) ? date(row.created_at) : row.status === 'pending' || row.status === 'failed' ? dueAt : null,
  };
}

export function notificationConnection(graph: GraphInfo, page: NotificationPage): NotificationConnectionGql {
  return {
    edges: page.rows.map((row) => ({ cursor: notificationCursor(row.id), node: notificationGql(graph, row) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
