import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('RoutingCandidate', { description: 'A member a routing strategy weighed.' })
export class RoutingCandidateGql {
  @Field(() => String) userName!: string;
  @Field(() => Int, { description: 'Open items assigned to the member at the time.' }) load!: number;
  @Field(() => GraphQLJSONObject, { nullable: true, description: "The member's levels of the required skills (skill name → level); null when the rule required none." })
  skills!: Record<string, number> | null;
  @Field(() => String, { nullable: true, description: 'Why the member was passed over; null when it qualified.' }) excluded!: string | null;
}

@ObjectType('AssignmentDecision', { description: 'One routing of a record: the rule that decided, the candidates, the winner and why.' })
export class AssignmentDecisionGql {
  @Field(() => Int, { description: 'The record version that was routed.' }) version!: number;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true, description: 'The rule that decided; null when rules matched but none found an assignee.' }) rule!: string | null;
  @Field(() => String, { nullable: true }) strategy!: string | null;
  @Field(() => String, { nullable: true, description: "The rule's target: `group <name>` or `user <name>`." }) target!: string | null;
  @Field(() => String, { nullable: true, description: 'The group the record was given (null: none, or deleted since).' }) group!: string | null;
  @Field(() => String, { nullable: true, description: 'The user name the record was given (null: none).' }) assignedTo!: string | null;
  @Field(() => [RoutingCandidateGql]) candidates!: RoutingCandidateGql[];
  @Field(() => String) reason!: string;
  @Field(() => Boolean, { description: "The rule's own target or strategy found no one and its fallback took the record." }) fellBack!: boolean;
}

@ObjectType('SimulatedRouting', { description: 'Where one record went, and where the draft rules would send it.' })
export class SimulatedRoutingGql {
  @Field(() => String, { description: 'The global id of the record.' }) id!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { nullable: true }) actualGroup!: string | null;
  @Field(() => String, { nullable: true }) actualAssignee!: string | null;
  @Field(() => String, { nullable: true }) simulatedGroup!: string | null;
  @Field(() => String, { nullable: true }) simulatedAssignee!: string | null;
  @Field(() => String, { nullable: true, description: 'The draft rule that decided; null when none matched.' }) rule!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Boolean) fellBack!: boolean;
  @Field(() => Boolean, { description: 'The draft sends the record elsewhere than it is now.' }) changed!: boolean;
}

@ObjectType('RoutingTargetCount', { description: 'How many sampled records the draft sends to one target.' })
export class RoutingTargetCountGql {
  @Field(() => String, { description: '`group / user`, `group`, `user`, or `unassigned`.' }) target!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('RoutingSimulation', { description: 'Draft routing rules run read-only over the newest records of a type.' })
export class RoutingSimulationGql {
  @Field(() => [SimulatedRoutingGql], { description: 'Newest first.' }) records!: SimulatedRoutingGql[];
  @Field(() => [RoutingTargetCountGql], { description: 'Most first.' }) counts!: RoutingTargetCountGql[];
}
