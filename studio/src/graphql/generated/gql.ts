/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AccessRulesPeople($search: String!, $first: Int = 20) {\n  people(\n    first: $first\n    orderBy: [NAME_ASC]\n    filter: {or: [{name: {contains: $search}}, {userName: {contains: $search}}]}\n  ) {\n    nodes {\n      id\n      userName\n      name\n      title\n      active\n    }\n  }\n}\n\nquery AccessRulesExplain($userName: String!, $recordId: ID, $recordType: String, $number: String) {\n  explainAccess(\n    userName: $userName\n    recordId: $recordId\n    recordType: $recordType\n    number: $number\n  ) {\n    userName\n    admin\n    recordType\n    recordId\n    recordNumber\n    recordExists\n    operations {\n      ...AccessRulesDecision\n    }\n    fields {\n      field\n      read {\n        ...AccessRulesDecision\n      }\n      write {\n        ...AccessRulesDecision\n      }\n    }\n  }\n}\n\nfragment AccessRulesDecision on AccessDecision {\n  operation\n  allowed\n  decidedBy\n  reason\n  rules {\n    rule\n    description\n    appliesToUser\n    condition\n    through\n    conditionHolds\n    grants\n    criteria {\n      name\n      matched\n    }\n  }\n}": typeof types.AccessRulesPeopleDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}": typeof types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}": typeof types.StudioAccessDocument,
};
const documents: Documents = {
    "query AccessRulesPeople($search: String!, $first: Int = 20) {\n  people(\n    first: $first\n    orderBy: [NAME_ASC]\n    filter: {or: [{name: {contains: $search}}, {userName: {contains: $search}}]}\n  ) {\n    nodes {\n      id\n      userName\n      name\n      title\n      active\n    }\n  }\n}\n\nquery AccessRulesExplain($userName: String!, $recordId: ID, $recordType: String, $number: String) {\n  explainAccess(\n    userName: $userName\n    recordId: $recordId\n    recordType: $recordType\n    number: $number\n  ) {\n    userName\n    admin\n    recordType\n    recordId\n    recordNumber\n    recordExists\n    operations {\n      ...AccessRulesDecision\n    }\n    fields {\n      field\n      read {\n        ...AccessRulesDecision\n      }\n      write {\n        ...AccessRulesDecision\n      }\n    }\n  }\n}\n\nfragment AccessRulesDecision on AccessDecision {\n  operation\n  allowed\n  decidedBy\n  reason\n  rules {\n    rule\n    description\n    appliesToUser\n    condition\n    through\n    conditionHolds\n    grants\n    criteria {\n      name\n      matched\n    }\n  }\n}": types.AccessRulesPeopleDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}": types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}": types.StudioAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessRulesPeople($search: String!, $first: Int = 20) {\n  people(\n    first: $first\n    orderBy: [NAME_ASC]\n    filter: {or: [{name: {contains: $search}}, {userName: {contains: $search}}]}\n  ) {\n    nodes {\n      id\n      userName\n      name\n      title\n      active\n    }\n  }\n}\n\nquery AccessRulesExplain($userName: String!, $recordId: ID, $recordType: String, $number: String) {\n  explainAccess(\n    userName: $userName\n    recordId: $recordId\n    recordType: $recordType\n    number: $number\n  ) {\n    userName\n    admin\n    recordType\n    recordId\n    recordNumber\n    recordExists\n    operations {\n      ...AccessRulesDecision\n    }\n    fields {\n      field\n      read {\n        ...AccessRulesDecision\n      }\n      write {\n        ...AccessRulesDecision\n      }\n    }\n  }\n}\n\nfragment AccessRulesDecision on AccessDecision {\n  operation\n  allowed\n  decidedBy\n  reason\n  rules {\n    rule\n    description\n    appliesToUser\n    condition\n    through\n    conditionHolds\n    grants\n    criteria {\n      name\n      matched\n    }\n  }\n}"): typeof import('./graphql.js').AccessRulesPeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}"): typeof import('./graphql.js').StudioMetadataSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}"): typeof import('./graphql.js').StudioAccessDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
