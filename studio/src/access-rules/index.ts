export { AccessRulesPage } from './AccessRulesPage.js';
export { AccessRulesDesignerPage } from './AccessRulesDesignerPage.js';
