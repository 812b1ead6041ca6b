import { Field, ObjectType } from 'type-graphql';

@ObjectType('StudioAccess', { description: 'What the signed-in user may do in the studio: asked first, so a page can say which rights are missing instead of failing.' })
export class StudioAccessGql {
  @Field(() => Boolean) signedIn!: boolean;
  @Field(() => String, { nullable: true, description: 'The user name; null when not signed in.' }) userName!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => Boolean, { description: 'Holds the admin role: reads and changes all metadata.' }) platformAdmin!: boolean;
  @Field(() => [String], { description: 'Business units whose administrators criteria the user matches (every unit for the platform admin).' })
  administeredUnits!: string[];
  @Field(() => Boolean, { description: 'May open the designers: the platform admin or a unit administrator.' }) canDesign!: boolean;
  @Field(() => String, { nullable: true, description: 'When canDesign is false: which rights are missing, in words a person can act on.' })
  missingRights!: string | null;
}
