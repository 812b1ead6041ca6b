/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The kinds of metadata document: record types, user criteria, ACLs, business units, case types, state models, forms, UI policies. */
export type MetadataKind =
  | 'ACL'
  | 'BUSINESS_UNIT'
  | 'CASE_TYPE'
  | 'FORM'
  | 'RECORD_TYPE'
  | 'STATE_MODEL'
  | 'UI_POLICY'
  | 'USER_CRITERIA';

export type CaseTypeWizardPublishMutationVariables = Exact<{
  dryRun: boolean;
  message: string;
}>;


export type CaseTypeWizardPublishMutation = { publishMetadata: { ddl: Array<string>, changes: Array<{ kind: string, path: string }>, version: { id: number } | null } };

export type StudioMetadataSnapshotQueryVariables = Exact<{
  published?: boolean;
}>;


export type StudioMetadataSnapshotQuery = { metadataSnapshot: { publishedVersion: number, draftCount: number, snapshot: Record<string, unknown> } };

export type StudioDocumentsQueryVariables = Exact<{
  kind: MetadataKind;
}>;


export type StudioDocumentsQuery = { metadataDocuments: Array<{ kind: MetadataKind, name: string, document: Record<string, unknown>, hasDraft: boolean, draftVersion: number | null }> };

export type StudioDraftsQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioDraftsQuery = { metadataDrafts: Array<{ key: string, kind: string, name: string, removal: boolean, version: number, baseVersion: number, updatedAt: string, updatedBy: string }> };

export type StudioValidateQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioValidateQuery = { validateMetadata: Array<{ code: string, path: string, message: string }> };

export type StudioSaveDraftMutationVariables = Exact<{
  kind: MetadataKind;
  document: Record<string, unknown>;
  draftVersion?: number | null | undefined;
}>;


export type StudioSaveDraftMutation = { saveMetadataDraft: { kind: MetadataKind, name: string, document: Record<string, unknown>, hasDraft: boolean, draftVersion: number | null } };

export type StudioRemoveDocumentMutationVariables = Exact<{
  kind: MetadataKind;
  name: string;
  draftVersion?: number | null | undefined;
}>;


export type StudioRemoveDocumentMutation = { removeMetadataDocument: { kind: MetadataKind, name: string, hasDraft: boolean, draftVersion: number | null } };

export type StudioAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type StudioAccessQuery = { studioAccess: { signedIn: boolean, userName: string | null, displayName: string | null, platformAdmin: boolean, administeredUnits: Array<string>, canDesign: boolean, missingRights: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CaseTypeWizardPublishDocument = new TypedDocumentString(`
    mutation CaseTypeWizardPublish($dryRun: Boolean!, $message: String!) {
  publishMetadata(dryRun: $dryRun, message: $message) {
    changes {
      kind
      path
    }
    ddl
    version {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CaseTypeWizardPublishMutation, CaseTypeWizardPublishMutationVariables>;
export const StudioMetadataSnapshotDocument = new TypedDocumentString(`
    query StudioMetadataSnapshot($published: Boolean! = false) {
  metadataSnapshot(published: $published) {
    publishedVersion
    draftCount
    snapshot
  }
}
    `) as unknown as TypedDocumentString<StudioMetadataSnapshotQuery, StudioMetadataSnapshotQueryVariables>;
export const StudioDocumentsDocument = new TypedDocumentString(`
    query StudioDocuments($kind: MetadataKind!) {
  metadataDocuments(kind: $kind) {
    kind
    name
    document
    hasDraft
    draftVersion
  }
}
    `) as unknown as TypedDocumentString<StudioDocumentsQuery, StudioDocumentsQueryVariables>;
export const StudioDraftsDocument = new TypedDocumentString(`
    query StudioDrafts {
  metadataDrafts {
    key
    kind
    name
    removal
    version
    baseVersion
    updatedAt
    updatedBy
  }
}
    `) as unknown as TypedDocumentString<StudioDraftsQuery, StudioDraftsQueryVariables>;
export const StudioValidateDocument = new TypedDocumentString(`
    query StudioValidate {
  validateMetadata {
    code
    path
    message
  }
}
    `) as unknown as TypedDocumentString<StudioValidateQuery, StudioValidateQueryVariables>;
export const StudioSaveDraftDocument = new TypedDocumentString(`
    mutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {
  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {
    kind
    name
    document
    hasDraft
    draftVersion
  }
}
    `) as unknown as TypedDocumentString<StudioSaveDraftMutation, StudioSaveDraftMutationVariables>;
export const StudioRemoveDocumentDocument = new TypedDocumentString(`
    mutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {
  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {
    kind
    name
    hasDraft
    draftVersion
  }
}
    `) as unknown as TypedDocumentString<StudioRemoveDocumentMutation, StudioRemoveDocumentMutationVariables>;
export const StudioAccessDocument = new TypedDocumentString(`
    query StudioAccess {
  studioAccess {
    signedIn
    userName
    displayName
    platformAdmin
    administeredUnits
    canDesign
    missingRights
  }
}
    `) as unknown as TypedDocumentString<StudioAccessQuery, StudioAccessQueryVariables>;