/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A draft as it was read: discarded only if it is still at this version. */
export type DraftRefInput = {
  name: string;
  version: number;
};

/** The kinds of metadata document: record types, user criteria, ACLs, business units, case types, state models, forms, UI policies. */
export type MetadataKind =
  | 'ACL'
  | 'BUSINESS_UNIT'
  | 'CASE_TYPE'
  | 'FLOW'
  | 'FORM'
  | 'NOTIFICATION_TEMPLATE'
  | 'RECORD_TYPE'
  | 'ROUTING_RULE'
  | 'SCHEDULE'
  | 'SLA_DEFINITION'
  | 'STATE_MODEL'
  | 'UI_POLICY'
  | 'USER_CRITERIA'
  | 'WEBHOOK';

export type AccessRulesPeopleQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type AccessRulesPeopleQuery = { people: { nodes: Array<{ id: string, userName: string, name: string, title: string | null, active: boolean | null }> } };

export type AccessRulesExplainQueryVariables = Exact<{
  userName: string;
  recordId?: string | number | null | undefined;
  recordType?: string | null | undefined;
  number?: string | null | undefined;
}>;


export type AccessRulesExplainQuery = { explainAccess: { userName: string, admin: boolean, recordType: string, recordId: string, recordNumber: string | null, recordExists: boolean, operations: Array<{ operation: string, allowed: boolean, decidedBy: string | null, reason: string, rules: Array<{ rule: string, description: string | null, appliesToUser: boolean, condition: unknown, through: string | null, conditionHolds: boolean | null, grants: boolean, criteria: Array<{ name: string, matched: boolean }> }> }>, fields: Array<{ field: string, read: { operation: string, allowed: boolean, decidedBy: string | null, reason: string, rules: Array<{ rule: string, description: string | null, appliesToUser: boolean, condition: unknown, through: string | null, conditionHolds: boolean | null, grants: boolean, criteria: Array<{ name: string, matched: boolean }> }> }, write: { operation: string, allowed: boolean, decidedBy: string | null, reason: string, rules: Array<{ rule: string, description: string | null, appliesToUser: boolean, condition: unknown, through: string | null, conditionHolds: boolean | null, grants: boolean, criteria: Array<{ name: string, matched: boolean }> }> } }> } };

export type AccessRulesDecisionFragment = { operation: string, allowed: boolean, decidedBy: string | null, reason: string, rules: Array<{ rule: string, description: string | null, appliesToUser: boolean, condition: unknown, through: string | null, conditionHolds: boolean | null, grants: boolean, criteria: Array<{ name: string, matched: boolean }> }> };

export type CaseTypeWizardPublishMutationVariables = Exact<{
  dryRun: boolean;
  message: string;
}>;


export type CaseTypeWizardPublishMutation = { publishMetadata: { ddl: Array<string>, changes: Array<{ kind: string, path: string }>, version: { id: number } | null } };

export type CriteriaBuilderMatchesQueryVariables = Exact<{
  criteria: Record<string, unknown>;
  sample?: number | null | undefined;
}>;


export type CriteriaBuilderMatchesQuery = { userCriteriaMatches: { count: number, checked: number, truncated: boolean, sample: Array<{ userName: string, name: string }> } };

export type CriteriaBuilderAccessDiffQueryVariables = Exact<{
  limit: number;
}>;


export type CriteriaBuilderAccessDiffQuery = { accessDiff: { usersChecked: number, usersUnaffected: number, truncated: boolean, skippedTypes: Array<string>, changes: Array<{ userName: string, recordType: string, before: number, after: number }> } };

export type CriteriaBuilderPeopleQueryVariables = Exact<{
  search: string;
}>;


export type CriteriaBuilderPeopleQuery = { people: { nodes: Array<{ id: string, userName: string, name: string }> } };

export type CriteriaBuilderPeopleNamedQueryVariables = Exact<{
  userNames: Array<string> | string;
}>;


export type CriteriaBuilderPeopleNamedQuery = { people: { nodes: Array<{ id: string, userName: string, name: string }> } };

export type CriteriaBuilderDirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type CriteriaBuilderDirectoryQuery = { assignmentGroups: { nodes: Array<{ id: string, name: string, parent: { id: string, name: string } | null }> }, roles: { nodes: Array<{ id: string, name: string, description: string | null }> }, accounts: { nodes: Array<{ id: string, name: string, parent: { id: string, name: string } | null }> }, departments: { nodes: Array<{ id: string, name: string }> }, locations: { nodes: Array<{ id: string, name: string }> } };

export type FormDesignerRecentTasksQueryVariables = Exact<{
  prefix: string;
}>;


export type FormDesignerRecentTasksQuery = { tasks: { nodes: Array<
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
      | { id: string, number: string, shortDescription: string }
    > } };

export type FormDesignerPreviewRecordQueryVariables = Exact<{
  type: string;
  recordId?: string | number | null | undefined;
  name?: string | null | undefined;
}>;


export type FormDesignerPreviewRecordQuery = { form: { name: string | null, label: string, recordType: string, sections: Array<{ label: string | null, columns: Array<Array<{ name: string, label: string, help: string | null, type: string, state: { mandatory: boolean, visible: boolean, readOnly: boolean } }>> }> } };

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

export type PublishVersionSummaryFragment = { id: number, author: string, createdAt: string, message: string, rollbackOf: number | null };

export type PublishPreviewMutationVariables = Exact<{ [key: string]: never; }>;


export type PublishPreviewMutation = { publishMetadata: { ddl: Array<string>, changes: Array<{ kind: string, path: string, before: unknown, after: unknown }> } };

export type PublishCommitMutationVariables = Exact<{
  message: string;
}>;


export type PublishCommitMutation = { publishMetadata: { version: { id: number, author: string, createdAt: string, message: string, rollbackOf: number | null } | null, changes: Array<{ kind: string, path: string }> } };

export type PublishDiscardDraftsMutationVariables = Exact<{
  drafts?: Array<DraftRefInput> | DraftRefInput | null | undefined;
}>;


export type PublishDiscardDraftsMutation = { discardDrafts: number };

export type PublishAccessDiffQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishAccessDiffQuery = { accessDiff: { skippedTypes: Array<string>, truncated: boolean, usersChecked: number, usersUnaffected: number, changes: Array<{ userName: string, recordType: string, before: number, after: number }> } };

export type PublishVersionsQueryVariables = Exact<{
  limit: number;
}>;


export type PublishVersionsQuery = { metadataVersions: Array<{ id: number, author: string, createdAt: string, message: string, rollbackOf: number | null, changes: Array<{ kind: string, path: string }> }> };

export type PublishVersionQueryVariables = Exact<{
  id: number;
}>;


export type PublishVersionQuery = { metadataVersion: { id: number, author: string, createdAt: string, message: string, rollbackOf: number | null, changes: Array<{ kind: string, path: string, before: unknown, after: unknown }> } | null };

export type PublishVersionDiffQueryVariables = Exact<{
  from: number;
  to: number;
}>;


export type PublishVersionDiffQuery = { metadataDiff: Array<{ kind: string, path: string, before: unknown, after: unknown }> };

export type PublishRollbackMutationVariables = Exact<{
  toVersion: number;
  message?: string | null | undefined;
}>;


export type PublishRollbackMutation = { rollbackMetadata: { version: { id: number, author: string, createdAt: string, message: string, rollbackOf: number | null } | null } };

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
export const AccessRulesDecisionFragmentDoc = new TypedDocumentString(`
    fragment AccessRulesDecision on AccessDecision {
  operation
  allowed
  decidedBy
  reason
  rules {
    rule
    description
    appliesToUser
    condition
    through
    conditionHolds
    grants
    criteria {
      name
      matched
    }
  }
}
    `, {"fragmentName":"AccessRulesDecision"}) as unknown as TypedDocumentString<AccessRulesDecisionFragment, unknown>;
export const PublishVersionSummaryFragmentDoc = new TypedDocumentString(`
    fragment PublishVersionSummary on MetadataVersion {
  id
  author
  createdAt
  message
  rollbackOf
}
    `, {"fragmentName":"PublishVersionSummary"}) as unknown as TypedDocumentString<PublishVersionSummaryFragment, unknown>;
export const AccessRulesPeopleDocument = new TypedDocumentString(`
    query AccessRulesPeople($search: String!, $first: Int = 20) {
  people(
    first: $first
    orderBy: [NAME_ASC]
    filter: {or: [{name: {contains: $search}}, {userName: {contains: $search}}]}
  ) {
    nodes {
      id
      userName
      name
      title
      active
    }
  }
}
    `) as unknown as TypedDocumentString<AccessRulesPeopleQuery, AccessRulesPeopleQueryVariables>;
export const AccessRulesExplainDocument = new TypedDocumentString(`
    query AccessRulesExplain($userName: String!, $recordId: ID, $recordType: String, $number: String) {
  explainAccess(
    userName: $userName
    recordId: $recordId
    recordType: $recordType
    number: $number
  ) {
    userName
    admin
    recordType
    recordId
    recordNumber
    recordExists
    operations {
      ...AccessRulesDecision
    }
    fields {
      field
      read {
        ...AccessRulesDecision
      }
      write {
        ...AccessRulesDecision
      }
    }
  }
}
    fragment AccessRulesDecision on AccessDecision {
  operation
  allowed
  decidedBy
  reason
  rules {
    rule
    description
    appliesToUser
    condition
    through
    conditionHolds
    grants
    criteria {
      name
      matched
    }
  }
}`) as unknown as TypedDocumentString<AccessRulesExplainQuery, AccessRulesExplainQueryVariables>;
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
export const CriteriaBuilderMatchesDocument = new TypedDocumentString(`
    query CriteriaBuilderMatches($criteria: JSONObject!, $sample: Int) {
  userCriteriaMatches(criteria: $criteria, sample: $sample) {
    count
    checked
    truncated
    sample {
      userName
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaBuilderMatchesQuery, CriteriaBuilderMatchesQueryVariables>;
export const CriteriaBuilderAccessDiffDocument = new TypedDocumentString(`
    query CriteriaBuilderAccessDiff($limit: Int!) {
  accessDiff(limit: $limit) {
    usersChecked
    usersUnaffected
    truncated
    skippedTypes
    changes {
      userName
      recordType
      before
      after
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaBuilderAccessDiffQuery, CriteriaBuilderAccessDiffQueryVariables>;
export const CriteriaBuilderPeopleDocument = new TypedDocumentString(`
    query CriteriaBuilderPeople($search: String!) {
  people(
    first: 50
    orderBy: [NAME_ASC]
    filter: {active: {ne: false}, or: [{name: {contains: $search}}, {userName: {contains: $search}}]}
  ) {
    nodes {
      id
      userName
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaBuilderPeopleQuery, CriteriaBuilderPeopleQueryVariables>;
export const CriteriaBuilderPeopleNamedDocument = new TypedDocumentString(`
    query CriteriaBuilderPeopleNamed($userNames: [String!]!) {
  people(first: 100, filter: {userName: {in: $userNames}}) {
    nodes {
      id
      userName
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaBuilderPeopleNamedQuery, CriteriaBuilderPeopleNamedQueryVariables>;
export const CriteriaBuilderDirectoryDocument = new TypedDocumentString(`
    query CriteriaBuilderDirectory {
  assignmentGroups(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      id
      name
      parent {
        id
        name
      }
    }
  }
  roles(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      id
      name
      description
    }
  }
  accounts(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      id
      name
      parent {
        id
        name
      }
    }
  }
  departments(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      id
      name
    }
  }
  locations(first: 100, orderBy: [NAME_ASC]) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaBuilderDirectoryQuery, CriteriaBuilderDirectoryQueryVariables>;
export const FormDesignerRecentTasksDocument = new TypedDocumentString(`
    query FormDesignerRecentTasks($prefix: String!) {
  tasks(
    first: 20
    filter: {number: {startsWith: $prefix}}
    orderBy: [NUMBER_DESC]
  ) {
    nodes {
      id
      number
      shortDescription
    }
  }
}
    `) as unknown as TypedDocumentString<FormDesignerRecentTasksQuery, FormDesignerRecentTasksQueryVariables>;
export const FormDesignerPreviewRecordDocument = new TypedDocumentString(`
    query FormDesignerPreviewRecord($type: String!, $recordId: ID, $name: String) {
  form(type: $type, recordId: $recordId, name: $name) {
    name
    label
    recordType
    sections {
      label
      columns {
        name
        label
        help
        type
        state {
          mandatory
          visible
          readOnly
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FormDesignerPreviewRecordQuery, FormDesignerPreviewRecordQueryVariables>;
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
export const PublishPreviewDocument = new TypedDocumentString(`
    mutation PublishPreview {
  publishMetadata(dryRun: true) {
    changes {
      kind
      path
      before
      after
    }
    ddl
  }
}
    `) as unknown as TypedDocumentString<PublishPreviewMutation, PublishPreviewMutationVariables>;
export const PublishCommitDocument = new TypedDocumentString(`
    mutation PublishCommit($message: String!) {
  publishMetadata(message: $message) {
    version {
      ...PublishVersionSummary
    }
    changes {
      kind
      path
    }
  }
}
    fragment PublishVersionSummary on MetadataVersion {
  id
  author
  createdAt
  message
  rollbackOf
}`) as unknown as TypedDocumentString<PublishCommitMutation, PublishCommitMutationVariables>;
export const PublishDiscardDraftsDocument = new TypedDocumentString(`
    mutation PublishDiscardDrafts($drafts: [DraftRefInput!]) {
  discardDrafts(drafts: $drafts)
}
    `) as unknown as TypedDocumentString<PublishDiscardDraftsMutation, PublishDiscardDraftsMutationVariables>;
export const PublishAccessDiffDocument = new TypedDocumentString(`
    query PublishAccessDiff {
  accessDiff {
    changes {
      userName
      recordType
      before
      after
    }
    skippedTypes
    truncated
    usersChecked
    usersUnaffected
  }
}
    `) as unknown as TypedDocumentString<PublishAccessDiffQuery, PublishAccessDiffQueryVariables>;
export const PublishVersionsDocument = new TypedDocumentString(`
    query PublishVersions($limit: Int!) {
  metadataVersions(limit: $limit) {
    ...PublishVersionSummary
    changes {
      kind
      path
    }
  }
}
    fragment PublishVersionSummary on MetadataVersion {
  id
  author
  createdAt
  message
  rollbackOf
}`) as unknown as TypedDocumentString<PublishVersionsQuery, PublishVersionsQueryVariables>;
export const PublishVersionDocument = new TypedDocumentString(`
    query PublishVersion($id: Int!) {
  metadataVersion(id: $id) {
    ...PublishVersionSummary
    changes {
      kind
      path
      before
      after
    }
  }
}
    fragment PublishVersionSummary on MetadataVersion {
  id
  author
  createdAt
  message
  rollbackOf
}`) as unknown as TypedDocumentString<PublishVersionQuery, PublishVersionQueryVariables>;
export const PublishVersionDiffDocument = new TypedDocumentString(`
    query PublishVersionDiff($from: Int!, $to: Int!) {
  metadataDiff(from: $from, to: $to) {
    kind
    path
    before
    after
  }
}
    `) as unknown as TypedDocumentString<PublishVersionDiffQuery, PublishVersionDiffQueryVariables>;
export const PublishRollbackDocument = new TypedDocumentString(`
    mutation PublishRollback($toVersion: Int!, $message: String) {
  rollbackMetadata(toVersion: $toVersion, message: $message) {
    version {
      ...PublishVersionSummary
    }
  }
}
    fragment PublishVersionSummary on MetadataVersion {
  id
  author
  createdAt
  message
  rollbackOf
}`) as unknown as TypedDocumentString<PublishRollbackMutation, PublishRollbackMutationVariables>;
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