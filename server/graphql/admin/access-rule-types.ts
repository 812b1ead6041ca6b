import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ACL_OPERATIONS, type AclOperation, type UserCriteriaDoc } from '../../../schema/index.js';

type CriteriaMatch = UserCriteriaDoc['match'];

export const CriteriaMatchEnum: Record<string, CriteriaMatch> = { ALL: 'all', ANY: 'any' };
registerEnumType(CriteriaMatchEnum, { name: 'CriteriaMatch', description: 'Whether user criteria need every listed dimension to match, or any one of them.' });

export const AclOperationEnum = Object.fromEntries(ACL_OPERATIONS.map((o) => [o.toUpperCase(), o])) as Record<string, AclOperation>;
registerEnumType(AclOperationEnum, { name: 'AclOperation', description: 'What an ACL governs: READ, CREATE, UPDATE, DELETE for records; READ, WRITE for fields.' });

@ObjectType('CriteriaAccount', { description: 'An account named by user criteria.' })
export class CriteriaAccountGql {
  @Field(() => String, { description: 'The account name.' }) account!: string;
  @Field(() => Boolean, { description: 'Every account below it matches too.' }) includeChildren!: boolean;
}

@ObjectType('UserCriteria', { description: 'Who a rule is for: named users, groups, roles, accounts, departments, locations and a condition on the user.' })
export class UserCriteriaGql {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => CriteriaMatchEnum) match!: CriteriaMatch;
  @Field(() => [String], { description: 'User names.' }) users!: string[];
  @Field(() => [String], { description: 'Group names.' }) groups!: string[];
  @Field(() => [String], { description: 'Role names.' }) roles!: string[];
  @Field(() => [CriteriaAccountGql]) accounts!: CriteriaAccountGql[];
  @Field(() => [String], { description: 'Department names.' }) departments!: string[];
  @Field(() => [String], { description: 'Location names.' }) locations!: string[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: "A condition on the user's own record." }) condition?: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Has unpublished changes.' }) hasDraft!: boolean;
  @Field(() => Int, { nullable: true, description: 'Version of its draft, null without one: pass it back as draftVersion when you edit what you read.' }) draftVersion?: number | null;
}

@ObjectType('Acl', { description: 'An access rule on the records of a type, or on one of its fields.' })
export class AclGql {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String) recordType!: string;
  @Field(() => String, { nullable: true, description: 'Set for a field rule.' }) field?: string;
  @Field(() => AclOperationEnum) operation!: AclOperation;
  @Field(() => [String], { description: 'User criteria the rule is for (any of them); none: every signed-in user.' }) criteria!: string[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Records the rule applies to.' }) condition?: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'A reference field: the rule also needs the record it points at to be readable by the user.' }) through?: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Boolean, { description: 'Has unpublished changes.' }) hasDraft!: boolean;
  @Field(() => Int, { nullable: true, description: 'Version of its draft, null without one: pass it back as draftVersion when you edit what you read.' }) draftVersion?: number | null;
}

@InputType('CriteriaAccountInput')
export class CriteriaAccountInput {
  @Field(() => String) account!: string;
  @Field(() => Boolean, { nullable: true }) includeChildren?: boolean;
}

@InputType('UserCriteriaInput', { description: 'Whole user criteria, saved as a draft.' })
export class UserCriteriaInput {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => CriteriaMatchEnum, { nullable: true, description: 'ANY when not given.' }) match?: CriteriaMatch;
  @Field(() => [String], { nullable: true }) users?: string[];
  @Field(() => [String], { nullable: true }) groups?: string[];
  @Field(() => [String], { nullable: true }) roles?: string[];
  @Field(() => [CriteriaAccountInput], { nullable: true }) accounts?: CriteriaAccountInput[];
  @Field(() => [String], { nullable: true }) departments?: string[];
  @Field(() => [String], { nullable: true }) locations?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true }) condition?: Record<string, unknown>;
}

@InputType('AclInput', { description: 'A whole ACL, saved as a draft.' })
export class AclInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String) recordType!: string;
  @Field(() => String, { nullable: true }) field?: string;
  @Field(() => AclOperationEnum) operation!: AclOperation;
  @Field(() => [String], { nullable: true }) criteria?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true }) condition?: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'A reference field: the rule also needs the record it points at to be readable by the user.' }) through?: string;
  @Field(() => Boolean, { nullable: true, description: 'True when not given.' }) active?: boolean;
}
