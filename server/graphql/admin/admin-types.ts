import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';
import { FIELD_TYPES, type FieldType } from '../../../schema/index.js';

export const FieldTypeEnum = Object.fromEntries(FIELD_TYPES.map((t) => [t.toUpperCase(), t])) as Record<string, FieldType>;
registerEnumType(FieldTypeEnum, { name: 'FieldType', description: 'The kinds of field a record type can have.' });

@ObjectType('Choice', { description: 'One value of a choice list.' })
export class ChoiceGql {
  @Field(() => String, { description: 'Stored value; shown in the graph as an enum value in upper case.' }) value!: string;
  @Field(() => String) label!: string;
}

@ObjectType('RecordField', { description: 'A field of a record type, as metadata.' })
export class FieldGql {
  @Field(() => ID, { description: 'Stable identity, kept across renames.' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) help?: string;
  @Field(() => FieldTypeEnum) type!: FieldType;
  @Field(() => Boolean) required!: boolean;
  @Field(() => Boolean) unique!: boolean;
  @Field(() => GraphQLJSON, { nullable: true }) default?: unknown;
  @Field(() => Int, { nullable: true }) maxLength?: number;
  @Field(() => Int, { nullable: true }) scale?: number;
  @Field(() => [ChoiceGql], { nullable: true }) choices?: ChoiceGql[];
  @Field(() => String, { nullable: true, description: 'Target record type of a reference.' }) reference?: string;
  @Field(() => String, { nullable: true }) reverseName?: string;
  @Field(() => Boolean, { description: 'Removed: hidden from the graph, data kept.' }) archived!: boolean;
}

@ObjectType('RecordType', { description: 'A record type, as metadata.' })
export class RecordTypeGql {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) pluralLabel?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) extends?: string;
  @Field(() => Boolean) abstract!: boolean;
  @Field(() => String, { nullable: true }) numberPrefix?: string;
  @Field(() => String, { nullable: true }) displayField?: string;
  @Field(() => Boolean) archived!: boolean;
  @Field(() => Boolean, { description: 'Has unpublished changes.' }) hasDraft!: boolean;
  @Field(() => Int, { nullable: true, description: 'Version of its draft, null without one: pass it back as draftVersion when you edit what you read.' }) draftVersion?: number | null;
  @Field(() => [FieldGql], { description: "The type's own fields (not inherited ones)." }) fields!: FieldGql[];
}

@InputType('ChoiceInput')
export class ChoiceInput {
  @Field(() => String) value!: string;
  @Field(() => String) label!: string;
}

@InputType('RecordFieldInput', { description: 'A field definition. Omit id for a new field.' })
export class FieldInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) help?: string;
  @Field(() => FieldTypeEnum) type!: FieldType;
  @Field(() => Boolean, { nullable: true }) required?: boolean;
  @Field(() => Boolean, { nullable: true }) unique?: boolean;
  @Field(() => GraphQLJSON, { nullable: true }) default?: unknown;
  @Field(() => Int, { nullable: true }) maxLength?: number;
  @Field(() => Int, { nullable: true }) scale?: number;
  @Field(() => [ChoiceInput], { nullable: true }) choices?: ChoiceInput[];
  @Field(() => String, { nullable: true }) reference?: string;
  @Field(() => String, { nullable: true }) reverseName?: string;
}

@InputType('RecordTypeInput', { description: 'A whole record type document, saved as a draft.' })
export class RecordTypeInput {
  @Field(() => String) name!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) pluralLabel?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => String, { nullable: true }) extends?: string;
  @Field(() => Boolean, { nullable: true }) abstract?: boolean;
  @Field(() => String, { nullable: true }) numberPrefix?: string;
  @Field(() => String, { nullable: true }) displayField?: string;
  @Field(() => [FieldInput]) fields!: FieldInput[];
}

@ObjectType('MetadataChange', { description: 'One line of a metadata diff.' })
export class MetadataChangeGql {
  @Field(() => String, { description: 'type_added, field_renamed, field_archived, …' }) kind!: string;
  @Field(() => String) path!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before?: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after?: unknown;
}

@ObjectType('MetadataVersion', { description: 'A published version of all metadata.' })
export class MetadataVersionGql {
  @Field(() => Int) id!: number;
  @Field(() => GraphQLDateTimeRfc3339) createdAt!: Date;
  @Field(() => String) author!: string;
  @Field(() => String) message!: string;
  @Field(() => Int, { nullable: true, description: 'The earlier version this one re-published.' }) rollbackOf?: number | null;
  @Field(() => [MetadataChangeGql], { description: 'What changed since the version before.' }) changes!: MetadataChangeGql[];
}

@ObjectType('MetadataProblem', { description: 'Something that stops drafts from publishing.' })
export class MetadataProblemGql {
  @Field(() => String) path!: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('PublishResult')
export class PublishResultGql {
  @Field(() => MetadataVersionGql, { nullable: true, description: 'Null for a dry run.' }) version?: MetadataVersionGql | null;
  @Field(() => [MetadataChangeGql]) changes!: MetadataChangeGql[];
  @Field(() => [String], { description: 'The schema changes the publish ran (or would run).' }) ddl!: string[];
}

@ObjectType('MetadataFile', { description: 'An exported metadata file.' })
export class MetadataFileGql {
  @Field(() => String) path!: string;
  @Field(() => String) content!: string;
}

@InputType('MetadataFileInput')
export class MetadataFileInput {
  @Field(() => String) path!: string;
  @Field(() => String) content!: string;
}

@ObjectType('ImportResult')
export class ImportResultGql {
  @Field(() => [MetadataChangeGql], { description: 'What the import changes.' }) changes!: MetadataChangeGql[];
  @Field(() => Boolean, { description: 'False for a dry run or when nothing changed.' }) applied!: boolean;
  @Field(() => MetadataVersionGql, { nullable: true }) version?: MetadataVersionGql | null;
  @Field(() => [String]) ddl!: string[];
}

@ObjectType('MetadataDraft', { description: 'An unpublished change: one record type, user criteria or ACL document (or its removal).' })
export class MetadataDraftGql {
  @Field(() => String, { description: 'The record type name, `criteria:<name>` or `acl:<name>`; what discardDrafts takes.' }) name!: string;
  @Field(() => String, { description: 'recordType, userCriteria or acl.' }) kind!: string;
  @Field(() => String, { description: 'The document name.' }) key!: string;
  @Field(() => Int, { description: 'Raised by every save; edits pass back the version they read.' }) version!: number;
  @Field(() => Int, { description: 'The metadata version that was published when the draft was last saved.' }) baseVersion!: number;
  @Field(() => String) updatedBy!: string;
  @Field(() => GraphQLDateTimeRfc3339) updatedAt!: Date;
  @Field(() => Boolean, { description: 'The draft removes the document.' }) removal!: boolean;
}

@InputType('DraftRefInput', { description: 'A draft as it was read: discarded only if it is still at this version.' })
export class DraftRefInput {
  @Field(() => String) name!: string;
  @Field(() => Int) version!: number;
}
