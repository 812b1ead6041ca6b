export { RecordTypesPage } from './RecordTypesPage.js';
export { RecordTypeDesignerPage } from './RecordTypeDesignerPage.js';
