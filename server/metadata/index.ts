export { carryForward, withIds } from './carry-forward.js';
export { diffSnapshots, type MetadataChange, type ChangeKind } from './diff-snapshots.js';
export { applyDrafts, draftName, metadataStore, type DraftKind, type DraftMeta, type DraftRow, type NewDraft, type VersionRow } from './metadata-store.js';
export { publish, SCHEMA_CHANNEL, type PublishRequest, type PublishResult } from './publish.js';
export { exportFiles, importFiles, METADATA_FOLDERS, type MetadataFile } from './metadata-files.js';
export { MetadataService, type MetadataServing, type SavedDraft } from './metadata-service.js';
export { repairDatabaseDefaults } from './repair-defaults.js';
export { authorizeChange, draftsInside, unitsAdministered, type MetadataAuthority } from './metadata-authority.js';
