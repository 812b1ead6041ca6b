import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('CriteriaVerdict', { description: 'Whether the user matches one user criteria a rule names.' })
export class CriteriaVerdictGql {
  @Field(() => String) name!: string;
  @Field(() => Boolean) matched!: boolean;
}

@ObjectType('RuleVerdict', { description: "One access rule's part in a decision." })
export class RuleVerdictGql {
  @Field(() => String) rule!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [CriteriaVerdictGql]) criteria!: CriteriaVerdictGql[];
  @Field(() => Boolean, { description: 'The rule is for this user: it names no criteria, or the user matches one.' }) appliesToUser!: boolean;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The record condition, in the condition language.' }) condition!: unknown;
  @Field(() => String, { nullable: true, description: 'The reference field whose record the user must also be able to read (`through`).' }) through!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the record meets the condition (and, with `through`, its referenced record is readable); null when the rule asks neither.' })
  conditionHolds!: boolean | null;
  @Field(() => Boolean, { description: 'The rule allows the operation for this user on this record.' }) grants!: boolean;
}

@ObjectType('AccessDecision')
export class AccessDecisionGql {
  @Field(() => String) operation!: string;
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => String, { nullable: true, description: 'The record type whose rules decide (the nearest with rules); null when none has: only admins may.' })
  decidedBy!: string | null;
  @Field(() => String) reason!: string;
  @Field(() => [RuleVerdictGql]) rules!: RuleVerdictGql[];
}

@ObjectType('FieldAccess')
export class FieldAccessGql {
  @Field(() => String) field!: string;
  @Field(() => AccessDecisionGql) read!: AccessDecisionGql;
  @Field(() => AccessDecisionGql) write!: AccessDecisionGql;
}

@ObjectType('AccessExplanation', { description: 'Which rules grant or deny a user each operation on a record and on each field.' })
export class AccessExplanationGql {
  @Field(() => String) userName!: string;
  @Field(() => Boolean, { description: 'The user holds the admin role and passes every rule; the rules are still explained.' }) admin!: boolean;
  @Field(() => String) recordType!: string;
  @Field(() => ID, { description: 'The global id of the record explained (also when it was asked for by number).' }) recordId!: string;
  @Field(() => String, { nullable: true, description: "The record's number, when its type numbers records." }) recordNumber!: string | null;
  @Field(() => Boolean) recordExists!: boolean;
  @Field(() => [AccessDecisionGql]) operations!: AccessDecisionGql[];
  @Field(() => [FieldAccessGql]) fields!: FieldAccessGql[];
}

@ObjectType('AccessChange', { description: 'How many records of one type one user could read before and after.' })
export class AccessChangeGql {
  @Field(() => String) userName!: string;
  @Field(() => String) recordType!: string;
  @Field(() => Int) before!: number;
  @Field(() => Int) after!: number;
}

@ObjectType('AccessDiff', { description: 'Who gains or loses read access if the drafts were published.' })
export class AccessDiffGql {
  @Field(() => [AccessChangeGql]) changes!: AccessChangeGql[];
  @Field(() => Int) usersChecked!: number;
  @Field(() => Int, { description: 'Users whose applicable rules did not change (not counted).' }) usersUnaffected!: number;
  @Field(() => Boolean, { description: 'More active users than the limit: the rest were not checked.' }) truncated!: boolean;
  @Field(() => [String], { description: 'Types not counted: new in the drafts, or ruled by conditions on unpublished fields.' }) skippedTypes!: string[];
}
