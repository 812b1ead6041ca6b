export { StateModelsPage } from './StateModelsPage.js';
export { StateModelDesignerPage } from './StateModelDesignerPage.js';
