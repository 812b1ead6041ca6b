import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FlowInstanceRow } from '../../engines/flows/flow-instance-row.js';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';
import { ApprovalPersonGql } from './approval-types.js';

type Status = FlowInstanceRow['status'];

export const FlowInstanceStatusEnum: Record<string, Status> = { RUNNING: 'running', APPROVED: 'approved', REJECTED: 'rejected', CANCELLED: 'cancelled' };
registerEnumType(FlowInstanceStatusEnum, { name: 'FlowInstanceStatus', description: 'RUNNING, or how it ended: APPROVED, REJECTED, CANCELLED.' });

@ObjectType('FlowAuditEntry', { description: 'One line of a flow instance’s trail: who was asked, who decided, when and why, what ran.' })
export class FlowAuditEntryGql {
  @Field(() => Int, { description: 'Its place in the trail (1, 2, …).' }) seq!: number;
  @Field(() => GraphQLDateTimeRfc3339) at!: Date;
  @Field(() => String, { description: 'started, asked, decided, expired, escalated, action, timer, branch, joined, subflow, ended, cancelled, migrated …' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The node it concerns.' }) node!: string | null;
  @Field(() => String, { nullable: true, description: "That node's label in the flow version the instance runs." }) nodeLabel!: string | null;
  @Field(() => String, { nullable: true, description: 'Who caused it as writes record it: a user name, or `system`.' }) actorId!: string | null;
  @Field(() => ApprovalPersonGql, { nullable: true, description: 'The person who caused it, when a person did.' }) actor!: ApprovalPersonGql | null;
  @Field(() => GraphQLJSONObject, { description: 'What happened, by kind: who was asked (and via what), the decision and its comment, the outcome …' }) detail!: Record<string, unknown>;
}

@ObjectType('FlowInstance', { description: 'One run of an approval flow on a record.' })
export class FlowInstanceGql {
  @Field(() => ID) id!: string;
  @Field(() => String) flow!: string;
  @Field(() => String, { nullable: true }) flowLabel!: string | null;
  @Field(() => Int, { description: 'The metadata version its flow version was first run at: it runs that version for life.' }) version!: number;
  @Field(() => FlowInstanceStatusEnum) status!: Status;
  @Field(() => String) recordType!: string;
  @Field(() => ID, { description: 'The global id of the record.' }) record!: string;
  @Field(() => ApprovalPersonGql, { nullable: true }) requester!: ApprovalPersonGql | null;
  @Field(() => ID, { nullable: true, description: 'The parent instance of a subflow.' }) parent!: string | null;
  @Field(() => GraphQLDateTimeRfc3339) startedAt!: Date;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true }) endedAt!: Date | null;
  @Field(() => [String], { description: 'The nodes where it waits now.' }) waitingAt!: string[];
  @Field(() => [FlowAuditEntryGql], { description: 'Its trail, in order (empty in lists: ask flowTimeline for it).' }) audit!: FlowAuditEntryGql[];
}

@InputType('NodeMapping', { description: 'Where tokens waiting at a node of the old version go in the new one.' })
export class NodeMappingInput {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
}

@ObjectType('FlowMigration', { description: 'Running instances moved onto a flow version.' })
export class FlowMigrationGql {
  @Field(() => ID, { description: 'The flow version they run now.' }) versionId!: string;
  @Field(() => [ID], { description: 'The instances moved.' }) migrated!: string[];
}
