export { FormsPage } from './FormsPage.js';
export { FormDesignerPage } from './FormDesignerPage.js';
