import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { METADATA_KINDS, type KindName } from '../../../schema/index.js';

/** `recordType` → `RECORD_TYPE`: the kinds of the registry as a GraphQL enum, so a new kind appears by itself. */
export const MetadataKindEnum = Object.fromEntries(METADATA_KINDS.map((k) => [k.kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), k.kind])) as Record<string, KindName>;
registerEnumType(MetadataKindEnum, { name: 'MetadataKind', description: 'The kinds of metadata document: record types, user criteria, ACLs, business units, case types, state models, forms, UI policies.' });

@ObjectType('MetadataDocument', { description: 'One metadata document of any kind, as JSON in the shape of its file (see the kind for its properties).' })
export class MetadataDocumentGql {
  @Field(() => MetadataKindEnum) kind!: KindName;
  @Field(() => String) name!: string;
  @Field(() => GraphQLJSONObject) document!: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Has unpublished changes (an edit or a removal).' }) hasDraft!: boolean;
  @Field(() => Int, { nullable: true, description: 'Version of its draft, null without one: pass it back as draftVersion when you save what you read.' }) draftVersion?: number | null;
}

@ObjectType('MetadataSnapshot', {
  description: 'All metadata in one document: what clients build the same model from as the server (the `schema/` code), to validate and preview before saving.',
})
export class MetadataSnapshotGql {
  @Field(() => Int, { description: 'The newest published version: a client that opened an editor at an older one knows someone published since.' })
  publishedVersion!: number;
  @Field(() => GraphQLJSONObject, { description: 'Every kind by name (recordTypes, userCriteria, acls, businessUnits, caseTypes, stateModels, forms, uiPolicies).' })
  snapshot!: Record<string, unknown>;
  @Field(() => Int, { description: 'How many drafts are laid over the published version (0 with published: true).' }) draftCount!: number;
}
