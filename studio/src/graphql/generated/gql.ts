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
    "# Recent records of a task-derived type, to preview a form on a real one (task is the one typed listing that spans\n# record types; the number prefix tells the kinds apart).\nquery FormDesignerRecentTasks($prefix: String!) {\n  tasks(first: 20, filter: { number: { startsWith: $prefix } }, orderBy: [NUMBER_DESC]) {\n    nodes {\n      id\n      number\n      shortDescription\n    }\n  }\n}\n\n# The form of one real record as the server shows it to the signed-in admin: the published layout and policies\n# evaluated on the stored record.\nquery FormDesignerPreviewRecord($type: String!, $recordId: ID, $name: String) {\n  form(type: $type, recordId: $recordId, name: $name) {\n    name\n    label\n    recordType\n    sections {\n      label\n      columns {\n        name\n        label\n        help\n        type\n        state {\n          mandatory\n          visible\n          readOnly\n        }\n      }\n    }\n  }\n}\n": typeof types.FormDesignerRecentTasksDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}\n": typeof types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}\n": typeof types.StudioAccessDocument,
};
const documents: Documents = {
    "# Recent records of a task-derived type, to preview a form on a real one (task is the one typed listing that spans\n# record types; the number prefix tells the kinds apart).\nquery FormDesignerRecentTasks($prefix: String!) {\n  tasks(first: 20, filter: { number: { startsWith: $prefix } }, orderBy: [NUMBER_DESC]) {\n    nodes {\n      id\n      number\n      shortDescription\n    }\n  }\n}\n\n# The form of one real record as the server shows it to the signed-in admin: the published layout and policies\n# evaluated on the stored record.\nquery FormDesignerPreviewRecord($type: String!, $recordId: ID, $name: String) {\n  form(type: $type, recordId: $recordId, name: $name) {\n    name\n    label\n    recordType\n    sections {\n      label\n      columns {\n        name\n        label\n        help\n        type\n        state {\n          mandatory\n          visible\n          readOnly\n        }\n      }\n    }\n  }\n}\n": types.FormDesignerRecentTasksDocument,
    "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}\n": types.StudioMetadataSnapshotDocument,
    "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}\n": types.StudioAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "# Recent records of a task-derived type, to preview a form on a real one (task is the one typed listing that spans\n# record types; the number prefix tells the kinds apart).\nquery FormDesignerRecentTasks($prefix: String!) {\n  tasks(first: 20, filter: { number: { startsWith: $prefix } }, orderBy: [NUMBER_DESC]) {\n    nodes {\n      id\n      number\n      shortDescription\n    }\n  }\n}\n\n# The form of one real record as the server shows it to the signed-in admin: the published layout and policies\n# evaluated on the stored record.\nquery FormDesignerPreviewRecord($type: String!, $recordId: ID, $name: String) {\n  form(type: $type, recordId: $recordId, name: $name) {\n    name\n    label\n    recordType\n    sections {\n      label\n      columns {\n        name\n        label\n        help\n        type\n        state {\n          mandatory\n          visible\n          readOnly\n        }\n      }\n    }\n  }\n}\n"): typeof import('./graphql.js').FormDesignerRecentTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudioMetadataSnapshot($published: Boolean! = false) {\n  metadataSnapshot(published: $published) {\n    publishedVersion\n    draftCount\n    snapshot\n  }\n}\n\nquery StudioDocuments($kind: MetadataKind!) {\n  metadataDocuments(kind: $kind) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nquery StudioDrafts {\n  metadataDrafts {\n    key\n    kind\n    name\n    removal\n    version\n    baseVersion\n    updatedAt\n    updatedBy\n  }\n}\n\nquery StudioValidate {\n  validateMetadata {\n    code\n    path\n    message\n  }\n}\n\nmutation StudioSaveDraft($kind: MetadataKind!, $document: JSONObject!, $draftVersion: Int) {\n  saveMetadataDraft(kind: $kind, document: $document, draftVersion: $draftVersion) {\n    kind\n    name\n    document\n    hasDraft\n    draftVersion\n  }\n}\n\nmutation StudioRemoveDocument($kind: MetadataKind!, $name: String!, $draftVersion: Int) {\n  removeMetadataDocument(kind: $kind, name: $name, draftVersion: $draftVersion) {\n    kind\n    name\n    hasDraft\n    draftVersion\n  }\n}\n"): typeof import('./graphql.js').StudioMetadataSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudioAccess {\n  studioAccess {\n    signedIn\n    userName\n    displayName\n    platformAdmin\n    administeredUnits\n    canDesign\n    missingRights\n  }\n}\n"): typeof import('./graphql.js').StudioAccessDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
