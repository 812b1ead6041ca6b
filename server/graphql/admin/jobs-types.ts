import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';

@ObjectType('DeadJob', { description: 'A job that failed past its retries; it stays until an administrator retries it.' })
export class DeadJobGql {
  @Field(() => ID, { description: 'The id to retry it by (with its kind).' }) id!: string;
  @Field(() => String, { description: 'The kind of job (its handler), e.g. `sla.breach`.' }) kind!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What the job was sent with.' }) data?: Record<string, unknown> | null;
  @Field(() => String, { description: 'The error of its last run.' }) error!: string;
  @Field(() => Int, { description: 'How many times it was retried after its first run.' }) retries!: number;
  @Field(() => GraphQLDateTimeRfc3339) createdAt!: Date;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true, description: 'When its last run failed.' }) failedAt?: Date | null;
}

@ObjectType('EventConsumer', { description: 'A durable reader of committed record events (an engine) and how far behind it is.' })
export class EventConsumerGql {
  @Field(() => String) name!: string;
  @Field(() => Float, { description: 'The id of the last event it handled (0: none yet).' }) position!: number;
  @Field(() => Int, { description: 'Committed events it has not handled yet.' }) lag!: number;
  @Field(() => GraphQLDateTimeRfc3339, { description: 'When it last moved on (or started).' }) lastHandledAt!: Date;
}

@ObjectType('EventConsumerFailure', { description: 'An event a consumer could not handle: recorded and passed over, so later events were not held up.' })
export class EventConsumerFailureGql {
  @Field(() => ID) id!: string;
  @Field(() => String) consumer!: string;
  @Field(() => Float, { description: 'The id of the event.' }) eventId!: number;
  @Field(() => String) error!: string;
  @Field(() => GraphQLDateTimeRfc3339) failedAt!: Date;
}
