import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('SlaBacktestBucket', { description: 'The records of one assignment group or one priority.' })
export class SlaBacktestBucketGql {
  @Field(() => String, { description: 'The group name or the priority ("(none)" when empty).' }) key!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) breached!: number;
  @Field(() => Float, { description: 'breached / total, from 0 to 1.' }) breachRate!: number;
}

@ObjectType('SlaBacktest', { description: 'How an SLA definition would have done on recent records, replayed from their field history. Nothing is written.' })
export class SlaBacktestGql {
  @Field(() => Int, { description: 'Records the SLA would have started on.' }) total!: number;
  @Field(() => Int, { description: 'Of those, the ones that would have breached by now.' }) breached!: number;
  @Field(() => Float, { description: 'breached / total, from 0 to 1.' }) breachRate!: number;
  @Field(() => Int, { description: 'Records of the type opened in the window.' }) considered!: number;
  @Field(() => Boolean, { description: 'More records were opened than are replayed: the newest were taken.' }) truncated!: boolean;
  @Field(() => [SlaBacktestBucketGql], { description: 'Per assignment group (as the records stand now).' }) byGroup!: SlaBacktestBucketGql[];
  @Field(() => [SlaBacktestBucketGql], { description: 'Per priority (as the records stand now).' }) byPriority!: SlaBacktestBucketGql[];
}
