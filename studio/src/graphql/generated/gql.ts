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
    "mutation CaseTypeWizardPublish($dryRun: Boolean!, $message: String!) {\n  publishMetadata(dryRun: $dryRun, message: $message) {\n    changes {\n      kind\n      path\n    }\n    ddl\n    version {\n      id\n    }\n  }\n}": typeof types.CaseTypeWizardPublishDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}": typeof types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}": typeof types.StudioAccessDocument,
};
const documents: Documents = {
    "mutation CaseTypeWizardPublish($dryRun: Boolean!, $message: String!) {\n  publishMetadata(dryRun: $dryRun, message: $message) {\n    changes {\n      kind\n      path\n    }\n    ddl\n    version {\n      id\n    }\n  }\n}": types.CaseTypeWizardPublishDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}": types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}": types.StudioAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CaseTypeWizardPublish($dryRun: Boolean!, $message: String!) {\n  publishMetadata(dryRun: $dryRun, message: $message) {\n    changes {\n      kind\n      path\n    }\n    ddl\n    version {\n      id\n    }\n  }\n}"): typeof import('./graphql.js').CaseTypeWizardPublishDocument;
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
