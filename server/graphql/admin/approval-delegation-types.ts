import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';
import { ApprovalPersonGql } from './approval-types.js';

@ObjectType('ApprovalDelegation', { description: 'Out of office: while in force, approvals asked of you go to `to`.' })
export class ApprovalDelegationGql {
  @Field(() => ID) id!: string;
  @Field(() => ApprovalPersonGql, { description: 'Who decides for you.' }) to!: ApprovalPersonGql;
  @Field(() => GraphQLDateTimeRfc3339) from!: Date;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true, description: 'Null: until you end it.' }) until!: Date | null;
  @Field(() => Boolean, { description: 'False once ended.' }) active!: boolean;
}
