import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { RegistrationState } from '../../access/registrations.js';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';

export const ContactRegistrationStateEnum: Record<string, RegistrationState> = { REQUESTED: 'requested', APPROVED: 'approved', REJECTED: 'rejected' };
registerEnumType(ContactRegistrationStateEnum, { name: 'ContactRegistrationState', description: 'Where a registration stands: waiting for approval, approved (the user exists), or rejected.' });

// Not `Registration`: the data API generates that type from the `registration` record type.
@ObjectType('ContactRegistration', { description: 'A self-registration and where it stands.' })
export class ContactRegistrationGql {
  @Field(() => ID, { description: 'The global id of the registration record (as `node(id:)` takes it).' }) id!: string;
  @Field(() => ContactRegistrationStateEnum) state!: RegistrationState;
  @Field(() => String, { description: 'What to tell the person who registered.' }) message!: string;
  @Field(() => String) userName!: string;
  @Field(() => ID, { description: 'The global id of the account asked to join.' }) account!: string;
  @Field(() => ID, { nullable: true, description: 'The global id of the user created on approval.' }) user?: string | null;
  @Field(() => ID, { nullable: true, description: 'The global id of the approval record.' }) approval?: string | null;
  @Field(() => GraphQLDateTimeRfc3339, { nullable: true, description: 'When it was approved or rejected.' }) decidedAt?: Date | null;
}

// Not the registration itself: an anonymous caller learns nothing it did not send, so the answer is the same
// whether or not the user name, e-mail address or account exists.
@ObjectType('ContactRegistrationReceipt', { description: 'What registering answers: the same for every well-formed registration, whatever exists already.' })
export class ContactRegistrationReceiptGql {
  @Field(() => String, { description: 'What to tell the person who registered.' }) message!: string;
  @Field(() => String) userName!: string;
  @Field(() => String) email!: string;
  @Field(() => ID, { description: 'The global id of the account asked to join.' }) account!: string;
}

@InputType('RegisterContactInput', { description: 'A contact asking to join an account; the account is named by its global id.' })
export class RegisterContactInput {
  @Field(() => String, { description: 'What the contact will sign in as.' }) userName!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => ID) account!: string;
  @Field(() => String, { nullable: true, description: 'A note for the approver.' }) message?: string | null;
}
