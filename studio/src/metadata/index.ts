export { useWorkingMetadata, analyse, type WorkingMetadata } from './use-working-metadata.js';
export { useDocumentDraft, kindEnum, type DocumentDraft, type SaveError } from './use-document-draft.js';
export { draftProblems } from './draft-problems.js';
export { readLocalDraft, writeLocalDraft, listLocalDrafts, type LocalDraft } from './local-drafts.js';
export { useUnitFilter, documentsInUnit } from './unit-filter.js';
export { DocumentEditorFrame, type DocumentEditorFrameProps } from './DocumentEditorFrame.js';
