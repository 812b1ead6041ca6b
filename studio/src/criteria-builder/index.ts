export { UserCriteriaPage } from './UserCriteriaPage.js';
export { UserCriteriaDesignerPage } from './UserCriteriaDesignerPage.js';
