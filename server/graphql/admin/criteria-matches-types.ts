import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CriteriaMatchSample', { description: 'One user the criteria match.' })
export class CriteriaMatchSampleGql {
  @Field(() => String) userName!: string;
  @Field(() => String) name!: string;
}

@ObjectType('CriteriaMatches', { description: 'Which active users user criteria match, decided as access rules decide.' })
export class CriteriaMatchesGql {
  @Field(() => Int, { description: 'Active users the criteria match (among those checked).' }) count!: number;
  @Field(() => Int, { description: 'Active users checked.' }) checked!: number;
  @Field(() => Boolean, { description: 'More active users than the limit: the rest were not checked, so the count is a lower bound.' }) truncated!: boolean;
  @Field(() => [CriteriaMatchSampleGql], { description: 'The first matching users, by user name.' }) sample!: CriteriaMatchSampleGql[];
}
