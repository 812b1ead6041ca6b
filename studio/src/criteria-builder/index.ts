export { UserCriteriaPage } from './UserCriteriaPage.js';
export { UserCriteriaDesignerPage } from './UserCriteriaDesignerPage.js';
export { criteriaUsage, type CriteriaUse } from './criteria-usage.js';
export { summarizeCriteria } from './summarize-criteria.js';
