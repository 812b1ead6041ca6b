import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FlowAssumption {
  APPROVED = 'approved',
  REJECTED = 'rejected',
}
registerEnumType(FlowAssumption, { name: 'FlowAssumption', description: 'What everyone asked is assumed to answer in a flow simulation (and how subflows end).' });

@ObjectType('SimulatedApprover', { description: 'Someone an approval step would ask now, after out-of-office delegation.' })
export class SimulatedApproverGql {
  @Field(() => ID, { description: 'The global id of the user.' }) id!: string;
  @Field(() => String) userName!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'The user first asked, when an out-of-office delegation sends it on.' }) delegatedFrom!: string | null;
  @Field(() => String, { description: 'The source that named them: `group:cab`, `manager:1`, `field:assigned_to` …' }) via!: string;
}

@ObjectType('ApproverFlag', { description: 'Something wrong with who would be asked: an empty group, an inactive user, self-approval …' })
export class ApproverFlagGql {
  @Field(() => String, { description: 'empty_group, inactive_user, self_approval, no_manager, unknown_user, unknown_group, unknown_role, empty_field or no_account_approver.' })
  kind!: string;
  @Field(() => String, { description: 'The approver source it concerns, as written (`group:cab`).' }) source!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true, description: 'The user name it concerns, when it concerns one.' }) userName!: string | null;
}

@ObjectType('DecisionTimeEstimate', { description: 'How long an approval step is expected to take to decide, from past decisions.' })
export class DecisionTimeEstimateGql {
  @Field(() => Int, { nullable: true, description: 'Median seconds from asking to deciding; null when there is nothing to go on.' }) seconds!: number | null;
  @Field(() => String, { nullable: true, description: '`node`: past decisions of this flow at this step; `all`: of every approval (this step has none yet).' }) basis!: string | null;
  @Field(() => Int, { description: 'How many past decisions the median is of.' }) decisions!: number;
  @Field(() => String, { nullable: true, description: 'Why there is no estimate.' }) reason!: string | null;
}

@ObjectType('SimulatedApprovalStep', { description: 'One approval step a record would reach: who would be asked, what is wrong, how long it may take.' })
export class SimulatedApprovalStepGql {
  @Field(() => String) node!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => [SimulatedApproverGql]) approvers!: SimulatedApproverGql[];
  @Field(() => [ApproverFlagGql]) flags!: ApproverFlagGql[];
  @Field(() => DecisionTimeEstimateGql) expected!: DecisionTimeEstimateGql;
}

@ObjectType('SimulatedFlowRecord', { description: 'How one record would go through the draft flow.' })
export class SimulatedFlowRecordGql {
  @Field(() => ID, { description: 'The global id of the record.' }) id!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => [String], { description: 'Node ids in the order they would be entered.' }) path!: string[];
  @Field(() => String, { nullable: true, description: 'approved, rejected or cancelled; null when the run would not end (see stuck).' }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the run would not reach an end.' }) stuck!: string | null;
  @Field(() => [SimulatedApprovalStepGql]) approvals!: SimulatedApprovalStepGql[];
  @Field(() => Int, { nullable: true, description: 'Expected seconds to decision: the approval steps on the path, summed; null when one has no estimate.' }) expectedSeconds!: number | null;
  @Field(() => String, { nullable: true }) expectedReason!: string | null;
}

@ObjectType('FlowSimulationNode', { description: 'A node of the draft flow and how many simulated records passed it.' })
export class FlowSimulationNodeGql {
  @Field(() => String) node!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int) records!: number;
  @Field(() => DecisionTimeEstimateGql, { nullable: true, description: 'For approval steps: the expected time to decision.' }) expected!: DecisionTimeEstimateGql | null;
}

@ObjectType('SkippedRecord', { description: 'A record asked for that was not simulated, and why.' })
export class SkippedRecordGql {
  @Field(() => ID) id!: string;
  @Field(() => String) reason!: string;
}

@ObjectType('FlowSimulation', { description: 'A draft flow run read-only against real records. Nothing is written.' })
export class FlowSimulationGql {
  @Field(() => String) flow!: string;
  @Field(() => FlowAssumption) assumed!: FlowAssumption;
  @Field(() => [SimulatedFlowRecordGql]) records!: SimulatedFlowRecordGql[];
  @Field(() => [FlowSimulationNodeGql]) nodes!: FlowSimulationNodeGql[];
  @Field(() => [SkippedRecordGql]) skipped!: SkippedRecordGql[];
}
