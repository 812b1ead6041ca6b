export { StateModelsPage } from './StateModelsPage.js';
export { StateModelDesignerPage } from './StateModelDesignerPage.js';
export { StateModelEditor, type StateModelEditorProps } from './StateModelEditor.js';
export { lintStateModel, validatorItems, type LintItem, type LintTarget } from './lint/lint-state-model.js';
